// Answers the grid's queries from memory: filters and sorts once per (query, data version, context)
// and then serves windows of that result, so scrolling costs only the rows on screen. The context
// (enabled sources, default notify quantity) is part of the key: disabling a source or changing the
// default changes which products are in stock or low without changing any product.

import type { ProductIndex } from '$lib/domain/productIndex';
import {
	productTotal,
	isLowStock,
	sameQuery,
	type ProductQuery,
	type ProductSelection,
	type QueryContext
} from '$lib/domain/productQuery';
import type { Source } from '$lib/domain/types';
import type { Inventory } from './inventory';

export interface GridItem {
	source: string;
	sourceName: string;
	quantity: number;
	status: 0 | 1;
	low: boolean;
	/** A disabled source's stock is left out of the row's total; the grid says so beside the number. */
	enabled: boolean;
}

export interface GridRow {
	key: string;
	sku: string;
	name: string;
	total: number;
	items: GridItem[];
}

export interface ProductWindow {
	/** Rows matching the query. */
	total: number;
	offset: number;
	rows: GridRow[];
	/** Products in the catalogue, whatever the query. */
	catalogue: number;
}

export class ProductQueries {
	#inventory: Inventory;
	#cached: {
		query: ProductQuery;
		version: number;
		context: string;
		index: ProductIndex;
		positions: Int32Array;
	} | null = null;

	constructor(inventory: Inventory) {
		this.#inventory = inventory;
	}

	window(
		query: ProductQuery,
		offset: number,
		limit: number,
		sources: readonly Source[],
		defaultNotifyQty: number
	): ProductWindow {
		const { index, positions } = this.#matching(query, sources, defaultNotifyQty);
		const names = new Map(sources.map((s) => [s.code, s.name]));
		const enabled = enabledCodes(sources);
		const rows = Array.from(positions.subarray(offset, offset + limit), (position) => {
			const product = index.product(position);
			return {
				key: index.keys[position],
				sku: product.sku,
				name: product.name,
				total: productTotal(product, enabled),
				items: product.items.map((item) => ({
					source: item.source,
					sourceName: names.get(item.source) ?? item.source,
					quantity: item.quantity,
					status: item.status,
					low: isLowStock(item, defaultNotifyQty),
					enabled: enabled.has(item.source)
				}))
			};
		});
		return { total: positions.length, offset, rows, catalogue: this.#inventory.size };
	}

	/** Keys of the selected products, in SKU order for `all`. */
	selectedKeys(selection: ProductSelection, sources: readonly Source[], defaultNotifyQty: number): string[] {
		if (selection.mode === 'some') return selection.keys.filter((key) => this.#inventory.get(key));
		const except = new Set(selection.except);
		const query = { ...selection.query, sort: 'sku' as const, descending: false };
		const { index, positions } = this.#matching(query, sources, defaultNotifyQty);
		const keys: string[] = [];
		for (const position of positions) {
			const key = index.keys[position];
			if (!except.has(key)) keys.push(key);
		}
		return keys;
	}

	/** The query's matches as positions in the inventory's index, in the query's order. */
	#matching(query: ProductQuery, sources: readonly Source[], defaultNotifyQty: number) {
		const version = this.#inventory.version;
		const context = queryContext(this.#inventory, sources, defaultNotifyQty);
		const signature = contextSignature(context);
		const cached = this.#cached;
		if (
			cached &&
			cached.version === version &&
			cached.context === signature &&
			sameQuery(cached.query, query)
		) {
			return cached;
		}
		const index = this.#inventory.index();
		const positions = index.arrange(index.match(query, context), query, context);
		this.#cached = { query, version, context: signature, index, positions };
		return this.#cached;
	}

	#warmTimer: ReturnType<typeof setTimeout> | null = null;

	/**
	 * Sorting 200,000 products by name takes a few hundred milliseconds: do it while the user is not
	 * waiting (after start and after each change), so that clicking a column header answers at once.
	 */
	warmSoon(sources: readonly Source[], defaultNotifyQty: number) {
		if (this.#warmTimer !== null) clearTimeout(this.#warmTimer);
		this.#warmTimer = setTimeout(() => {
			this.#warmTimer = null;
			this.#inventory.index().warm(queryContext(this.#inventory, sources, defaultNotifyQty));
		}, 500);
	}
}

function queryContext(
	inventory: Inventory,
	sources: readonly Source[],
	defaultNotifyQty: number
): QueryContext {
	return {
		enabledSources: enabledCodes(sources),
		defaultNotifyQty,
		barcodeOwner: (code) => inventory.barcodeOwner(code)
	};
}

export function enabledCodes(sources: readonly Source[]): Set<string> {
	return new Set(sources.filter((s) => s.enabled).map((s) => s.code));
}

/** What besides the products decides a query's answer. */
function contextSignature(context: QueryContext): string {
	return `${[...context.enabledSources].sort().join(',')}|${context.defaultNotifyQty}`;
}
