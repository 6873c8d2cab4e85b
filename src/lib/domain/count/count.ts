// Stock taking (docs/domain-rules.md, Stock taking): a count of one source, its lines, how a scanned or typed code is resolved,
// and how a scan changes a line. Pure: the worker stores counts and lines, the page shows them.

import { readQuantity, type QuantityRead } from '../productRules';
import { addQuantities } from '../quantity';
import { barcodeKey } from '../barcode/gtin';
import { skuKey, type Product } from '../types';

export type CountStatus = 'open' | 'applied' | 'discarded';

/** Which products the count covers for "not counted": a SKU prefix, and/or only items at the source. */
export interface CountNarrowing {
	skuPrefix: string;
	onlyAtSource: boolean;
}

export const NO_NARROWING: CountNarrowing = { skuPrefix: '', onlyAtSource: false };

export interface Count {
	id: string;
	source: string;
	narrowing: CountNarrowing;
	/** Expected quantities are hidden while counting. */
	blind: boolean;
	status: CountStatus;
	createdAt: number;
	/** The history operation that applied it (null when applying changed nothing). */
	appliedOperation?: number | null;
	/** When it was applied or discarded. */
	closedAt?: number;
	/** Lines and units when it was closed (a discarded count's lines are gone, so they are kept here). */
	tally?: CountTally;
}

export interface CountTally {
	lines: number;
	units: number;
}

/** How many lines and units a count's lines add up to. */
export function tallyLines(lines: readonly Pick<CountLine, 'counted'>[]): CountTally {
	return { lines: lines.length, units: lines.reduce((sum, line) => addQuantities(sum, line.counted), 0) };
}

/** One counted product, or one unknown code (kept and flagged, never dropped). */
export interface CountLine {
	countId: string;
	/** The product's key (lower-cased SKU), or `?` + the code for an unknown code. */
	key: string;
	/** The product's SKU as stored, or the unknown code as scanned. */
	code: string;
	known: boolean;
	counted: number;
	/** The item's quantity when the line was first scanned; null when the product was not at the source. */
	expectedAtScan: number | null;
	/** The last change, which one tap takes back; null when there is nothing to take back. */
	last: LastChange | null;
	/** Scan order: the newest line is shown first and highlighted. */
	updatedAt: number;
}

/** `before` null: that scan created the line. `added` null: a quantity was typed over the line. */
export interface LastChange {
	added: number | null;
	before: number | null;
}

export type ResolvedCode =
	{ kind: 'product'; product: Product } | { kind: 'unknown'; code: string } | { kind: 'empty' };

export interface ProductLookup {
	/** The product with this key (lower-cased SKU). */
	product(key: string): Product | undefined;
	/** The key of the product that has this barcode. */
	barcodeOwner(code: string): string | undefined;
}

/** Two spellings of one unknown retail code (UPC-A and EAN-13, say) count on one line. */
export function unknownKey(code: string): string {
	return `?${barcodeKey(code)}`;
}

/** The key of the line a resolved code counts on. */
export function lineKey(resolved: Exclude<ResolvedCode, { kind: 'empty' }>): string {
	return resolved.kind === 'product' ? skuKey(resolved.product.sku) : unknownKey(resolved.code);
}

/** A scanned or typed code: a SKU (ignoring case) first, then a barcode; anything else is unknown. */
export function resolveCode(raw: string, lookup: ProductLookup): ResolvedCode {
	const code = raw.trim();
	if (code === '') return { kind: 'empty' };
	const bySku = lookup.product(skuKey(code));
	if (bySku) return { kind: 'product', product: bySku };
	const owner = lookup.barcodeOwner(code);
	const byBarcode = owner === undefined ? undefined : lookup.product(owner);
	if (byBarcode) return { kind: 'product', product: byBarcode };
	return { kind: 'unknown', code };
}

/** The product's quantity at `source`, or null when it has no item there. */
export function quantityAt(product: Product | undefined, source: string): number | null {
	const item = product?.items.find((i) => i.source === source);
	return item ? item.quantity : null;
}

/** Does the count cover this product (for the "not counted" list)? */
export function withinNarrowing(product: Product, count: Pick<Count, 'source' | 'narrowing'>): boolean {
	const prefix = count.narrowing.skuPrefix.trim().toLowerCase();
	if (prefix !== '' && !skuKey(product.sku).startsWith(prefix)) return false;
	if (count.narrowing.onlyAtSource && quantityAt(product, count.source) === null) return false;
	return true;
}

/**
 * The amount a scan adds, as typed beside the scan field: empty is one. A scan only ever adds, so a
 * negative amount is refused rather than read as a silent correction; lowering a count is what
 * Correct is for, and there the user sees the number the line ends up with.
 */
export function readScanAmount(raw: string): QuantityRead {
	if (raw.trim() === '') return { ok: true, value: 1 };
	const read = readQuantity('Quantity', raw);
	if (read.ok && read.value < 0) {
		return {
			ok: false,
			message: `Quantity "${raw.trim()}" is negative: a scan adds to the count. To lower a count, use Correct on its line.`
		};
	}
	return read;
}

/** A line's counted quantity as typed in Correct: what is on the shelf, so never below zero. */
export function readCountedQuantity(raw: string): QuantityRead {
	const read = readQuantity('Counted', raw);
	if (read.ok && read.value < 0) {
		return { ok: false, message: `Counted "${raw.trim()}" is negative: a shelf holds 0 or more.` };
	}
	return read;
}

/**
 * The line after a scan of `resolved` adding `amount`: a new line remembers the item's quantity at
 * that moment, so the review can flag an item that changed since.
 */
export function scanLine(
	countId: string,
	existing: CountLine | undefined,
	resolved: Exclude<ResolvedCode, { kind: 'empty' }>,
	source: string,
	amount: number,
	now: number
): CountLine {
	if (existing) {
		return {
			...existing,
			counted: addQuantities(existing.counted, amount),
			last: { added: amount, before: existing.counted },
			updatedAt: now
		};
	}
	const known = resolved.kind === 'product';
	return {
		countId,
		key: lineKey(resolved),
		code: known ? resolved.product.sku : resolved.code,
		known,
		counted: addQuantities(0, amount),
		expectedAtScan: known ? quantityAt(resolved.product, source) : null,
		last: { added: amount, before: null },
		updatedAt: now
	};
}

/** A line set to a quantity typed over it (a correction), which one tap can also take back. */
export function setLineQuantity(line: CountLine, counted: number, now: number): CountLine {
	return { ...line, counted, last: { added: null, before: line.counted }, updatedAt: now };
}

export type UndoneScan = { kind: 'removed' } | { kind: 'restored'; line: CountLine } | { kind: 'nothing' };

/** One tap on a line takes back its last change; a line its last scan created goes away. */
export function undoLastChange(line: CountLine): UndoneScan {
	if (!line.last) return { kind: 'nothing' };
	if (line.last.before === null) return { kind: 'removed' };
	return { kind: 'restored', line: { ...line, counted: line.last.before, last: null } };
}

/** Newest scan first. */
export function byNewestScan(a: CountLine, b: CountLine): number {
	return b.updatedAt - a.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
