// Answers the grid's queries from memory: filters and sorts once per (query, data version, context)
// and then serves windows of that result, so scrolling costs only the rows on screen. The context
// (enabled sources, default notify quantity) is part of the key: disabling a source or changing the
// default changes which products are in stock or low without changing any product.

import {
	ALL_PRODUCTS,
	productMatcher,
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
	#cached: { query: ProductQuery; version: number; context: string; keys: string[] } | null = null;
	#orders = new Map<string, { version: number; keys: string[]; rank: Map<string, number> }>();

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
		const keys = this.matchingKeys(query, sources, defaultNotifyQty);
		const names = new Map(sources.map((s) => [s.code, s.name]));
		const enabled = enabledCodes(sources);
		const rows = keys.slice(offset, offset + limit).map((key) => {
			const product = this.#inventory.get(key)!;
			return {
				key,
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
		return { total: keys.length, offset, rows, catalogue: this.#inventory.size };
	}

	/** Keys of the selected products, in SKU order for `all`. */
	selectedKeys(selection: ProductSelection, sources: readonly Source[], defaultNotifyQty: number): string[] {
		if (selection.mode === 'some') return selection.keys.filter((key) => this.#inventory.get(key));
		const except = new Set(selection.except);
		const query = { ...selection.query, sort: 'sku' as const, descending: false };
		return this.matchingKeys(query, sources, defaultNotifyQty).filter((key) => !except.has(key));
	}

	matchingKeys(query: ProductQuery, sources: readonly Source[], defaultNotifyQty: number): string[] {
		const version = this.#inventory.version;
		const inventory = this.#inventory;
		const context: QueryContext = {
			enabledSources: enabledCodes(sources),
			defaultNotifyQty,
			barcodeOwner: (code) => inventory.barcodeOwner(code)
		};
		const signature = contextSignature(context);
		const cached = this.#cached;
		if (
			cached &&
			cached.version === version &&
			cached.context === signature &&
			sameQuery(cached.query, query)
		) {
			return cached.keys;
		}
		const matches = productMatcher(query, context);
		// Scanning in SKU order reads products in the order they sit in memory, which is markedly faster
		// than jumping around in name or total order; the matches are then put in that order by rank.
		let keys: string[] = [];
		for (const key of inventory.sortedKeys()) {
			if (matches(inventory.get(key)!, key, inventory.lowerName(key))) keys.push(key);
		}
		if (query.sort !== 'sku') {
			const order = this.#ordered(query, context);
			if (keys.length === order.keys.length) keys = [...order.keys];
			else if (keys.length * 8 < order.keys.length)
				keys.sort((a, b) => order.rank.get(a)! - order.rank.get(b)!);
			else {
				const matched = new Set(keys);
				keys = order.keys.filter((key) => matched.has(key));
			}
		}
		if (query.descending) keys.reverse();
		this.#cached = { query, version, context: signature, keys };
		return keys;
	}

	#ordered(query: ProductQuery, context: QueryContext) {
		const signature = query.sort === 'total' ? `total:${contextSignature(context)}` : 'name';
		const cached = this.#orders.get(signature);
		if (cached && cached.version === this.#inventory.version) return cached;
		const skuOrder = this.#inventory.sortedKeys();
		const keys =
			query.sort === 'name' ? this.#byName(skuOrder) : this.#byTotal(skuOrder, context.enabledSources);
		const order = { version: this.#inventory.version, keys, rank: new Map(keys.map((key, i) => [key, i])) };
		this.#orders.set(signature, order);
		return order;
	}

	/** Plain arrays and an index sort: no map look-ups or string building inside the comparator. */
	#byName(skuOrder: readonly string[]): string[] {
		const names = skuOrder.map((key) => this.#inventory.lowerName(key));
		const order = Array.from(skuOrder, (_, i) => i);
		order.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
		return order.map((i) => skuOrder[i]);
	}

	#byTotal(skuOrder: readonly string[], enabled: ReadonlySet<string>): string[] {
		const totals = new Float64Array(skuOrder.length);
		skuOrder.forEach((key, i) => (totals[i] = productTotal(this.#inventory.get(key)!, enabled)));
		const order = Array.from(skuOrder, (_, i) => i);
		order.sort((a, b) => totals[a] - totals[b] || a - b);
		return order.map((i) => skuOrder[i]);
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
			const context: QueryContext = {
				enabledSources: enabledCodes(sources),
				defaultNotifyQty,
				barcodeOwner: () => undefined
			};
			for (const sort of ['name', 'total'] as const) this.#ordered({ ...ALL_PRODUCTS, sort }, context);
		}, 500);
	}
}

export function enabledCodes(sources: readonly Source[]): Set<string> {
	return new Set(sources.filter((s) => s.enabled).map((s) => s.code));
}

/** What besides the products decides a query's answer. */
function contextSignature(context: QueryContext): string {
	return `${[...context.enabledSources].sort().join(',')}|${context.defaultNotifyQty}`;
}
