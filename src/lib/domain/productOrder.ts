// A sort order of the catalogue for the grid: the positions (in SKU order) sorted by name or by total,
// with the rank of each position. Orders are kept between queries and brought up to date rather than
// sorted again: moved products are put back by binary search, and a new order starts from an old one
// (TimSort takes an almost sorted start in about one pass).

import { productTotal } from './productQuery';
import type { Product } from './types';

/** Positions in sort order, and the rank of each position in it. */
export interface Order {
	positions: Int32Array;
	rank: Int32Array;
	/** The sort's comparison of two positions (ties broken by position, so by SKU). */
	compare: (a: number, b: number) => number;
	/** Brings the order's own data (a total) up to date for the product now at `position`. */
	update: (position: number) => boolean;
}

/** By lower-cased name; `names` is the index's own array, which it keeps current. */
export function nameOrder(names: readonly string[], start: number[] | null): Order {
	const compare = (a: number, b: number) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b);
	const seen = names.slice();
	return sortedOrder(names.length, start, compare, (position) => {
		const changed = seen[position] !== names[position];
		seen[position] = names[position];
		return changed;
	});
}

/** By total over the `enabled` sources; `products` is the index's own array, which it keeps current. */
export function totalOrder(
	products: readonly Product[],
	enabled: ReadonlySet<string>,
	start: number[] | null
): Order {
	const totals = new Float64Array(products.length);
	for (let i = 0; i < totals.length; i++) totals[i] = productTotal(products[i], enabled);
	return sortedOrder(
		products.length,
		start,
		(a, b) => totals[a] - totals[b] || a - b,
		(position) => {
			const total = productTotal(products[position], enabled);
			const changed = total !== totals[position];
			totals[position] = total;
			return changed;
		}
	);
}

/** Where each of the sorted `before` keys is in the sorted `now` (-1: gone): one merge of the two. */
export function positionsAfter(before: readonly string[], now: readonly string[]): Int32Array {
	const moved = new Int32Array(before.length).fill(-1);
	for (let i = 0, j = 0; i < before.length && j < now.length;) {
		if (before[i] === now[j]) moved[i++] = j++;
		else if (before[i] < now[j]) i++;
		else j++;
	}
	return moved;
}

/**
 * An old order's `positions` in a new catalogue of `size` (`moved`: from positionsAfter): the products
 * still there in that order, then the new ones. A start for the new order's sort.
 */
export function carriedStart(positions: Int32Array, moved: Int32Array, size: number): number[] {
	const placed = new Uint8Array(size);
	const start: number[] = [];
	for (const old of positions) {
		const position = moved[old];
		if (position >= 0) {
			start.push(position);
			placed[position] = 1;
		}
	}
	for (let position = 0; position < size; position++) if (placed[position] === 0) start.push(position);
	return start;
}

/**
 * Sorts the positions from `start` (or 0 … size-1). A plain array's sort is TimSort, which takes an
 * almost sorted start in close to one pass: re-sorting 200,000 names after a product was added costs
 * a few milliseconds instead of a full sort's 150.
 */
function sortedOrder(
	size: number,
	start: number[] | null,
	compare: Order['compare'],
	update: Order['update']
): Order {
	const sorted = start ?? Array.from({ length: size }, (_, i) => i);
	sorted.sort(compare);
	const positions = Int32Array.from(sorted);
	const rank = new Int32Array(size);
	for (let r = 0; r < size; r++) rank[positions[r]] = r;
	return { positions, rank, compare, update };
}

/**
 * Puts the `moved` positions where `order.compare` now places them. All are taken out first: the rest
 * is still in order, so each can then be put back by a binary search.
 */
export function reposition(order: Order, moved: readonly number[]) {
	const { rank, compare } = order;
	const out = new Set(moved);
	let positions = order.positions.filter((position) => !out.has(position));
	for (const position of out) {
		let low = 0;
		let high = positions.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (compare(positions[mid], position) < 0) low = mid + 1;
			else high = mid;
		}
		const grown = new Int32Array(positions.length + 1);
		grown.set(positions.subarray(0, low));
		grown[low] = position;
		grown.set(positions.subarray(low), low + 1);
		positions = grown;
	}
	order.positions.set(positions);
	for (let r = 0; r < positions.length; r++) rank[positions[r]] = r;
}
