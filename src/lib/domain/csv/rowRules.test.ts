import { describe, expect, it } from 'vitest';
import { newSource } from '../types';
import {
	duplicateMessage,
	fieldCountMessage,
	readStatus,
	SourceLookup,
	splitBarcodes,
	statusMessage
} from './rowRules';

describe('row rules', () => {
	it('says how many fields a ragged row has', () => {
		expect(fieldCountMessage(5, 4)).toBe('Row has 5 fields; the header has 4.');
		expect(fieldCountMessage(1, 4)).toBe('Row has 1 field; the header has 4.');
	});

	it('finds sources by exact code and suggests the one meant', () => {
		const lookup = new SourceLookup([newSource('default', 'Default'), newSource('eu-1', 'EU 1')]);
		expect(lookup.indexOf('eu-1')).toBe(1);
		expect(lookup.indexOf('EU-1')).toBe(-1);
		expect(lookup.problem('')).toBe('Source code is empty.');
		expect(lookup.problem('xx-9')).toBe('Source code "xx-9" does not exist.');
		expect(lookup.problem('EU-1')).toBe('Source code "EU-1" does not exist. Did you mean "eu-1"?');
		expect(lookup.problem(' eu-1 ')).toBe('Source code " eu-1 " does not exist. Did you mean "eu-1"?');
	});

	it('reads statuses after trimming, and derives them when empty', () => {
		expect(readStatus('1')).toBe(1);
		expect(readStatus('0')).toBe(0);
		expect(readStatus(' 1 ')).toBe(1);
		expect(readStatus('')).toBe('derive');
		expect(readStatus('  ')).toBe('derive');
		expect(readStatus(undefined)).toBe('derive');
		for (const bad of ['2', 'yes', '1.0', '-1']) expect(readStatus(bad)).toBe('invalid');
		expect(statusMessage(' 2 ')).toBe('Status "2" must be 0 (out of stock) or 1 (in stock).');
	});

	it('names the earlier row of a duplicate', () => {
		expect(duplicateMessage(3, 'stock-sources')).toBe('Duplicate of row 3 (same SKU and source).');
		expect(duplicateMessage(7, 'products')).toBe('Duplicate of row 7 (same SKU).');
	});

	it('splits barcodes on | and drops empty and repeated ones', () => {
		expect(splitBarcodes('0730143312707|4006381333931')).toEqual(['0730143312707', '4006381333931']);
		expect(splitBarcodes(' a | |b|a ')).toEqual(['a', 'b']);
		expect(splitBarcodes('')).toEqual([]);
	});
});
