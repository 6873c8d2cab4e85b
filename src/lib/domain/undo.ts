// Undo is data (as in Actual Budget): an operation's recorded before/after states give its inverse, which
// is applied as a new operation. It is refused, naming the items, when any of them changed since.

import { itemChanges, productChange, type ChangeSet, type ItemState, type ProductChange } from './changeSet';
import type { Product, SourceItem } from './types';

/** An item (or, with `source` null, a product's own details or existence) that changed since. */
export interface ChangedSince {
	sku: string;
	source: string | null;
}

export type UndoPlan = { ok: true; set: ChangeSet } | { ok: false; changed: ChangedSince[] };

export interface UndoTarget {
	id: number;
	summary: string;
}

/**
 * Plans the undo of `operation` whose recorded `changes` are given; `current` looks a product up by key
 * as it is stored now. Only what the operation touched is restored, so later changes to other sources of
 * the same products are kept.
 */
export function planUndo(
	operation: UndoTarget,
	changes: Iterable<ProductChange>,
	current: (key: string) => Product | undefined
): UndoPlan {
	const inverse: ProductChange[] = [];
	const changed: ChangedSince[] = [];
	for (const change of changes) {
		const now = current(change.key) ?? null;
		const conflicts = changedSince(change, now);
		if (conflicts.length > 0) {
			changed.push(...conflicts);
			continue;
		}
		if (changed.length > 0) continue; // refused anyway: only keep collecting conflicts
		const reverted = productChange(now, restore(change, now));
		if (reverted) inverse.push(reverted);
	}
	if (changed.length > 0) return { ok: false, changed };
	return {
		ok: true,
		set: {
			kind: 'undo',
			summary: `Undo of #${operation.id}: ${operation.summary}`,
			changes: inverse,
			undoOf: operation.id
		}
	};
}

/** What differs between the product as the operation left it (`change.after`) and as it is `now`. */
function changedSince(change: ProductChange, now: Product | null): ChangedSince[] {
	const sku = (change.after ?? change.before ?? now)?.sku ?? change.key;
	if (change.after === null) return now === null ? [] : [{ sku: now.sku, source: null }];
	if (now === null) return [{ sku, source: null }];
	if (change.before === null) {
		// Undo deletes the product it created: anything added to it since would be lost with it.
		const since = itemChanges({ key: change.key, before: change.after, after: now }).map((item) => ({
			sku,
			source: item.source
		}));
		return detailsChanged(change.after, now) ? [{ sku, source: null }, ...since] : since;
	}
	const result: ChangedSince[] = [];
	if (detailsChanged(change.before, change.after) && detailsChanged(change.after, now)) {
		result.push({ sku, source: null });
	}
	for (const item of itemChanges(change)) {
		const held = now.items.find((i) => i.source === item.source);
		if (!sameState(item.after, held)) result.push({ sku, source: item.source });
	}
	return result;
}

/** `now` with the operation's touched items and details put back as they were before it. */
function restore(change: ProductChange, now: Product | null): Product | null {
	const before = change.before;
	if (before === null) return null;
	if (now === null) return before;
	const touched = new Map(itemChanges(change).map((item) => [item.source, item.before]));
	const items: SourceItem[] = [];
	for (const item of now.items) {
		if (!touched.has(item.source)) items.push(item);
	}
	for (const [source, state] of touched) {
		if (state) items.push({ source, ...state });
	}
	const order = (source: string) => {
		const at = before.items.findIndex((item) => item.source === source);
		return at >= 0 ? at : before.items.length + now.items.findIndex((item) => item.source === source);
	};
	items.sort((a, b) => order(a.source) - order(b.source));
	const details = detailsChanged(before, change.after!) ? before : now;
	return { sku: details.sku, name: details.name, barcodes: [...details.barcodes], items };
}

function sameState(state: ItemState | null, item: SourceItem | undefined): boolean {
	if (!state || !item) return !state && !item;
	return (
		state.quantity === item.quantity && state.status === item.status && state.notifyQty === item.notifyQty
	);
}

function detailsChanged(a: Product, b: Product): boolean {
	return (
		a.sku !== b.sku ||
		a.name !== b.name ||
		a.barcodes.length !== b.barcodes.length ||
		a.barcodes.some((code, i) => code !== b.barcodes[i])
	);
}

/** `SAMPLE-0001 at North Warehouse, SAMPLE-0002 (product details) and 3 more`. */
export function describeChanged(
	changed: readonly ChangedSince[],
	sourceName: (code: string) => string,
	limit = 5
): string {
	const named = changed
		.slice(0, limit)
		.map((item) =>
			item.source === null ? `${item.sku} (product)` : `${item.sku} at ${sourceName(item.source)}`
		);
	const more = changed.length - named.length;
	if (more === 0)
		return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
	return `${named.join(', ')} and ${more} more`;
}
