// Where a product lives among the pages, and when pages split or merge. Pure: no Dexie here.

import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';

export const PAGE_TARGET = 1000;
export const PAGE_MAX = 2 * PAGE_TARGET;
export const PAGE_MIN = PAGE_TARGET / 4;

/** Index of the page whose range holds `key`: the last page whose firstKey <= key, else the first. */
export function pageIndexFor(firstKeys: readonly string[], key: string): number {
	let low = 0;
	let high = firstKeys.length - 1;
	let found = 0;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		if (firstKeys[mid] <= key) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}

export function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Replaces and removes products of a sorted page: `updates` maps key to the new product or null. */
export function applyToPage(
	products: readonly Product[],
	updates: ReadonlyMap<string, Product | null>
): Product[] {
	const byKey = new Map<string, Product>();
	for (const product of products) byKey.set(skuKey(product.sku), product);
	let added = false;
	for (const [key, product] of updates) {
		if (product === null) byKey.delete(key);
		else {
			if (!byKey.has(key)) added = true;
			byKey.set(key, product);
		}
	}
	const result = [...byKey.values()];
	if (added) result.sort((a, b) => compareKeys(skuKey(a.sku), skuKey(b.sku)));
	return result;
}

/** Cuts an oversized page into pieces of about the target size (all pieces but the last are full). */
export function splitProducts(products: Product[]): Product[][] {
	if (products.length <= PAGE_MAX) return [products];
	const pieces: Product[][] = [];
	const count = Math.ceil(products.length / PAGE_TARGET);
	const size = Math.ceil(products.length / count);
	for (let i = 0; i < products.length; i += size) pieces.push(products.slice(i, i + size));
	return pieces;
}
