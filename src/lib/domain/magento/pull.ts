// Get stock from Magento: how a pull changes the items of the pulled sources and their base. Items
// without changes not sent take Magento's value (or go, when Magento has none); an item with a change
// not sent is kept, and is a conflict when Magento's value moved too (the send check lists it).

import { productChange, type ProductChange } from '../changeSet';
import { inItemOrder, type Product, type SourceItem } from '../types';
import { findItem, valueOf } from './changes';
import {
	findBaseItem,
	sameEntry,
	sameValue,
	type BaseChange,
	type BaseEntry,
	type BaseItem,
	type BaseView,
	type ItemValue
} from './types';

export interface PulledConflict {
	sku: string;
	source: string;
	received: ItemValue | null;
	magento: ItemValue | null;
	here: ItemValue | null;
}

export interface PullPlan {
	changes: ProductChange[];
	base: BaseChange[];
	/** Sources with a base after the pull. */
	tracked: string[];
	conflicts: PulledConflict[];
}

/**
 * `magento` holds, per product key, every item Magento has at the `pulled` sources (SKU as Magento
 * spells it). `localKeys` are the keys of the products here.
 */
export function planPull(
	localKeys: Iterable<string>,
	local: (key: string) => Product | undefined,
	base: BaseView,
	pulled: readonly string[],
	magento: ReadonlyMap<string, BaseEntry>
): PullPlan {
	const plan: PullPlan = {
		changes: [],
		base: [],
		tracked: [...new Set([...base.tracked, ...pulled])].sort(),
		conflicts: []
	};
	const isPulled = new Set(pulled);
	const visited = new Set<string>();
	const visit = (key: string) => {
		if (visited.has(key)) return;
		visited.add(key);
		pullProduct(plan, key, local(key), base.get(key), magento.get(key), pulled, isPulled, base.tracked);
	};
	for (const key of magento.keys()) visit(key);
	for (const key of base.keys()) visit(key);
	for (const key of localKeys) {
		const product = local(key);
		if (product?.items.some((item) => isPulled.has(item.source))) visit(key);
	}
	return plan;
}

function pullProduct(
	plan: PullPlan,
	key: string,
	product: Product | undefined,
	entry: BaseEntry | undefined,
	fromMagento: BaseEntry | undefined,
	pulled: readonly string[],
	isPulled: ReadonlySet<string>,
	tracked: ReadonlySet<string>
) {
	const items: SourceItem[] = (product?.items ?? []).filter((item) => !isPulled.has(item.source));
	const baseItems: BaseItem[] = (entry?.items ?? []).filter((item) => !isPulled.has(item.source));
	for (const source of pulled) {
		const item = findItem(product, source);
		const here = valueOf(item);
		const received = valueOf(findBaseItem(entry, source));
		const magento = valueOf(findBaseItem(fromMagento, source));
		const pending = tracked.has(source) && !sameValue(here, received);
		let keptBase: ItemValue | null;
		if (!pending) {
			if (magento) items.push({ source, ...magento, notifyQty: item?.notifyQty ?? null });
			keptBase = magento;
		} else {
			if (item) items.push(item);
			if (sameValue(here, magento)) keptBase = magento;
			else {
				keptBase = received;
				if (!sameValue(received, magento)) {
					plan.conflicts.push({ sku: product?.sku ?? fromMagento!.sku, source, received, magento, here });
				}
			}
		}
		if (keptBase) baseItems.push({ source, ...keptBase });
	}
	const sku = fromMagento?.sku ?? entry?.sku ?? product!.sku;
	const after: Product | null =
		product || items.length > 0
			? {
					sku: product?.sku ?? sku,
					name: product?.name ?? '',
					barcodes: product?.barcodes ?? [],
					items: inItemOrder(items)
				}
			: null;
	const change = productChange(product ?? null, after);
	if (change) plan.changes.push(change);
	const afterEntry = baseItems.length > 0 ? { sku, items: baseItems } : null;
	if (!sameEntry(entry, afterEntry)) plan.base.push({ key, before: entry ?? null, after: afterEntry });
}
