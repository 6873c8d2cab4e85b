import { describe, expect, it } from 'vitest';
import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import {
	applyToPage,
	compareKeys,
	pageIndexFor,
	PAGE_MAX,
	PAGE_MIN,
	PAGE_TARGET,
	splitProducts
} from './pageLayout';

const product = (sku: string, quantity = 0): Product => ({
	sku,
	name: '',
	barcodes: [],
	items: [{ source: 'default', quantity, status: 0, notifyQty: null }]
});
const skus = (products: readonly Product[]) => products.map((p) => p.sku);
const numbered = (count: number) =>
	Array.from({ length: count }, (_, i) => product(`P-${String(i).padStart(5, '0')}`));

describe('page sizes', () => {
	it('splits past twice the target and merges under a quarter of it', () => {
		expect(PAGE_TARGET).toBe(1000);
		expect(PAGE_MAX).toBe(2000);
		expect(PAGE_MIN).toBe(250);
	});
});

describe('pageIndexFor', () => {
	const firstKeys = ['', 'f', 'm', 'mb-01'];

	it('finds the last page whose first key is at or before the key', () => {
		expect(pageIndexFor(firstKeys, 'a')).toBe(0);
		expect(pageIndexFor(firstKeys, 'f')).toBe(1);
		expect(pageIndexFor(firstKeys, 'ffff')).toBe(1);
		expect(pageIndexFor(firstKeys, 'm')).toBe(2);
		expect(pageIndexFor(firstKeys, 'mb-00')).toBe(2);
		expect(pageIndexFor(firstKeys, 'mb-01')).toBe(3);
		expect(pageIndexFor(firstKeys, 'zzz')).toBe(3);
	});

	it('puts a key before every page in the first page, and any key in the only page', () => {
		expect(pageIndexFor(['k', 'p'], 'a')).toBe(0);
		expect(pageIndexFor(['k'], 'z')).toBe(0);
		expect(pageIndexFor([], 'z')).toBe(0);
	});

	it('agrees with a linear scan over many pages', () => {
		const keys = Array.from({ length: 37 }, (_, i) => `k${String(i * 3).padStart(3, '0')}`);
		for (let n = 0; n < 120; n++) {
			const key = `k${String(n).padStart(3, '0')}`;
			let expected = 0;
			keys.forEach((first, i) => {
				if (first <= key) expected = i;
			});
			expect(pageIndexFor(keys, key)).toBe(expected);
		}
	});
});

describe('compareKeys', () => {
	it('orders by code unit, as IndexedDB orders string keys', () => {
		expect(['b', 'a-2', 'a', 'a_1', 'A'].sort(compareKeys)).toEqual(['A', 'a', 'a-2', 'a_1', 'b']);
		expect(compareKeys('x', 'x')).toBe(0);
	});
});

describe('applyToPage', () => {
	const page = [product('A-1'), product('B-1'), product('C-1')];

	it('replaces a product in place', () => {
		const result = applyToPage(page, new Map([['b-1', product('B-1', 7)]]));
		expect(skus(result)).toEqual(['A-1', 'B-1', 'C-1']);
		expect(result[1].items[0].quantity).toBe(7);
	});

	it('inserts new products in key order, ignoring case', () => {
		const result = applyToPage(
			page,
			new Map([
				['bb-1', product('bb-1')],
				['0-first', product('0-FIRST')],
				['d-1', product('d-1')]
			])
		);
		expect(skus(result)).toEqual(['0-FIRST', 'A-1', 'B-1', 'bb-1', 'C-1', 'd-1']);
	});

	it('removes products mapped to null, and ignores removal of one it does not hold', () => {
		const result = applyToPage(
			page,
			new Map<string, Product | null>([
				['a-1', null],
				['zz', null]
			])
		);
		expect(skus(result)).toEqual(['B-1', 'C-1']);
	});

	it('stores a new spelling of a SKU under the same key', () => {
		const result = applyToPage(page, new Map([['b-1', product('b-1', 2)]]));
		expect(skus(result)).toEqual(['A-1', 'b-1', 'C-1']);
	});

	it('leaves the page it was given untouched', () => {
		applyToPage(
			page,
			new Map<string, Product | null>([
				['a-1', null],
				['aa', product('AA')]
			])
		);
		expect(skus(page)).toEqual(['A-1', 'B-1', 'C-1']);
	});
});

describe('splitProducts', () => {
	it('leaves a page of up to PAGE_MAX products whole', () => {
		const products = numbered(PAGE_MAX);
		expect(splitProducts(products)).toEqual([products]);
		expect(splitProducts([])).toEqual([[]]);
	});

	it.each([
		[PAGE_MAX + 1, [667, 667, 667]],
		[2500, [834, 834, 832]],
		[3000, [1000, 1000, 1000]],
		[10_001, [910, 910, 910, 910, 910, 910, 910, 910, 910, 910, 901]]
	])('cuts %d products into pieces of %j', (count, sizes) => {
		const products = numbered(count);
		const pieces = splitProducts(products);
		expect(pieces.map((p) => p.length)).toEqual(sizes);
		expect(pieces.flat()).toEqual(products);
		for (const piece of pieces) {
			expect(piece.length).toBeLessThanOrEqual(PAGE_TARGET);
			expect(piece.length).toBeGreaterThanOrEqual(PAGE_MIN);
		}
		expect(
			pieces.every((piece, i) => i === 0 || skuKey(piece[0].sku) > skuKey(pieces[i - 1].at(-1)!.sku))
		).toBe(true);
	});
});
