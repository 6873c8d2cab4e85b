// The product grid's search, filters and sort, kept in the page's URL query, so that Back from a
// product, a reload and a shared link all show the same list. Only what differs from the default is
// written; anything unknown in a hand-made link falls back to the default.

import {
	ALL_PRODUCTS,
	type ProductQuery,
	type ProductSort,
	type StockFilter
} from '$lib/domain/productQuery';

const STOCK: readonly StockFilter[] = ['any', 'in', 'out', 'low'];
const SORTS: readonly ProductSort[] = ['sku', 'name', 'total'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}

export function queryFromParams(params: URLSearchParams): ProductQuery {
	return {
		search: params.get('q') ?? ALL_PRODUCTS.search,
		source: params.get('source') || ALL_PRODUCTS.source,
		stock: oneOf(params.get('stock'), STOCK, ALL_PRODUCTS.stock),
		sort: oneOf(params.get('sort'), SORTS, ALL_PRODUCTS.sort),
		descending: params.get('desc') === '1'
	};
}

export function paramsFromQuery(query: ProductQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.search !== ALL_PRODUCTS.search) params.set('q', query.search);
	if (query.source !== null) params.set('source', query.source);
	if (query.stock !== ALL_PRODUCTS.stock) params.set('stock', query.stock);
	if (query.sort !== ALL_PRODUCTS.sort) params.set('sort', query.sort);
	if (query.descending) params.set('desc', '1');
	return params;
}

/** The URL that shows `query` on the page at `url`, other parts kept; equal to `url` when nothing changes. */
export function urlWithQuery(url: URL, query: ProductQuery): URL {
	const next = new URL(url);
	const params = paramsFromQuery(query);
	next.search = params.size === 0 ? '' : `?${params}`;
	return next;
}
