import { describe, expect, it } from 'vitest';
import type { Product } from '../types';
import {
	byNewestScan,
	quantityAt,
	readCountedQuantity,
	readScanAmount,
	resolveCode,
	scanLine,
	setLineQuantity,
	undoLastChange,
	withinNarrowing,
	type Count,
	type ProductLookup
} from './count';

const bag: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['4000000000001'],
	items: [{ source: 'shop', quantity: 5, status: 1, notifyQty: null }]
};
const watch: Product = { sku: 'WT-09', name: 'Watch', barcodes: [], items: [] };
const lookup: ProductLookup = {
	product: (key) => ({ 'mb-01': bag, 'wt-09': watch })[key],
	barcodeOwner: (code) => (code === '4000000000001' ? 'mb-01' : undefined)
};
const count: Count = {
	id: 'c1',
	source: 'shop',
	narrowing: { skuPrefix: '', onlyAtSource: false },
	blind: false,
	status: 'open',
	createdAt: 0
};

describe('resolveCode', () => {
	it('finds a product by SKU ignoring case, trimming what was typed', () => {
		expect(resolveCode('  mb-01 ', lookup)).toEqual({ kind: 'product', product: bag });
	});
	it('finds a product by barcode', () => {
		expect(resolveCode('4000000000001', lookup)).toEqual({ kind: 'product', product: bag });
	});
	it('flags anything else as an unknown code, and ignores an empty entry', () => {
		expect(resolveCode('XX-404', lookup)).toEqual({ kind: 'unknown', code: 'XX-404' });
		expect(resolveCode('   ', lookup)).toEqual({ kind: 'empty' });
	});
});

describe('narrowing', () => {
	it('keeps products whose SKU starts with the prefix, ignoring case', () => {
		const narrowed = { ...count, narrowing: { skuPrefix: 'mb', onlyAtSource: false } };
		expect(withinNarrowing(bag, narrowed)).toBe(true);
		expect(withinNarrowing(watch, narrowed)).toBe(false);
	});
	it('can keep only products already at the source', () => {
		const narrowed = { ...count, narrowing: { skuPrefix: '', onlyAtSource: true } };
		expect(withinNarrowing(bag, narrowed)).toBe(true);
		expect(withinNarrowing(watch, narrowed)).toBe(false);
		expect(withinNarrowing(watch, count)).toBe(true);
	});
});

describe('scanning', () => {
	it('starts a line at the scanned amount and remembers the quantity expected then', () => {
		const line = scanLine('c1', undefined, { kind: 'product', product: bag }, 'shop', 1, 10);
		expect(line).toMatchObject({ key: 'mb-01', code: 'MB-01', known: true, counted: 1, expectedAtScan: 5 });
		expect(quantityAt(watch, 'shop')).toBeNull();
		expect(
			scanLine('c1', undefined, { kind: 'product', product: watch }, 'shop', 1, 10).expectedAtScan
		).toBeNull();
	});
	it('adds each further scan or typed quantity to the line, keeping its expected quantity', () => {
		const first = scanLine('c1', undefined, { kind: 'product', product: bag }, 'shop', 1, 10);
		const second = scanLine(
			'c1',
			first,
			{ kind: 'product', product: { ...bag, items: [] } },
			'shop',
			2.5,
			11
		);
		expect(second).toMatchObject({ counted: 3.5, expectedAtScan: 5, updatedAt: 11 });
	});
	it('keeps an unknown code as its own flagged line', () => {
		const line = scanLine('c1', undefined, { kind: 'unknown', code: 'XX-404' }, 'shop', 1, 10);
		expect(line).toMatchObject({ key: '?XX-404', code: 'XX-404', known: false, counted: 1 });
	});
	it('takes back the last scan with one tap, and removes a line that scan created', () => {
		const first = scanLine('c1', undefined, { kind: 'product', product: bag }, 'shop', 1, 10);
		expect(undoLastChange(first)).toEqual({ kind: 'removed' });
		const second = scanLine('c1', first, { kind: 'product', product: bag }, 'shop', 3, 11);
		const undone = undoLastChange(second);
		expect(undone).toMatchObject({ kind: 'restored', line: { counted: 1, last: null } });
		if (undone.kind === 'restored') expect(undoLastChange(undone.line)).toEqual({ kind: 'nothing' });
	});
	it('corrects a line to a typed quantity, which one tap can also take back', () => {
		const first = scanLine('c1', undefined, { kind: 'product', product: bag }, 'shop', 4, 10);
		const corrected = setLineQuantity(first, 7, 12);
		expect(corrected).toMatchObject({ counted: 7, expectedAtScan: 5, updatedAt: 12 });
		expect(undoLastChange(corrected)).toMatchObject({ kind: 'restored', line: { counted: 4 } });
	});
	it('lists the newest scan first', () => {
		const a = scanLine('c1', undefined, { kind: 'product', product: bag }, 'shop', 1, 10);
		const b = scanLine('c1', undefined, { kind: 'product', product: watch }, 'shop', 1, 20);
		expect([a, b].sort(byNewestScan).map((l) => l.code)).toEqual(['WT-09', 'MB-01']);
	});
});

describe('typed amounts', () => {
	it('reads an empty scan amount as one and a typed one with the quantity parser', () => {
		expect(readScanAmount('')).toEqual({ ok: true, value: 1 });
		expect(readScanAmount(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
		expect(readScanAmount('1,5')).toEqual({
			ok: false,
			message: 'Quantity "1,5" is not a number (use a dot for decimals).'
		});
		expect(readScanAmount('abc')).toEqual({ ok: false, message: 'Quantity "abc" is not a number.' });
		expect(readScanAmount('1.23456')).toMatchObject({ ok: false });
	});

	it('refuses a negative scan amount and points to Correct', () => {
		expect(readScanAmount('-3')).toEqual({
			ok: false,
			message:
				'Quantity "-3" is negative: a scan adds to the count. To lower a count, use Correct on its line.'
		});
	});

	it('takes a corrected count of 0 or more, never below', () => {
		expect(readCountedQuantity('0')).toEqual({ ok: true, value: 0 });
		expect(readCountedQuantity('-1')).toMatchObject({
			ok: false,
			message: expect.stringContaining('negative')
		});
		expect(readCountedQuantity('')).toEqual({ ok: false, message: 'Counted is empty.' });
	});
});
