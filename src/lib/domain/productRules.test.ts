import { describe, expect, it } from 'vitest';
import {
	MAX_SKU_LENGTH,
	parseBarcodes,
	quantityProblemMessage,
	readQuantity,
	skuProblem,
	validateProductDraft,
	validateSourceItemDraft
} from './productRules';

describe('skuProblem', () => {
	it('accepts a SKU up to 64 characters, with inner spaces', () => {
		expect(MAX_SKU_LENGTH).toBe(64);
		expect(skuProblem('MB-01')).toBeNull();
		expect(skuProblem('Joust Duffle Bag')).toBeNull();
		expect(skuProblem('s'.repeat(64))).toBeNull();
	});

	it('says what is wrong with a SKU', () => {
		expect(skuProblem('')).toBe('SKU is empty.');
		expect(skuProblem(' MB-01')).toBe('SKU " MB-01" has leading or trailing spaces.');
		expect(skuProblem('MB-01 ')).toBe('SKU "MB-01 " has leading or trailing spaces.');
		expect(skuProblem('MB-01\t')).toBe('SKU "MB-01\t" has leading or trailing spaces.');
		expect(skuProblem('   ')).toBe('SKU "   " has leading or trailing spaces.');
		expect(skuProblem('s'.repeat(65))).toBe('SKU must be at most 64 characters.');
	});
});

describe('quantityProblemMessage', () => {
	it('names the field and quotes the value as typed, without surrounding spaces', () => {
		expect(quantityProblemMessage('Quantity', '  ', 'empty')).toBe('Quantity is empty.');
		expect(quantityProblemMessage('Quantity', ' 5,5 ', 'comma')).toBe(
			'Quantity "5,5" is not a number (use a dot for decimals).'
		);
		expect(quantityProblemMessage('Notify quantity', 'ten', 'not-a-number')).toBe(
			'Notify quantity "ten" is not a number.'
		);
		expect(quantityProblemMessage('Quantity', '1.23456', 'too-many-decimals')).toBe(
			'Quantity "1.23456" has more than 4 decimal places.'
		);
		expect(quantityProblemMessage('Quantity', '1000000000', 'out-of-range')).toBe(
			'Quantity is out of range.'
		);
	});
});

describe('readQuantity', () => {
	it("gives the value, or the parser's message under the field's label", () => {
		expect(readQuantity('Quantity from', '2.5')).toEqual({ ok: true, value: 2.5 });
		expect(readQuantity('Quantity from', '1,5')).toEqual({
			ok: false,
			message: 'Quantity from "1,5" is not a number (use a dot for decimals).'
		});
		expect(readQuantity('Default notify quantity', 'abc')).toEqual({
			ok: false,
			message: 'Default notify quantity "abc" is not a number.'
		});
		expect(readQuantity('Default notify quantity', '')).toEqual({
			ok: false,
			message: 'Default notify quantity is empty.'
		});
	});
});

describe('parseBarcodes', () => {
	it('splits on bars, commas and new lines, trims, and drops empty and repeated codes', () => {
		expect(parseBarcodes('0730143312691| 4006381333931 ,\n123\r\n\n,|123')).toEqual([
			'0730143312691',
			'4006381333931',
			'123'
		]);
	});

	it('gives no barcodes for an empty field', () => {
		expect(parseBarcodes('')).toEqual([]);
		expect(parseBarcodes(' , | \n')).toEqual([]);
	});

	it('keeps inner spaces so that validation can refuse them', () => {
		expect(parseBarcodes('12 34')).toEqual(['12 34']);
	});
});

describe('validateProductDraft', () => {
	const owners = new Map([
		['111', 'MB-02'],
		['222', 'MB-01']
	]);
	const barcodeOwner = (code: string) => owners.get(code) ?? null;
	const taken = new Set(['mb-02']);
	const skuTaken = (sku: string) => taken.has(sku.toLowerCase());

	it('accepts a new SKU with free barcodes and its own barcodes, whatever their case', () => {
		expect(
			validateProductDraft({ sku: 'MB-01', name: '', barcodes: ['999'] }, skuTaken, barcodeOwner)
		).toEqual([]);
		expect(
			validateProductDraft({ sku: 'mb-01', name: '', barcodes: ['222'] }, skuTaken, barcodeOwner)
		).toEqual([]);
	});

	it('refuses a SKU problem before asking whether it is taken', () => {
		expect(validateProductDraft({ sku: '', name: 'x', barcodes: [] }, () => true, barcodeOwner)).toEqual([
			{ field: 'sku', message: 'SKU is empty.' }
		]);
	});

	it('refuses a SKU that exists, ignoring case', () => {
		expect(validateProductDraft({ sku: 'MB-02', name: '', barcodes: [] }, skuTaken, barcodeOwner)).toEqual([
			{ field: 'sku', message: 'A product with SKU "MB-02" already exists.' }
		]);
	});

	it('names the product a barcode already belongs to', () => {
		expect(
			validateProductDraft({ sku: 'MB-01', name: '', barcodes: ['111', '999'] }, skuTaken, barcodeOwner)
		).toEqual([{ field: 'barcodes', message: 'Barcode "111" already belongs to MB-02.' }]);
	});

	it('refuses a barcode with spaces', () => {
		expect(
			validateProductDraft({ sku: 'MB-01', name: '', barcodes: ['12 34'] }, skuTaken, barcodeOwner)
		).toEqual([{ field: 'barcodes', message: 'Barcode "12 34" can not contain spaces.' }]);
	});
});

describe('validateSourceItemDraft', () => {
	it('accepts a quantity with an empty notify quantity', () => {
		expect(validateSourceItemDraft({ source: 'default', quantity: '3', status: '', notifyQty: '' })).toEqual(
			[]
		);
		expect(
			validateSourceItemDraft({ source: 'default', quantity: '-2.5', status: '1', notifyQty: ' 4 ' })
		).toEqual([]);
	});

	it('places quantity and notify quantity errors on their fields', () => {
		expect(
			validateSourceItemDraft({ source: 'default', quantity: '', status: '', notifyQty: '1,5' })
		).toEqual([
			{ field: 'quantity', message: 'Quantity is empty.' },
			{ field: 'notifyQty', message: 'Notify quantity "1,5" is not a number (use a dot for decimals).' }
		]);
	});
});
