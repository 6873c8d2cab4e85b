import { describe, expect, it } from 'vitest';
import { analyzeHeader, detectSeparator, separatorFor } from './header';

describe('detectSeparator (Auto)', () => {
	it.each([
		['source_code,sku,status,quantity', ','],
		['source_code;sku;status;quantity', ';'],
		['source_code\tsku\tstatus\tquantity', '\t'],
		['source_code|sku|status|quantity', '|']
	])('finds the separator of %j', (line, separator) => {
		expect(detectSeparator(line)).toBe(separator);
	});

	it('ignores separators inside quotes and prefers the comma on a tie or when there is none', () => {
		expect(detectSeparator('"a;b;c",d,e')).toBe(',');
		expect(detectSeparator('a;b,c')).toBe(',');
		expect(detectSeparator('sku')).toBe(',');
	});

	it('uses the chosen separator instead of guessing', () => {
		expect(separatorFor('semicolon', 'a,b,c')).toBe(';');
		expect(separatorFor('tab', 'a,b')).toBe('\t');
		expect(separatorFor('pipe', 'a')).toBe('|');
		expect(separatorFor('comma', 'a;b')).toBe(',');
		expect(separatorFor('auto', 'a;b')).toBe(';');
	});
});

describe('analyzeHeader', () => {
	it('trims names, matches them ignoring case and accepts any order', () => {
		const result = analyzeHeader(
			[' Quantity ', 'SKU', 'status', 'Source_Code'],
			'stock-sources',
			'append',
			','
		);
		expect(result).toEqual({
			ok: true,
			layout: {
				width: 4,
				index: { quantity: 0, sku: 1, status: 2, source_code: 3 },
				names: ['Quantity', 'SKU', 'status', 'Source_Code']
			},
			warnings: []
		});
	});

	it('ignores unknown columns with one warning naming them', () => {
		const result = analyzeHeader(
			['source_code', 'notes', 'sku', 'quantity', 'color', ''],
			'stock-sources',
			'append',
			','
		);
		expect(result.ok).toBe(true);
		expect(result.warnings).toEqual(['Columns ignored: notes, color, (unnamed column 6).']);
	});

	it('reports one message per missing required column', () => {
		const result = analyzeHeader(['status'], 'stock-sources', 'append', ',');
		expect(result).toMatchObject({
			ok: false,
			errors: [
				'Missing required column "source_code".',
				'Missing required column "sku".',
				'Missing required column "quantity".'
			]
		});
	});

	it('needs quantity for Add/Update and Replace but not for Delete', () => {
		expect(analyzeHeader(['source_code', 'sku'], 'stock-sources', 'replace', ',')).toMatchObject({
			ok: false,
			errors: ['Missing required column "quantity".']
		});
		expect(analyzeHeader(['source_code', 'sku'], 'stock-sources', 'delete', ',').ok).toBe(true);
	});

	it('needs only sku for Products', () => {
		expect(analyzeHeader(['sku'], 'products', 'append', ',').ok).toBe(true);
		expect(analyzeHeader(['name', 'qty'], 'products', 'delete', ',')).toMatchObject({
			ok: false,
			errors: ['Missing required column "sku".']
		});
	});

	it('reports a column named twice, ignoring case and spaces, once', () => {
		const result = analyzeHeader(
			['source_code', 'sku', ' SKU', 'quantity', 'sku'],
			'stock-sources',
			'append',
			','
		);
		expect(result).toMatchObject({ ok: false, errors: ['Duplicate column "sku".'] });
	});

	it('suggests another separator when the header stayed in one piece', () => {
		const result = analyzeHeader(['source_code;sku;status;quantity'], 'stock-sources', 'append', ',');
		expect(result.ok).toBe(false);
		expect(result.warnings).toContain(
			'The header seems to be separated by ";": choose Field separator "Auto" or "Semicolon".'
		);
	});
});
