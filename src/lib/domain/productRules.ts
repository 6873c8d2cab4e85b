// Validation of products and source items edited by hand (docs/domain-rules.md, Products; Source items and quantities).

import { parseQuantity, type QuantityParse } from './quantity';
import type { FieldError } from './sourceRules';

export const MAX_SKU_LENGTH = 64;

/** The problem with a SKU, or null. Shared by forms and CSV rows so both say the same thing. */
export function skuProblem(sku: string): string | null {
	if (sku === '') return 'SKU is empty.';
	if (sku.trim() !== sku) return `SKU "${sku}" has leading or trailing spaces.`;
	if (sku.length > MAX_SKU_LENGTH) return `SKU must be at most ${MAX_SKU_LENGTH} characters.`;
	return null;
}

/** The message for a quantity that did not parse; `raw` as the user or file gave it. */
export function quantityProblemMessage(
	label: string,
	raw: string,
	problem: Extract<QuantityParse, { ok: false }>['problem']
): string {
	const shown = raw.trim();
	switch (problem) {
		case 'empty':
			return `${label} is empty.`;
		case 'comma':
			return `${label} "${shown}" is not a number (use a dot for decimals).`;
		case 'not-a-number':
			return `${label} "${shown}" is not a number.`;
		case 'too-many-decimals':
			return `${label} "${shown}" has more than 4 decimal places.`;
		case 'out-of-range':
			return `${label} is out of range.`;
	}
}

export type QuantityRead = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads a quantity typed into any field (the product editor's, a count's, a filter's, a setting's):
 * the one parser and the one set of messages, so `1,5` or `abc` is refused the same way everywhere.
 */
export function readQuantity(label: string, raw: string): QuantityRead {
	const parsed = parseQuantity(raw);
	return parsed.ok ? parsed : { ok: false, message: quantityProblemMessage(label, raw, parsed.problem) };
}

export interface ProductDraft {
	sku: string;
	name: string;
	barcodes: string[];
}

export function validateProductDraft(
	draft: ProductDraft,
	skuTaken: (sku: string) => boolean,
	barcodeOwner: (barcode: string) => string | null
): FieldError<'sku' | 'name' | 'barcodes'>[] {
	const errors: FieldError<'sku' | 'name' | 'barcodes'>[] = [];
	const problem = skuProblem(draft.sku);
	if (problem) errors.push({ field: 'sku', message: problem });
	else if (skuTaken(draft.sku))
		errors.push({ field: 'sku', message: `A product with SKU "${draft.sku}" already exists.` });
	for (const barcode of draft.barcodes) {
		if (/\s/.test(barcode)) {
			errors.push({ field: 'barcodes', message: `Barcode "${barcode}" can not contain spaces.` });
			continue;
		}
		const owner = barcodeOwner(barcode);
		if (owner !== null && owner.toLowerCase() !== draft.sku.toLowerCase()) {
			errors.push({ field: 'barcodes', message: `Barcode "${barcode}" already belongs to ${owner}.` });
		}
	}
	return errors;
}

/** Parses the barcodes field as typed: separated by `|`, commas or new lines. */
export function parseBarcodes(text: string): string[] {
	const seen = new Set<string>();
	for (const part of text.split(/[|,\n]/)) {
		const code = part.trim();
		if (code !== '') seen.add(code);
	}
	return [...seen];
}

export interface SourceItemDraft {
	source: string;
	quantity: string;
	status: '' | '0' | '1';
	notifyQty: string;
}

export type SourceItemField = 'quantity' | 'status' | 'notifyQty';

/** Checks a source-item row of the product page; errors carry the source so the form can place them. */
export function validateSourceItemDraft(draft: SourceItemDraft): FieldError<SourceItemField>[] {
	const errors: FieldError<SourceItemField>[] = [];
	const quantity = readQuantity('Quantity', draft.quantity);
	if (!quantity.ok) errors.push({ field: 'quantity', message: quantity.message });
	if (draft.notifyQty.trim() !== '') {
		const notify = readQuantity('Notify quantity', draft.notifyQty);
		if (!notify.ok) errors.push({ field: 'notifyQty', message: notify.message });
	}
	return errors;
}
