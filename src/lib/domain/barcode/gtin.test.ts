import { describe, expect, it } from 'vitest';
import { barcodeKey, barcodeKeys, expandUpcE, gtinCheckDigit, hasValidCheckDigit } from './gtin';

describe('GTIN check digits', () => {
	it('computes the check digit of UPC-A, EAN-13, EAN-8 and GTIN-14 bodies', () => {
		expect(gtinCheckDigit('03600029145')).toBe(2);
		expect(gtinCheckDigit('400638133393')).toBe(1);
		expect(gtinCheckDigit('9638507')).toBe(4);
		expect(gtinCheckDigit('1001234567890')).toBe(2);
	});

	it('rejects a code whose last digit is not its check digit', () => {
		expect(hasValidCheckDigit('036000291452')).toBe(true);
		expect(hasValidCheckDigit('036000291453')).toBe(false);
		expect(hasValidCheckDigit('03600029145x')).toBe(false);
	});
});

describe('UPC-E expansion', () => {
	it.each([
		['04252614', '042100005264'],
		['01234565', '012345000065'],
		['01234133', '012300000413'],
		['01234543', '012340000053'],
		['01234572', '012345000072']
	])('%s stands for the UPC-A %s', (upcE, upcA) => {
		expect(expandUpcE(upcE)).toBe(upcA);
		expect(hasValidCheckDigit(upcA)).toBe(true);
	});

	it('is null for codes that are no UPC-E', () => {
		expect(expandUpcE('24252614')).toBeNull(); // number system 2 does not exist in UPC-E
		expect(expandUpcE('04252615')).toBeNull(); // wrong check digit
		expect(expandUpcE('0425261')).toBeNull();
	});
});

describe('barcode keys', () => {
	it('gives a UPC-A, its EAN-13 form, the GTIN-14 and the zero-stripped form one key', () => {
		const key = barcodeKey('036000291452');
		expect(key).toBe('00036000291452');
		expect(barcodeKey('0036000291452')).toBe(key);
		expect(barcodeKey('00036000291452')).toBe(key);
		expect(barcodeKey('36000291452')).toBe(key);
		expect(barcodeKey(' 036000291452 ')).toBe(key);
	});

	it('pads EAN-8 and EAN-13 to 14 digits', () => {
		expect(barcodeKey('96385074')).toBe('00000096385074');
		expect(barcodeKey('4006381333931')).toBe('04006381333931');
	});

	it('matches a UPC-E with the UPC-A it stands for', () => {
		expect(barcodeKeys('04252614')).toContain(barcodeKey('042100005264'));
	});

	it('keeps both readings of an 8-digit code that is a valid EAN-8 and a valid UPC-E', () => {
		// 01234565: EAN-8 check digit of 0123456 is 5, and it is also the UPC-E of 012345000065.
		expect(barcodeKeys('01234565')).toEqual(['00000001234565', '00012345000065']);
	});

	it('leaves codes that are no GTIN as they are', () => {
		expect(barcodeKeys('036000291453')).toEqual(['036000291453']); // bad check digit: not the same product
		expect(barcodeKeys('ABC-123')).toEqual(['ABC-123']);
		expect(barcodeKeys('1234567')).toEqual(['1234567']); // too short for a GTIN
		expect(barcodeKeys('0000000036000291452')).toEqual(['0000000036000291452']); // longer than GTIN-14
	});
});
