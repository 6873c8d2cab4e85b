// Send changes to Magento: the check sorts the changes by what Magento holds now, and the send turns
// the ready ones into batches of upserts and deletions. A conflict is an item whose value in Magento
// moved since the base (and is not already what this device wants); nothing conflicting is sent
// until the user chose. SKUs Magento has no product for are never sent (Magento would keep orphans).

import type { PendingChange } from './changes';
import { sameValue, type ItemValue, type MagentoSourceItem } from './types';

export interface Conflict {
	change: PendingChange;
	/** Null: Magento has no such item now. */
	magento: ItemValue | null;
}

export interface SendCheck {
	ready: PendingChange[];
	conflicts: Conflict[];
	unknown: PendingChange[];
	/** Magento already holds this device's value (an earlier send whose answer was lost): only the base moves. */
	alreadyThere: PendingChange[];
}

export type ConflictChoice = 'here' | 'magento';

export function itemId(sku: string, source: string): string {
	return `${sku.toLowerCase()}\u0000${source}`;
}

/**
 * `magentoNow` answers Magento's current value by `itemId`; `knownSkus` holds the keys of the SKUs
 * Magento has a product for.
 */
export function checkSend(
	changes: readonly PendingChange[],
	magentoNow: ReadonlyMap<string, ItemValue>,
	knownSkus: ReadonlySet<string>
): SendCheck {
	const check: SendCheck = { ready: [], conflicts: [], unknown: [], alreadyThere: [] };
	for (const change of changes) {
		const magento = magentoNow.get(itemId(change.sku, change.source)) ?? null;
		if (sameValue(magento, change.here)) check.alreadyThere.push(change);
		else if (!sameValue(magento, change.base)) check.conflicts.push({ change, magento });
		else if (change.here !== null && !knownSkus.has(change.key)) check.unknown.push(change);
		else check.ready.push(change);
	}
	return check;
}

export interface SendPlan {
	upserts: MagentoSourceItem[];
	deletes: { sku: string; source_code: string }[];
	/** Conflicts settled by taking Magento's value here. */
	takeMagento: Conflict[];
}

/** What to write, given the check and a choice for every conflict (an unchosen one is not sent). */
export function planSend(check: SendCheck, choices: ReadonlyMap<string, ConflictChoice>): SendPlan {
	const plan: SendPlan = { upserts: [], deletes: [], takeMagento: [] };
	const add = (change: PendingChange) => {
		if (change.here) {
			plan.upserts.push({
				sku: change.sku,
				source_code: change.source,
				quantity: change.here.quantity,
				status: change.here.status
			});
		} else plan.deletes.push({ sku: change.sku, source_code: change.source });
	};
	check.ready.forEach(add);
	for (const conflict of check.conflicts) {
		const choice = choices.get(itemId(conflict.change.sku, conflict.change.source));
		if (choice === 'here') add(conflict.change);
		else if (choice === 'magento') plan.takeMagento.push(conflict);
	}
	return plan;
}

/** Consecutive batches of at most `size`. */
export function inBatches<T>(rows: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
	return batches;
}
