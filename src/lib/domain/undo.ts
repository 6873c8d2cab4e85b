// Undo is data (as in Actual Budget): an operation's recorded before/after states give its inverse, which
// is applied as a new operation. It is refused, naming the items, when any of them changed since.

import { sameItem, sameSource, type ChangeSet, type ProductChange, type SourceChange } from './changeSet';
import type { Product, Source, SourceItem } from './types';

/**
 * An item (or, with `source` null, a product's own details or existence) that changed since; with `sku`
 * null, a source the operation created or removed that changed since.
 */
export type ChangedSince = { sku: string; source: string | null } | { sku: null; source: string };

export type UndoPlan = { ok: true; set: ChangeSet } | { ok: false; changed: ChangedSince[] };

export interface UndoTarget {
	id: number;
	summary: string;
	sourceChanges?: readonly SourceChange[];
}

/**
 * Plans the undo of `operation` whose recorded `changes` are given; `current` looks a product up by key
 * as it is stored now. Only what the operation touched is restored, so later changes to other sources of
 * the same products are kept. (Written with plain loops over the few items of a product: an undo of a
 * 200,000-product transfer plans in a fraction of a second.)
 */
export function planUndo(
	operation: UndoTarget,
	changes: Iterable<ProductChange>,
	current: (key: string) => Product | undefined,
	currentSource: (code: string) => Source | undefined = () => undefined
): UndoPlan {
	const inverse: ProductChange[] = [];
	const changed: ChangedSince[] = [];
	const sourceChanges: SourceChange[] = [];
	for (const change of operation.sourceChanges ?? []) {
		const now = currentSource(change.code) ?? null;
		if (!sameSource(now, change.after)) changed.push({ sku: null, source: change.code });
		else sourceChanges.push({ code: change.code, before: now, after: change.before });
	}
	for (const change of changes) {
		const now = current(change.key) ?? null;
		const touched = change.before && change.after ? touchedSources(change.before, change.after) : [];
		const conflicts = changedSince(change, now, touched);
		if (conflicts.length > 0) {
			changed.push(...conflicts);
			continue;
		}
		if (changed.length > 0) continue; // refused anyway: only keep collecting conflicts
		inverse.push({ key: change.key, before: now, after: restore(change, now, touched) });
	}
	if (changed.length > 0) return { ok: false, changed };
	return {
		ok: true,
		set: {
			kind: 'undo',
			summary: `Undo of #${operation.id}: ${operation.summary}`,
			changes: inverse,
			undoOf: operation.id,
			...(sourceChanges.length > 0 ? { sourceChanges } : {})
		}
	};
}

/** What differs between the product as the operation left it (`change.after`) and as it is `now`. */
function changedSince(
	change: ProductChange,
	now: Product | null,
	touched: readonly string[]
): ChangedSince[] {
	const sku = (change.after ?? change.before ?? now)?.sku ?? change.key;
	if (change.after === null) return now === null ? [] : [{ sku: now.sku, source: null }];
	if (now === null) return [{ sku, source: null }];
	const result: ChangedSince[] = [];
	if (change.before === null) {
		// Undo deletes the product it created: anything changed or added since would be lost with it.
		if (detailsChanged(change.after, now)) result.push({ sku, source: null });
		for (const source of touchedSources(change.after, now)) result.push({ sku, source });
		return result;
	}
	if (detailsChanged(change.before, change.after) && detailsChanged(change.after, now)) {
		result.push({ sku, source: null });
	}
	for (const source of touched) {
		if (!sameItem(findItem(change.after.items, source), findItem(now.items, source))) {
			result.push({ sku, source });
		}
	}
	return result;
}

/** `now` with the operation's touched items and details put back as they were, in their old order. */
function restore(change: ProductChange, now: Product | null, touched: readonly string[]): Product | null {
	const before = change.before;
	if (before === null) return null;
	if (now === null) return before;
	const items: SourceItem[] = [];
	for (const item of before.items) {
		if (touched.includes(item.source)) items.push(item);
		else {
			const held = findItem(now.items, item.source);
			if (held) items.push(held);
		}
	}
	for (const item of now.items) {
		if (!touched.includes(item.source) && !findItem(before.items, item.source)) items.push(item);
	}
	const details = detailsChanged(before, change.after!) ? before : now;
	return { sku: details.sku, name: details.name, barcodes: details.barcodes, items };
}

/** Sources whose item differs between `a` and `b` (added, removed or changed). */
function touchedSources(a: Product, b: Product): string[] {
	const touched: string[] = [];
	for (const item of b.items) if (!sameItem(item, findItem(a.items, item.source))) touched.push(item.source);
	for (const item of a.items) if (!findItem(b.items, item.source)) touched.push(item.source);
	return touched;
}

function findItem(items: readonly SourceItem[], source: string): SourceItem | undefined {
	for (const item of items) if (item.source === source) return item;
	return undefined;
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
			item.sku === null
				? `source ${sourceName(item.source)}`
				: item.source === null
					? `${item.sku} (product)`
					: `${item.sku} at ${sourceName(item.source)}`
		);
	const more = changed.length - named.length;
	if (more === 0)
		return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
	return `${named.join(', ')} and ${more} more`;
}
