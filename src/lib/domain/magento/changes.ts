// Changes not sent: items of pulled sources whose value here differs from the base (updated, created
// here, removed here). Products deleted here still have a base, so their items count as removals.

import type { Product, SourceItem } from '../types';
import { findBaseItem, sameValue, type BaseEntry, type BaseView, type ItemValue } from './types';

export type ChangeKind = 'update' | 'new' | 'removal';

export interface PendingChange {
	key: string;
	/** As Magento spells it when it has the item, else as spelt here. */
	sku: string;
	source: string;
	kind: ChangeKind;
	/** Null: removed here. */
	here: ItemValue | null;
	/** Null: Magento had no such item when last seen. */
	base: ItemValue | null;
}

export function findItem(product: Product | undefined, source: string): SourceItem | undefined {
	if (!product) return undefined;
	for (const item of product.items) if (item.source === source) return item;
	return undefined;
}

export function valueOf(item: { quantity: number; status: 0 | 1 } | undefined): ItemValue | null {
	return item ? { quantity: item.quantity, status: item.status } : null;
}

/** The changes of one product (either side may be missing). */
export function productChanges(
	key: string,
	product: Product | undefined,
	entry: BaseEntry | undefined,
	tracked: ReadonlySet<string>
): PendingChange[] {
	const result: PendingChange[] = [];
	const sku = entry?.sku ?? product?.sku ?? key;
	const visit = (source: string) => {
		const here = valueOf(findItem(product, source));
		const base = valueOf(findBaseItem(entry, source));
		if (sameValue(here, base)) return;
		const kind = here === null ? 'removal' : base === null ? 'new' : 'update';
		result.push({ key, sku, source, kind, here, base });
	};
	for (const item of product?.items ?? []) if (tracked.has(item.source)) visit(item.source);
	for (const item of entry?.items ?? []) {
		if (tracked.has(item.source) && !findItem(product, item.source)) visit(item.source);
	}
	return result;
}

/** Every change not sent, products here first (in the given order), then products deleted here. */
export function pendingChanges(
	localKeys: Iterable<string>,
	local: (key: string) => Product | undefined,
	base: BaseView
): PendingChange[] {
	const result: PendingChange[] = [];
	if (base.tracked.size === 0) return result;
	for (const key of localKeys) result.push(...productChanges(key, local(key), base.get(key), base.tracked));
	for (const key of base.keys()) {
		if (!local(key)) result.push(...productChanges(key, undefined, base.get(key), base.tracked));
	}
	return result;
}

export interface ChangeCounts {
	updates: number;
	created: number;
	removals: number;
}

export function countChanges(changes: readonly PendingChange[]): ChangeCounts {
	const counts = { updates: 0, created: 0, removals: 0 };
	for (const change of changes) {
		if (change.kind === 'update') counts.updates++;
		else if (change.kind === 'new') counts.created++;
		else counts.removals++;
	}
	return counts;
}
