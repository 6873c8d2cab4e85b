// Edits made by hand on the product page and the Add product form, as pure functions from the current
// product to the next one.

import { parseQuantity, deriveStatus } from './quantity';
import {
	validateProductDraft,
	validateSourceItemDraft,
	type ProductDraft,
	type SourceItemDraft
} from './productRules';
import type { FieldError } from './sourceRules';
import { DEFAULT_SOURCE_CODE, type Product, type Source, type SourceItem } from './types';

export type EditResult = { ok: true; product: Product } | { ok: false; errors: FieldError[] };

/** A product created by hand is assigned to the default source with quantity 0, as in Magento. */
export function createProduct(
	draft: ProductDraft,
	skuTaken: (sku: string) => boolean,
	barcodeOwner: (barcode: string) => string | null
): EditResult {
	const errors = validateProductDraft(draft, skuTaken, barcodeOwner);
	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		product: {
			sku: draft.sku,
			name: draft.name.trim(),
			barcodes: draft.barcodes,
			items: [{ source: DEFAULT_SOURCE_CODE, quantity: 0, status: 0, notifyQty: null }]
		}
	};
}

export interface ProductEdit {
	name: string;
	barcodes: string[];
	/** Every source the product is to be assigned to after the edit; a source left out is unassigned. */
	items: (SourceItemDraft & { source: string })[];
}

/** Errors are placed by field `items.<source>.<field>` so the form can show them beside the input. */
export function editProduct(
	current: Product,
	edit: ProductEdit,
	sources: readonly Source[],
	barcodeOwner: (barcode: string) => string | null
): EditResult {
	const errors: FieldError[] = validateProductDraft(
		{ sku: current.sku, name: edit.name, barcodes: edit.barcodes },
		() => false,
		barcodeOwner
	);
	const items: SourceItem[] = [];
	const seen = new Set<string>();
	for (const draft of edit.items) {
		if (!sources.some((s) => s.code === draft.source)) {
			errors.push({
				field: `items.${draft.source}.source`,
				message: `Source "${draft.source}" does not exist.`
			});
			continue;
		}
		if (seen.has(draft.source)) continue;
		seen.add(draft.source);
		const itemErrors = validateSourceItemDraft(draft);
		for (const error of itemErrors)
			errors.push({ field: `items.${draft.source}.${error.field}`, message: error.message });
		if (itemErrors.length > 0) continue;
		const quantity = (parseQuantity(draft.quantity) as { value: number }).value;
		const notify =
			draft.notifyQty.trim() === '' ? null : (parseQuantity(draft.notifyQty) as { value: number }).value;
		items.push({
			source: draft.source,
			quantity,
			status: draft.status === '' ? deriveStatus(quantity) : draft.status === '1' ? 1 : 0,
			notifyQty: notify
		});
	}
	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, product: { sku: current.sku, name: edit.name.trim(), barcodes: edit.barcodes, items } };
}
