// What the product grid asks for, and the pure rules that answer it: matching, totals, low stock.

import type { Product, Source } from './types';

export type StockFilter = 'any' | 'in' | 'out' | 'low';
export type ProductSort = 'sku' | 'name' | 'total';

export interface ProductQuery {
	search: string;
	/** Source code, or null for all sources. */
	source: string | null;
	stock: StockFilter;
	sort: ProductSort;
	descending: boolean;
}

export const ALL_PRODUCTS: ProductQuery = {
	search: '',
	source: null,
	stock: 'any',
	sort: 'sku',
	descending: false
};

export interface QueryContext {
	enabledSources: ReadonlySet<string>;
	defaultNotifyQty: number;
	/** Key of the product a barcode belongs to, for exact barcode search. */
	barcodeOwner: (barcode: string) => string | undefined;
}

/** A product's quantity: the sum over its items on enabled sources with status 1. */
export function productTotal(product: Product, enabledSources: ReadonlySet<string>): number {
	let total = 0;
	for (const item of product.items) {
		if (item.status === 1 && enabledSources.has(item.source)) total += item.quantity;
	}
	return Math.round(total * 10_000) / 10_000;
}

export function isLowStock(item: Product['items'][number], defaultNotifyQty: number): boolean {
	return item.status === 1 && item.quantity <= (item.notifyQty ?? defaultNotifyQty);
}

/** Builds the predicate once per query so that scanning 200,000 products stays cheap. */
export function productMatcher(
	query: ProductQuery,
	context: QueryContext
): (product: Product, key: string, lowerName?: string) => boolean {
	const needle = query.search.trim().toLowerCase();
	const barcodeKey = needle === '' ? undefined : context.barcodeOwner(query.search.trim());
	const source = query.source;
	const considered = (s: string) => (source === null ? context.enabledSources.has(s) : s === source);
	// `lowerName` may come from a cache: lower-casing 200,000 names per keystroke costs more than the rest.
	return (product, key, lowerName) => {
		if (
			needle !== '' &&
			key !== barcodeKey &&
			!key.includes(needle) &&
			!(lowerName ?? product.name.toLowerCase()).includes(needle)
		) {
			return false;
		}
		if (source !== null && !product.items.some((item) => item.source === source)) return false;
		switch (query.stock) {
			case 'any':
				return true;
			case 'in':
				return product.items.some((item) => item.status === 1 && considered(item.source));
			case 'out':
				return !product.items.some((item) => item.status === 1 && considered(item.source));
			case 'low':
				return product.items.some(
					(item) => considered(item.source) && isLowStock(item, context.defaultNotifyQty)
				);
		}
	};
}

export function sameQuery(a: ProductQuery, b: ProductQuery): boolean {
	return (
		a.search === b.search &&
		a.source === b.source &&
		a.stock === b.stock &&
		a.sort === b.sort &&
		a.descending === b.descending
	);
}

/** The selection model of the grid: some rows, or every row matching a query except some. */
export type ProductSelection =
	{ mode: 'some'; keys: string[] } | { mode: 'all'; query: ProductQuery; except: string[] };

export function sourceName(sources: readonly Source[], code: string): string {
	return sources.find((s) => s.code === code)?.name ?? code;
}
