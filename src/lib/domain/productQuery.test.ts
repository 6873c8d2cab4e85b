import { describe, expect, it } from 'vitest';
import {
	ALL_PRODUCTS,
	isLowStock,
	productMatcher,
	productTotal,
	sameQuery,
	sourceName,
	type ProductQuery
} from './productQuery';
import { defaultSource, newSource, skuKey, type Product, type SourceItem } from './types';

const item = (
	source: string,
	quantity: number,
	status: 0 | 1,
	notifyQty: number | null = null
): SourceItem => ({
	source,
	quantity,
	status,
	notifyQty
});
const product = (sku: string, name: string, items: SourceItem[], barcodes: string[] = []): Product => ({
	sku,
	name,
	barcodes,
	items
});

// eu-2 is disabled.
const enabledSources = new Set(['default', 'eu-1']);
const catalogue: Product[] = [
	product('MB-01', 'Joust Duffle Bag', [item('default', 10, 1), item('eu-1', 0, 0)], ['0730143312691']),
	product('MB-02', 'Strive Shoulder Pack', [item('default', 0, 0), item('eu-1', 1, 1)]),
	product('wt-09', 'Didi Sport Watch', [item('eu-1', 3, 1, 5)]),
	product('YOGA-1', 'Sprite Yoga Mat', [item('eu-2', 50, 1)], ['4006381333931']),
	product('EMPTY', 'No Sources', []),
	product('NEG', 'Oversold Tee', [item('default', -2, 1)])
];
const barcodes = new Map<string, string>();
for (const p of catalogue) for (const code of p.barcodes) barcodes.set(code, skuKey(p.sku));

function matching(query: Partial<ProductQuery>, defaultNotifyQty = 1): string[] {
	const matches = productMatcher(
		{ ...ALL_PRODUCTS, ...query },
		{ enabledSources, defaultNotifyQty, barcodeOwner: (code) => barcodes.get(code) }
	);
	return catalogue.filter((p) => matches(p, skuKey(p.sku))).map((p) => p.sku);
}

describe('productMatcher: search', () => {
	it('matches everything with an empty or blank search', () => {
		expect(matching({ search: '' })).toHaveLength(catalogue.length);
		expect(matching({ search: '   ' })).toHaveLength(catalogue.length);
	});

	it('finds a SKU substring ignoring case', () => {
		expect(matching({ search: 'mb-0' })).toEqual(['MB-01', 'MB-02']);
		expect(matching({ search: 'WT-' })).toEqual(['wt-09']);
		expect(matching({ search: ' b-02 ' })).toEqual(['MB-02']);
	});

	it('finds a name substring ignoring case', () => {
		expect(matching({ search: 'yoga' })).toEqual(['YOGA-1']);
		expect(matching({ search: 'SPORT WATCH' })).toEqual(['wt-09']);
	});

	it('finds a product by its exact barcode only', () => {
		expect(matching({ search: '0730143312691' })).toEqual(['MB-01']);
		expect(matching({ search: ' 4006381333931 ' })).toEqual(['YOGA-1']);
		expect(matching({ search: '07301433' })).toEqual([]);
	});

	it('finds nothing for a search that matches nothing', () => {
		expect(matching({ search: 'hoodie' })).toEqual([]);
	});
});

describe('productMatcher: source and stock filters', () => {
	it('keeps only products assigned to the chosen source', () => {
		expect(matching({ source: 'eu-1' })).toEqual(['MB-01', 'MB-02', 'wt-09']);
		expect(matching({ source: 'eu-2' })).toEqual(['YOGA-1']);
	});

	it('in stock: status 1 on any enabled source, ignoring disabled ones', () => {
		expect(matching({ stock: 'in' })).toEqual(['MB-01', 'MB-02', 'wt-09', 'NEG']);
	});

	it('out of stock: no enabled source in stock, including products with no source', () => {
		expect(matching({ stock: 'out' })).toEqual(['YOGA-1', 'EMPTY']);
	});

	it('in and out of stock at one source look at that source only', () => {
		expect(matching({ source: 'default', stock: 'in' })).toEqual(['MB-01', 'NEG']);
		expect(matching({ source: 'default', stock: 'out' })).toEqual(['MB-02']);
		expect(matching({ source: 'eu-1', stock: 'out' })).toEqual(['MB-01']);
		expect(matching({ source: 'eu-2', stock: 'in' })).toEqual(['YOGA-1']);
	});

	it('low stock: in stock at or under the notify quantity (own, else the default)', () => {
		// MB-02 eu-1 1 <= default 1; wt-09 3 <= own 5; NEG -2 <= 1; MB-01's 10 is not low;
		// YOGA-1 is low by no measure and sits on a disabled source anyway.
		expect(matching({ stock: 'low' })).toEqual(['MB-02', 'wt-09', 'NEG']);
		expect(matching({ stock: 'low' }, 10)).toEqual(['MB-01', 'MB-02', 'wt-09', 'NEG']);
		expect(matching({ stock: 'low' }, 0)).toEqual(['wt-09', 'NEG']);
	});

	it('low stock excludes disabled sources unless that source is chosen', () => {
		expect(matching({ stock: 'low' }, 100)).not.toContain('YOGA-1');
		expect(matching({ source: 'eu-2', stock: 'low' }, 100)).toEqual(['YOGA-1']);
	});

	it('low stock at one source ignores the others', () => {
		expect(matching({ source: 'default', stock: 'low' })).toEqual(['NEG']);
		expect(matching({ source: 'eu-1', stock: 'low' })).toEqual(['MB-02', 'wt-09']);
	});

	it('combines search with filters', () => {
		expect(matching({ search: 'mb-', source: 'eu-1', stock: 'in' })).toEqual(['MB-02']);
	});
});

describe('productTotal', () => {
	it('sums items in stock on enabled sources only', () => {
		const p = product('X', '', [
			item('default', 10, 1),
			item('eu-1', 2.5, 1),
			item('eu-1b', 4, 1),
			item('eu-2', 7, 0)
		]);
		expect(productTotal(p, enabledSources)).toBe(12.5);
		expect(productTotal(p, new Set(['default', 'eu-1', 'eu-1b', 'eu-2']))).toBe(16.5);
	});

	it('counts nothing out of stock and allows oversold negatives', () => {
		expect(productTotal(catalogue[1], enabledSources)).toBe(1);
		expect(productTotal(catalogue[3], enabledSources)).toBe(0);
		expect(productTotal(catalogue[4], enabledSources)).toBe(0);
		expect(productTotal(catalogue[5], enabledSources)).toBe(-2);
	});

	it('adds decimals without floating-point dust', () => {
		const p = product('X', '', [item('default', 0.1, 1), item('eu-1', 0.2, 1)]);
		expect(productTotal(p, enabledSources)).toBe(0.3);
	});
});

describe('helpers', () => {
	it('isLowStock needs status 1', () => {
		expect(isLowStock(item('default', 0, 0), 1)).toBe(false);
		expect(isLowStock(item('default', 1, 1), 1)).toBe(true);
		expect(isLowStock(item('default', 2, 1), 1)).toBe(false);
		expect(isLowStock(item('default', 2, 1, 2), 1)).toBe(true);
	});

	it('sameQuery compares every field', () => {
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS })).toBe(true);
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS, descending: true })).toBe(false);
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS, source: 'eu-1' })).toBe(false);
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS, stock: 'low' })).toBe(false);
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS, search: 'a' })).toBe(false);
		expect(sameQuery(ALL_PRODUCTS, { ...ALL_PRODUCTS, sort: 'name' })).toBe(false);
	});

	it('sourceName falls back to the code of an unknown source', () => {
		const sources = [defaultSource(), newSource('eu-1', 'EU 1')];
		expect(sourceName(sources, 'eu-1')).toBe('EU 1');
		expect(sourceName(sources, 'gone')).toBe('gone');
	});
});
