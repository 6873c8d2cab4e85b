// A hand edit as the fields the user changed, each with the value the editor loaded (as Shopify's
// `changeFromQuantity`). Applied to the product as it is stored at write time: fields the user did
// not touch keep whatever another tab or device wrote meanwhile, and a field both changed is refused
// as a conflict instead of silently overwriting the other write.

import type { Product, SourceItem } from './types';

export type ItemField = 'quantity' | 'status' | 'notifyQty';
export type FieldKey = 'name' | 'barcodes' | `items.${string}.${ItemField}`;
/** `undefined`: the product has no item at that source (not assigned). */
export type FieldValue = string | number | null | undefined;

export interface FieldChange {
	field: FieldKey;
	/** The value when the editor loaded the product. */
	from: FieldValue;
	to: FieldValue;
}

export interface FieldConflict {
	field: FieldKey;
	/** What was stored when the editor loaded the product. */
	loaded: FieldValue;
	/** What another tab or device saved meanwhile. */
	theirs: FieldValue;
	yours: FieldValue;
}

export type FieldMergeResult =
	| { ok: true; product: Product }
	| { ok: false; deleted: true }
	| { ok: false; deleted: false; conflicts: FieldConflict[] };

export const ITEM_FIELDS: readonly ItemField[] = ['quantity', 'status', 'notifyQty'];
const BARCODE_SEPARATOR = ' | ';

export function itemFieldKey(source: string, field: ItemField): FieldKey {
	return `items.${source}.${field}`;
}

/** Every field of a product, flat, so two versions compare field by field. */
export function productFields(product: Product): Map<FieldKey, FieldValue> {
	const fields = new Map<FieldKey, FieldValue>([
		['name', product.name],
		['barcodes', product.barcodes.join(BARCODE_SEPARATOR)]
	]);
	for (const item of product.items)
		for (const field of ITEM_FIELDS) fields.set(itemFieldKey(item.source, field), item[field]);
	return fields;
}

/** The fields that differ from `loaded` to `mine`: what the user changed, and nothing else. */
export function changedFields(loaded: Product, mine: Product): FieldChange[] {
	const before = productFields(loaded);
	const after = productFields(mine);
	const changes: FieldChange[] = [];
	for (const field of new Set([...before.keys(), ...after.keys()])) {
		const from = before.get(field);
		const to = after.get(field);
		if (from !== to) changes.push({ field, from, to });
	}
	return changes;
}

/**
 * Applies `changes` to the product as stored now. A field whose stored value is neither what the
 * editor loaded nor what the user wants was changed by someone else: every such field is reported.
 */
export function applyFieldChanges(stored: Product | null, changes: readonly FieldChange[]): FieldMergeResult {
	if (!stored) return { ok: false, deleted: true };
	const fields = productFields(stored);
	const conflicts: FieldConflict[] = [];
	for (const change of changes) {
		const theirs = fields.get(change.field);
		if (theirs !== change.from && theirs !== change.to)
			conflicts.push({ field: change.field, loaded: change.from, theirs, yours: change.to });
		fields.set(change.field, change.to);
	}
	if (conflicts.length > 0) return { ok: false, deleted: false, conflicts };
	return { ok: true, product: fromFields(stored, fields) };
}

/** `product` with some fields set to other values (an editor taking what another tab saved). */
export function withFieldValues(product: Product, values: readonly [FieldKey, FieldValue][]): Product {
	const fields = productFields(product);
	for (const [field, value] of values) fields.set(field, value);
	return fromFields(product, fields);
}

/** The sources a product's fields describe, in order of first mention. */
export function fieldSources(fields: Iterable<FieldKey>): string[] {
	const sources = new Set<string>();
	for (const key of fields) {
		const match = /^items\.(.+)\.(?:quantity|status|notifyQty)$/.exec(key);
		if (match) sources.add(match[1]);
	}
	return [...sources];
}

function fromFields(stored: Product, fields: Map<FieldKey, FieldValue>): Product {
	const barcodes = String(fields.get('barcodes') ?? '');
	const sources = fieldSources(fields.keys()).filter(
		(source) => fields.get(itemFieldKey(source, 'quantity')) !== undefined
	);
	const items: SourceItem[] = sources.map((source) => ({
		source,
		quantity: fields.get(itemFieldKey(source, 'quantity')) as number,
		status: fields.get(itemFieldKey(source, 'status')) as 0 | 1,
		notifyQty: (fields.get(itemFieldKey(source, 'notifyQty')) ?? null) as number | null
	}));
	return {
		sku: stored.sku,
		name: String(fields.get('name') ?? ''),
		barcodes: barcodes === '' ? [] : barcodes.split(BARCODE_SEPARATOR),
		items
	};
}

/** A field's value as the product form holds it (undefined: no such row). */
export function formText(field: FieldKey, value: FieldValue): string | undefined {
	if (value === undefined) return field === 'name' || field === 'barcodes' ? '' : undefined;
	return value === null ? '' : String(value);
}

/** "Back Room quantity", "Name": how the page names a field in a conflict. */
export function fieldLabel(field: FieldKey, sourceName: (code: string) => string): string {
	if (field === 'name') return 'Name';
	if (field === 'barcodes') return 'Barcodes';
	const match = /^items\.(.+)\.(quantity|status|notifyQty)$/.exec(field)!;
	const what = { quantity: 'quantity', status: 'status', notifyQty: 'notify quantity' }[
		match[2] as ItemField
	];
	return `${sourceName(match[1])} ${what}`;
}

/** A field's value as the page shows it in a conflict. */
export function fieldText(field: FieldKey, value: FieldValue, defaultNotifyQty: number): string {
	if (value === undefined) return field === 'name' || field === 'barcodes' ? '(empty)' : 'not assigned';
	if (field.endsWith('.status')) return value === 1 ? 'In stock' : 'Out of stock';
	if (field.endsWith('.notifyQty') && value === null) return `default (${defaultNotifyQty})`;
	if (value === '') return '(empty)';
	return String(value);
}
