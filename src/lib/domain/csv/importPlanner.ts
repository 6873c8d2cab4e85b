// Import: turns the checked rows into one change set against the catalogue as it is now, and counts
// what really changes (an unchanged row is not an update). A generator, so the worker can report
// progress and honour Cancel between products.

import { sameProduct, type ProductChange } from '../changeSet';
import { deriveStatus } from '../quantity';
import { DEFAULT_SOURCE_CODE, type Product, type SourceItem, type StockStatus } from '../types';
import type { CheckedRows } from './checkedRows';
import type { EntityType, ImportBehavior } from './importOptions';
import type { ImportCounts } from './messages';

export interface PlannedImport {
	changes: ProductChange[];
	counts: ImportCounts;
}

export interface PlanInput {
	rows: CheckedRows;
	/** Source codes by the indexes the check gave them. */
	sourceCodes: readonly string[];
	entity: EntityType;
	behavior: ImportBehavior;
	skippedRows: number;
	product(key: string): Product | undefined;
}

const PRODUCTS_PER_STEP = 5000;

/** Yields how many products are planned so far; returns the change set's changes and the counts. */
export function* planImport(input: PlanInput): Generator<number, PlannedImport, void> {
	const { rows } = input;
	const changes: ProductChange[] = [];
	const counts: ImportCounts = {
		created: 0,
		updated: 0,
		deleted: 0,
		newProducts: 0,
		skippedRows: input.skippedRows
	};
	const plan = input.entity === 'stock-sources' ? planStockSources : planProduct;
	for (let sku = 0; sku < rows.skuCount; sku++) {
		if (sku % PRODUCTS_PER_STEP === 0 && sku > 0) yield sku;
		const key = rows.keys[sku];
		const before = input.product(key) ?? null;
		const after = plan(input, sku, before, counts);
		if (after !== before) changes.push({ key, before, after });
	}
	// In key order, as pages keep products: merging them into the pages then needs no real sort.
	if (!sortedByKey(changes)) changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return { changes, counts };
}

function sortedByKey(changes: readonly ProductChange[]): boolean {
	for (let i = 1; i < changes.length; i++) if (changes[i - 1].key > changes[i].key) return false;
	return true;
}

/** The product after this SKU's rows; `before` itself when nothing changes. */
function planStockSources(
	input: PlanInput,
	sku: number,
	before: Product | null,
	counts: ImportCounts
): Product | null {
	const { rows, behavior, sourceCodes } = input;
	const items: SourceItem[] = before ? before.items.slice() : [];
	let changed = false;
	rows.forEachValid(sku, (entry) => {
		const source = sourceCodes[rows.source(entry)];
		const at = items.findIndex((item) => item.source === source);
		if (behavior === 'delete') {
			if (at >= 0) {
				items.splice(at, 1);
				counts.deleted++;
				changed = true;
			}
			return;
		}
		const quantity = rows.quantity(entry);
		const status = rows.status(entry) as StockStatus;
		if (at < 0) {
			items.push({ source, quantity, status, notifyQty: null });
			counts.created++;
			changed = true;
			return;
		}
		const old = items[at];
		const notifyQty = behavior === 'replace' ? null : old.notifyQty;
		if (old.quantity === quantity && old.status === status && old.notifyQty === notifyQty) return;
		items[at] = { source, quantity, status, notifyQty };
		counts.updated++;
		changed = true;
	});
	if (!changed) return before;
	if (!before) {
		counts.newProducts++;
		return { sku: rows.spellings[sku], name: '', barcodes: [], items };
	}
	return { sku: before.sku, name: before.name, barcodes: [...before.barcodes], items };
}

function planProduct(
	input: PlanInput,
	sku: number,
	before: Product | null,
	counts: ImportCounts
): Product | null {
	const { rows } = input;
	let entry = -1;
	rows.forEachValid(sku, (found) => (entry = found));
	if (entry < 0) return before;
	if (input.behavior === 'delete') {
		if (!before) return before;
		counts.deleted++;
		return null;
	}
	const after: Product = {
		sku: before?.sku ?? rows.spellings[sku],
		name: rows.names[entry] ?? before?.name ?? '',
		barcodes: [...(rows.barcodes[entry] ?? before?.barcodes ?? [])],
		items: before ? before.items.slice() : []
	};
	setDefaultItem(after, rows.quantity(entry), rows.status(entry), before === null);
	if (!before) {
		counts.created++;
		return after;
	}
	if (sameProduct(before, after)) return before;
	counts.updated++;
	return after;
}

/**
 * `qty` sets the default source's quantity (assigning it when missing); `is_in_stock` its status, else
 * derived from `qty`. A new product is always assigned to the default source, with 0 when no `qty`.
 * An empty `qty` leaves an existing product's default source alone (that is how an export writes a
 * product that is not on the default source).
 */
function setDefaultItem(product: Product, quantity: number, status: number, isNew: boolean) {
	const at = product.items.findIndex((item) => item.source === DEFAULT_SOURCE_CODE);
	const old = at >= 0 ? product.items[at] : undefined;
	const given = status >= 0 ? (status as StockStatus) : null;
	let next: SourceItem | undefined;
	if (!Number.isNaN(quantity)) {
		next = {
			source: DEFAULT_SOURCE_CODE,
			quantity,
			status: given ?? deriveStatus(quantity),
			notifyQty: old?.notifyQty ?? null
		};
	} else if (old && given !== null) {
		next = { ...old, status: given };
	} else if (!old && isNew) {
		next = { source: DEFAULT_SOURCE_CODE, quantity: 0, status: given ?? 0, notifyQty: null };
	}
	if (!next) return;
	if (at >= 0) product.items[at] = next;
	else product.items.unshift(next);
}
