// Mass actions on a selection of products (docs/domain-rules.md, Mass actions): each is a pure function from the
// selected products and the user's choice to one change set, the real counts and the result message.

import type { ChangeSet, ProductChange } from './changeSet';
import { fail, succeed, type Outcome } from './outcome';
import { addQuantities, isQuantityInRange, MAX_QUANTITY, roundQuantity } from './quantity';
import { skuKey, type Product, type Source, type SourceItem } from './types';
import { formatCount, formatNumber } from './wording';

/** What a mass action will do: the change set to commit, its counts, and how it is told. */
export interface MassActionPlan<C> {
	set: ChangeSet;
	counts: C;
	/** The result line (docs/domain-rules.md, Mass actions), shown in the page's status and toast. */
	message: string;
}

export interface AssignCounts {
	products: number;
	added: number;
	alreadyAssigned: number;
}

export interface UnassignCounts {
	products: number;
	items: number;
	units: number;
	/** Products that would hold no source item afterwards. */
	leftWithoutSource: number;
	/** Whether any removed item holds a non-zero quantity (then Transfer is offered instead). */
	unitsLost: boolean;
}

export interface TransferInput {
	origin: string;
	destination: string;
	unassignOrigin: boolean;
}

export interface TransferCounts {
	products: number;
	units: number;
	skipped: number;
}

/** Assign: adds a 0-quantity, out-of-stock item per (product, source) pair that has none. */
export function assignSources(
	products: readonly Product[],
	chosen: readonly string[],
	sources: readonly Source[]
): Outcome<MassActionPlan<AssignCounts>> {
	const codes = [...new Set(chosen)];
	const problem = checkChoice(products, codes, sources);
	if (problem) return fail(problem);
	const changes: ProductChange[] = [];
	let added = 0;
	let alreadyAssigned = 0;
	for (const product of products) {
		const held = new Set(product.items.map((item) => item.source));
		const missing = codes.filter((code) => !held.has(code));
		alreadyAssigned += codes.length - missing.length;
		if (missing.length === 0) continue;
		added += missing.length;
		const items: SourceItem[] = [
			...product.items,
			...missing.map((source) => ({ source, quantity: 0, status: 0 as const, notifyQty: null }))
		];
		changes.push({ key: keyOf(product), before: product, after: { ...product, items } });
	}
	const counts = { products: products.length, added, alreadyAssigned };
	const names = nameList(codes, sources);
	const result = `${formatCount(added, 'source assignment')} added; ${formatNumber(alreadyAssigned)} already assigned.`;
	return succeed({
		set: {
			kind: 'assign',
			summary: `${names} assigned to ${formatCount(products.length, 'product')}: ${result}`,
			changes
		},
		counts,
		message: result
	});
}

/** Unassign: what removing the chosen sources' items would cost (the confirmation's figures). */
export function previewUnassign(products: readonly Product[], codes: readonly string[]): UnassignCounts {
	const chosen = new Set(codes);
	let items = 0;
	let units = 0;
	let leftWithoutSource = 0;
	let unitsLost = false;
	for (const product of products) {
		let removed = 0;
		for (const item of product.items) {
			if (!chosen.has(item.source)) continue;
			removed++;
			units += item.quantity;
			if (item.quantity !== 0) unitsLost = true;
		}
		items += removed;
		if (removed > 0 && removed === product.items.length) leftWithoutSource++;
	}
	return { products: products.length, items, units: roundQuantity(units), leftWithoutSource, unitsLost };
}

/** Unassign: removes the chosen sources' items; products without them are left as they are. */
export function unassignSources(
	products: readonly Product[],
	chosen: readonly string[],
	sources: readonly Source[]
): Outcome<MassActionPlan<UnassignCounts>> {
	const codes = [...new Set(chosen)];
	const problem = checkChoice(products, codes, sources);
	if (problem) return fail(problem);
	const removing = new Set(codes);
	const changes: ProductChange[] = [];
	for (const product of products) {
		const items = product.items.filter((item) => !removing.has(item.source));
		if (items.length === product.items.length) continue;
		changes.push({ key: keyOf(product), before: product, after: { ...product, items } });
	}
	const counts = previewUnassign(products, codes);
	const names = nameList(codes, sources);
	const result = `${formatCount(counts.items, 'source item')} removed (${formatCount(counts.units, 'unit')}).`;
	return succeed({
		set: {
			kind: 'unassign',
			summary: `${names} unassigned from ${formatCount(products.length, 'product')}: ${result}`,
			changes
		},
		counts,
		message: result
	});
}

/**
 * Transfer: each product holding the origin adds its origin quantity to the destination (created when
 * missing, with the origin's notify quantity), then the origin is zeroed or removed. Products without the
 * origin are skipped and counted.
 */
export function transferInventory(
	products: readonly Product[],
	input: TransferInput,
	sources: readonly Source[]
): Outcome<MassActionPlan<TransferCounts>> {
	const { origin, destination, unassignOrigin } = input;
	if (origin === destination) return fail('Origin and destination must be different sources.');
	for (const code of [origin, destination]) {
		if (!sources.some((s) => s.code === code)) return fail(`Source "${code}" does not exist.`);
	}
	if (products.length === 0) return fail('No products are selected.');
	const changes: ProductChange[] = [];
	let moved = 0;
	let units = 0;
	let skipped = 0;
	for (const product of products) {
		const from = product.items.find((item) => item.source === origin);
		if (!from) {
			skipped++;
			continue;
		}
		const to = product.items.find((item) => item.source === destination);
		const quantity = addQuantities(from.quantity, to?.quantity ?? 0);
		if (!isQuantityInRange(quantity)) {
			return fail(
				`${product.sku} would hold ${formatNumber(quantity)} units at ${nameOf(destination, sources)}, more than the ` +
					`${formatNumber(MAX_QUANTITY)} a source item can hold. Nothing was transferred.`
			);
		}
		const status = quantity > 0 ? 1 : (to?.status ?? 0);
		const landed: SourceItem = {
			source: destination,
			quantity,
			status,
			notifyQty: to ? to.notifyQty : from.notifyQty
		};
		const items: SourceItem[] = [];
		for (const item of product.items) {
			if (item === from) {
				if (!unassignOrigin) items.push({ ...item, quantity: 0, status: 0 });
			} else if (item === to) items.push(landed);
			else items.push(item);
		}
		if (!to) items.push(landed);
		moved++;
		units += from.quantity;
		// Holding 0, out of stock, at the origin and nothing new at the destination: nothing changes.
		const originChanged = unassignOrigin || from.quantity !== 0 || from.status !== 0;
		const destinationChanged = !to || to.quantity !== quantity || to.status !== status;
		if (originChanged || destinationChanged) {
			changes.push({ key: keyOf(product), before: product, after: { ...product, items } });
		}
	}
	units = roundQuantity(units);
	const counts = { products: moved, units, skipped };
	// People read names; codes are for files.
	const from = nameOf(origin, sources);
	const to = nameOf(destination, sources);
	const message =
		`Transferred ${formatCount(units, 'unit')} of ${formatCount(moved, 'product')} from ${from} to ${to}; ` +
		`${formatCount(skipped, 'product')} skipped (not assigned to ${from}).`;
	const told = `Transferred ${formatCount(units, 'unit')} of ${formatCount(moved, 'product')} from ${from} to ${to}`;
	const details = [
		skipped > 0 ? `${formatNumber(skipped)} skipped (not at ${from})` : '',
		unassignOrigin && moved > 0 ? `${from} unassigned` : ''
	].filter((part) => part !== '');
	return succeed({
		set: {
			kind: 'transfer',
			summary: details.length > 0 ? `${told}; ${details.join('; ')}` : told,
			changes
		},
		counts,
		message
	});
}

/** Warnings the dialogs show for disabled sources (they may still be chosen). */
export function disabledSourceWarnings(codes: readonly string[], sources: readonly Source[]): string[] {
	return codes
		.map((code) => sources.find((s) => s.code === code))
		.filter((source) => source !== undefined && !source.enabled)
		.map(
			(source) =>
				`${source!.name} is disabled: its stock does not count in product quantities until it is enabled again.`
		);
}

function checkChoice(
	products: readonly Product[],
	codes: readonly string[],
	sources: readonly Source[]
): string | null {
	if (codes.length === 0) return 'Choose at least one source.';
	const unknown = codes.find((code) => !sources.some((s) => s.code === code));
	if (unknown !== undefined) return `Source "${unknown}" does not exist.`;
	if (products.length === 0) return 'No products are selected.';
	return null;
}

function keyOf(product: Product): string {
	return skuKey(product.sku);
}

function nameOf(code: string, sources: readonly Source[]): string {
	return sources.find((s) => s.code === code)?.name ?? code;
}

function nameList(codes: readonly string[], sources: readonly Source[]): string {
	const names = codes.map((code) => nameOf(code, sources));
	if (names.length <= 3) return names.join(', ');
	return `${names.slice(0, 3).join(', ')} and ${formatCount(names.length - 3, 'more source')}`;
}
