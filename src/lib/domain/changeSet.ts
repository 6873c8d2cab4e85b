// A change set is what every stock-changing command produces: for each touched product its state
// before and after. One mechanism (lib/db) applies it and records it as one history operation.

import type { FieldChange } from './fieldChanges';
import type { Product, Source, SourceItem, StockStatus } from './types';
import { skuKey } from './types';

export type OperationKind =
	| 'edit'
	| 'create-product'
	| 'delete-product'
	| 'import'
	| 'assign'
	| 'unassign'
	| 'transfer'
	| 'count'
	| 'magento'
	| 'undo';

export const OPERATION_KIND_LABELS: Record<OperationKind, string> = {
	edit: 'Edit',
	'create-product': 'New product',
	'delete-product': 'Product deleted',
	import: 'Import',
	assign: 'Assign sources',
	unassign: 'Unassign sources',
	transfer: 'Transfer',
	count: 'Stock take',
	magento: 'From Magento',
	undo: 'Undo'
};

/** `before` null: the product is created; `after` null: it is deleted. */
export interface ProductChange {
	key: string;
	before: Product | null;
	after: Product | null;
	/**
	 * A hand edit: the fields the user changed, each with the value the editor loaded. The writer then
	 * applies these to the product as stored (refusing a field someone else changed meanwhile) instead
	 * of checking `before` and writing `after`.
	 */
	fields?: FieldChange[];
}

export interface ChangeSet {
	kind: OperationKind;
	summary: string;
	changes: ProductChange[];
	/** For an undo: the operation it reverts. */
	undoOf?: number;
	/** Sources that must appear or go with this stock (sample data), in the same transaction. */
	sourceChanges?: SourceChange[];
}

/** `before` null: the source is created; `after` null: it is removed. */
export interface SourceChange {
	code: string;
	before: Source | null;
	after: Source | null;
}

export function sameSource(a: Source | null | undefined, b: Source | null | undefined): boolean {
	if (!a || !b) return !a && !b;
	const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Source>;
	return [...fields].every((field) => a[field] === b[field]);
}

/**
 * The sources `set` removes that a product would still hold once it is applied (such a set must be
 * refused: an item may never name a missing source). `products` are the current ones, by key.
 */
export function removedSourcesStillUsed(set: ChangeSet, products: Iterable<[string, Product]>): string[] {
	const removed = new Set((set.sourceChanges ?? []).filter((c) => c.after === null).map((c) => c.code));
	if (removed.size === 0) return [];
	const after = new Map(set.changes.map((change) => [change.key, change.after]));
	const used = new Set<string>();
	for (const [key, current] of products) {
		const product = after.has(key) ? after.get(key) : current;
		for (const item of product?.items ?? []) if (removed.has(item.source)) used.add(item.source);
	}
	for (const product of after.values()) {
		for (const item of product?.items ?? []) if (removed.has(item.source)) used.add(item.source);
	}
	return [...used];
}

/** What the history shows per (SKU, source): the item's state before and after. */
export interface ItemState {
	quantity: number;
	status: StockStatus;
	notifyQty: number | null;
}

export interface ItemChange {
	sku: string;
	source: string;
	before: ItemState | null;
	after: ItemState | null;
}

export function itemState(item: SourceItem): ItemState {
	return { quantity: item.quantity, status: item.status, notifyQty: item.notifyQty };
}

export function sameItem(a: SourceItem | undefined, b: SourceItem | undefined): boolean {
	if (!a || !b) return a === b;
	return a.quantity === b.quantity && a.status === b.status && a.notifyQty === b.notifyQty;
}

export function sameProduct(a: Product | null | undefined, b: Product | null | undefined): boolean {
	if (a === b) return true;
	if (!a || !b) return !a && !b;
	if (a.sku !== b.sku || a.name !== b.name || a.items.length !== b.items.length) return false;
	if (a.barcodes.length !== b.barcodes.length || a.barcodes.some((code, i) => code !== b.barcodes[i]))
		return false;
	return a.items.every((item) =>
		sameItem(
			item,
			b.items.find((other) => other.source === item.source)
		)
	);
}

/** The per-item differences of one product change, in source order of either side. */
export function itemChanges(change: ProductChange): ItemChange[] {
	const sku = (change.after ?? change.before)?.sku ?? change.key;
	const before = new Map((change.before?.items ?? []).map((item) => [item.source, item]));
	const after = new Map((change.after?.items ?? []).map((item) => [item.source, item]));
	const sources = new Set([...before.keys(), ...after.keys()]);
	const result: ItemChange[] = [];
	for (const source of sources) {
		const b = before.get(source);
		const a = after.get(source);
		if (sameItem(a, b)) continue;
		result.push({ sku, source, before: b ? itemState(b) : null, after: a ? itemState(a) : null });
	}
	return result;
}

/** Builds a change, dropping it when nothing differs so that an unchanged row is no update. */
export function productChange(before: Product | null, after: Product | null): ProductChange | null {
	if (sameProduct(before, after)) return null;
	const sku = (after ?? before)!.sku;
	return { key: skuKey(sku), before, after };
}

export function cloneProduct(product: Product): Product {
	return {
		sku: product.sku,
		name: product.name,
		barcodes: [...product.barcodes],
		items: product.items.map((item) => ({ ...item }))
	};
}

/**
 * The change as the history keeps it: a product that is updated keeps only the items that changed
 * (its details always), so a transfer over 200,000 products stores two items each, not every source.
 * Creations and deletions keep the whole product, for their undo needs it. Also counts the items.
 */
export function historyEntry(change: ProductChange): { entry: ProductChange; items: number } {
	const { before, after } = change;
	if (!before || !after) {
		const whole = (after ?? before)!;
		return { entry: change, items: whole.items.length };
	}
	const beforeItems: SourceItem[] = [];
	const afterItems: SourceItem[] = [];
	for (const item of after.items) {
		const old = findItem(before.items, item.source);
		if (!sameItem(item, old)) {
			afterItems.push(item);
			if (old) beforeItems.push(old);
		}
	}
	for (const item of before.items) if (!findItem(after.items, item.source)) beforeItems.push(item);
	return {
		entry: {
			key: change.key,
			before: { ...before, items: beforeItems },
			after: { ...after, items: afterItems }
		},
		items: countDistinct(beforeItems, afterItems)
	};
}

function findItem(items: readonly SourceItem[], source: string): SourceItem | undefined {
	for (const item of items) if (item.source === source) return item;
	return undefined;
}

function countDistinct(a: readonly SourceItem[], b: readonly SourceItem[]): number {
	let count = b.length;
	for (const item of a) if (!findItem(b, item.source)) count++;
	return count;
}
