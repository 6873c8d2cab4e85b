// The catalogue laid out for the grid's queries: products in SKU order as parallel arrays, and per
// product two bit masks (the sources it has items on, and those where it is in stock), so that a
// filter is a bit test instead of a walk over items. A query answers with positions in these arrays.
// The name and total orders are kept as sorted positions with their inverse (the rank of each
// position), so that sorting a query's matches is a numeric sort of ranks, and an edited product is
// moved to its new place instead of sorting 200,000 products again (the orders: productOrder.ts).
//
// The rules are those of productQuery.ts (what "in stock", "low" and the total mean); this module only
// answers them faster. A catalogue with items on more sources than a mask has bits falls back to
// those rules product by product.

import {
	isLowStock,
	productMatcher,
	type ProductQuery,
	type ProductSort,
	type QueryContext
} from './productQuery';
import { carriedStart, nameOrder, positionsAfter, reposition, totalOrder, type Order } from './productOrder';
import type { Product } from './types';

const MASK_BITS = 32;
/** More moved products than this and an order is sorted again rather than patched. */
const MOVES_KEPT = 64;

interface Masks {
	/** Source code → its bit; the codes of every item in the catalogue. */
	bits: Map<string, number>;
	present: Uint32Array;
	inStock: Uint32Array;
	/** Items low in stock, for one default notify quantity (the one asked for last). */
	low: { defaultNotifyQty: number; masks: Uint32Array } | null;
}

export class ProductIndex {
	readonly keys: readonly string[];
	readonly #products: Product[];
	readonly #lowerNames: string[];
	/** null: not computed yet; 'walk': too many sources for a mask. */
	#masks: Masks | 'walk' | null = null;
	readonly #orders = new Map<string, Order>();
	#scratch = new Int32Array(0);
	#marks = new Uint8Array(0);
	/** Orders dropped after many moves, kept as an almost sorted start for their next sort. */
	readonly #dropped = new Map<string, Int32Array>();

	/**
	 * The index the catalogue before some products came or went, until this one has its own orders:
	 * its orders, carried over, are an almost sorted start (see `sortedOrder`).
	 */
	#previous: ProductIndex | null;
	#fromPrevious: Int32Array | null = null;

	/** `keys` in SKU order, `products` beside them; `previous`: the index this one replaces, if any. */
	constructor(keys: readonly string[], products: Product[], previous?: ProductIndex) {
		this.keys = keys;
		this.#products = products;
		this.#previous = previous ?? null;
		if (!previous) {
			this.#lowerNames = products.map((product) => product.name.toLowerCase());
			return;
		}
		// Only the orders the previous index already has are carried over: no chain of older ones.
		previous.#previous = null;
		// A product that is the same object as before keeps its lower-cased name and its masks: neither
		// is made again for 200,000 products (time, and garbage the engine would then have to collect).
		const moved = positionsAfter(previous.keys, keys);
		this.#fromPrevious = moved;
		const names: (string | undefined)[] = new Array(keys.length);
		const same = new Uint8Array(keys.length);
		for (let old = 0; old < moved.length; old++) {
			const position = moved[old];
			if (position >= 0 && previous.#products[old] === products[position]) {
				names[position] = previous.#lowerNames[old];
				same[position] = 1;
			}
		}
		for (let i = 0; i < names.length; i++) names[i] ??= products[i].name.toLowerCase();
		this.#lowerNames = names as string[];
		this.#masks = this.#carriedMasks(previous, moved, same);
	}

	/** The previous masks for the products kept as they were, new ones for the rest; null: none kept. */
	#carriedMasks(previous: ProductIndex, moved: Int32Array, same: Uint8Array): Masks | 'walk' | null {
		const before = previous.#masks;
		if (before === null || before === 'walk') return null;
		const n = this.size;
		const masks: Masks = {
			bits: new Map(before.bits),
			present: new Uint32Array(n),
			inStock: new Uint32Array(n),
			low: null
		};
		for (let old = 0; old < moved.length; old++) {
			const position = moved[old];
			if (position >= 0 && same[position] === 1) {
				masks.present[position] = before.present[old];
				masks.inStock[position] = before.inStock[old];
			}
		}
		for (let i = 0; i < n; i++) if (same[i] === 0 && !this.#putMasks(masks, i)) return 'walk';
		return masks;
	}

	get size(): number {
		return this.keys.length;
	}

	product(position: number): Product {
		return this.#products[position];
	}

	/** The position of `key`, or -1. */
	positionOf(key: string): number {
		let low = 0;
		let high = this.keys.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.keys[mid] < key) low = mid + 1;
			else high = mid;
		}
		return this.keys[low] === key ? low : -1;
	}

	/**
	 * Products changed in place (same SKUs): their masks, and their places in each kept order. An order
	 * with more than a few moved products is dropped instead, and sorted again from its old positions
	 * when next asked for: moving one costs a shift of the whole order.
	 */
	replace(changed: ReadonlyArray<{ position: number; product: Product }>) {
		for (const { position, product } of changed) {
			this.#products[position] = product;
			this.#lowerNames[position] = product.name.toLowerCase();
		}
		const masks = this.#masks;
		if (masks !== null && masks !== 'walk') {
			for (const { position, product } of changed) {
				if (!this.#putMasks(masks, position)) {
					this.#masks = 'walk';
					break;
				}
				if (masks.low) masks.low.masks[position] = lowMask(masks.bits, product, masks.low.defaultNotifyQty);
			}
		}
		for (const [signature, order] of this.#orders) {
			const moved = changed.map(({ position }) => position).filter((position) => order.update(position));
			if (moved.length > MOVES_KEPT) {
				this.#orders.delete(signature);
				this.#dropped.set(signature, order.positions);
			} else if (moved.length > 0) reposition(order, moved);
		}
	}

	/** Positions of the products matching `query`'s search and filters, in SKU order. */
	match(query: ProductQuery, context: QueryContext): Int32Array {
		const n = this.size;
		// One buffer for every query, copied out at the matches' length: a fresh 200,000-slot array per
		// query (800 KB of memory outside the JS heap) made the engine run full garbage collections of
		// its whole heap while the user typed, 100 ms each here and 400 ms on a tablet.
		if (this.#scratch.length !== n) this.#scratch = new Int32Array(n);
		const found = this.#scratch;
		let count = 0;
		const needle = query.search.trim().toLowerCase();
		const masks = this.#maskSet();
		if (masks === 'walk') {
			const matches = productMatcher(query, context);
			for (let i = 0; i < n; i++) {
				if (matches(this.#products[i], this.keys[i], this.#lowerNames[i])) found[count++] = i;
			}
			return found.slice(0, count);
		}
		const barcodeKey = needle === '' ? undefined : context.barcodeOwner(query.search.trim());
		const sourceBit = query.source === null ? 0 : (masks.bits.get(query.source) ?? -1);
		if (sourceBit === -1) return new Int32Array(0); // no product has an item there
		const considered = query.source === null ? enabledMask(masks.bits, context.enabledSources) : sourceBit;
		const stock = query.stock;
		const present = masks.present;
		const flags =
			stock === 'low'
				? this.#lowMasks(masks, context.defaultNotifyQty)
				: stock === 'any'
					? null
					: masks.inStock;
		const keys = this.keys;
		const names = this.#lowerNames;
		for (let i = 0; i < n; i++) {
			if (sourceBit !== 0 && (present[i] & sourceBit) === 0) continue;
			if (flags !== null) {
				const hit = (flags[i] & considered) !== 0;
				if (stock === 'out' ? hit : !hit) continue;
			}
			if (needle !== '') {
				const key = keys[i];
				if (key !== barcodeKey && !key.includes(needle) && !names[i].includes(needle)) continue;
			}
			found[count++] = i;
		}
		return found.slice(0, count);
	}

	/** `matched` (positions in SKU order) put in the query's order, in place. */
	arrange(matched: Int32Array, query: ProductQuery, context: QueryContext): Int32Array {
		if (query.sort !== 'sku') {
			const { positions, rank } = this.order(query.sort, context);
			const n = this.size;
			const m = matched.length;
			if (m === n) matched.set(positions);
			else if (m * 8 < n) {
				// Few matches: sort their ranks (a plain numeric sort), then read the positions back.
				for (let j = 0; j < m; j++) matched[j] = rank[matched[j]];
				matched.sort();
				for (let j = 0; j < m; j++) matched[j] = positions[matched[j]];
			} else {
				// Many: mark them, then walk the order once (the marks are cleared on the way).
				if (this.#marks.length !== n) this.#marks = new Uint8Array(n);
				const marked = this.#marks;
				for (let j = 0; j < m; j++) marked[matched[j]] = 1;
				let k = 0;
				for (let r = 0; r < n; r++) {
					if (marked[positions[r]] === 1) {
						marked[positions[r]] = 0;
						matched[k++] = positions[r];
					}
				}
			}
		}
		return query.descending ? matched.reverse() : matched;
	}

	/** The catalogue sorted by name or by total (for the context's enabled sources), kept until dropped. */
	order(sort: Exclude<ProductSort, 'sku'>, context: Pick<QueryContext, 'enabledSources'>) {
		const signature = sort === 'name' ? 'name' : `total:${[...context.enabledSources].sort().join(',')}`;
		let order = this.#orders.get(signature);
		if (!order) {
			const dropped = this.#dropped.get(signature);
			this.#dropped.delete(signature);
			const start = dropped ? Array.from(dropped) : this.#carriedOver(signature);
			order =
				sort === 'name'
					? nameOrder(this.#lowerNames, start)
					: totalOrder(this.#products, context.enabledSources, start);
			this.#orders.set(signature, order);
		}
		return order;
	}

	/** Computes what the first query of each kind would (masks, low masks, the orders), ahead of it. */
	warm(context: QueryContext) {
		const masks = this.#maskSet();
		if (masks !== 'walk') this.#lowMasks(masks, context.defaultNotifyQty);
		this.order('name', context);
		this.order('total', context);
		this.#previous = null;
		this.#fromPrevious = null;
	}

	/** The previous index's order `signature`, carried over to this index's positions; null: none. */
	#carriedOver(signature: string): number[] | null {
		const order = this.#previous?.orderIfKept(signature);
		return order ? carriedStart(order.positions, this.#fromPrevious!, this.size) : null;
	}

	/** The order `signature` if this index keeps it (for the index that replaces this one). */
	orderIfKept(signature: string): Order | undefined {
		return this.#orders.get(signature);
	}

	#maskSet(): Masks | 'walk' {
		if (this.#masks !== null) return this.#masks;
		const n = this.size;
		const masks: Masks = {
			bits: new Map(),
			present: new Uint32Array(n),
			inStock: new Uint32Array(n),
			low: null
		};
		for (let i = 0; i < n; i++) {
			if (!this.#putMasks(masks, i)) return (this.#masks = 'walk');
		}
		return (this.#masks = masks);
	}

	/** Sets the masks of the product at `position`; false when its sources no longer fit the bits. */
	#putMasks(masks: Masks, position: number): boolean {
		let present = 0;
		let inStock = 0;
		for (const item of this.#products[position].items) {
			let bit = masks.bits.get(item.source);
			if (bit === undefined) {
				if (masks.bits.size === MASK_BITS) return false;
				bit = 2 ** masks.bits.size;
				masks.bits.set(item.source, bit);
			}
			present |= bit;
			if (item.status === 1) inStock |= bit;
		}
		masks.present[position] = present;
		masks.inStock[position] = inStock;
		return true;
	}

	#lowMasks(masks: Masks, defaultNotifyQty: number): Uint32Array {
		if (masks.low?.defaultNotifyQty !== defaultNotifyQty) {
			const low = new Uint32Array(this.size);
			for (let i = 0; i < low.length; i++) low[i] = lowMask(masks.bits, this.#products[i], defaultNotifyQty);
			masks.low = { defaultNotifyQty, masks: low };
		}
		return masks.low.masks;
	}
}

function lowMask(bits: Map<string, number>, product: Product, defaultNotifyQty: number): number {
	let mask = 0;
	for (const item of product.items) if (isLowStock(item, defaultNotifyQty)) mask |= bits.get(item.source)!;
	return mask;
}

function enabledMask(bits: Map<string, number>, enabled: ReadonlySet<string>): number {
	let mask = 0;
	for (const [code, bit] of bits) if (enabled.has(code)) mask |= bit;
	return mask;
}
