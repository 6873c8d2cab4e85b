// The product page's form state: details and one editable row per assigned source, plus what the
// editor loaded. A save sends only the fields that differ from what was loaded; while the form has
// unsaved changes, what another tab saves is taken into the fields the user has not touched.

import { barcodeKey } from '$lib/domain/barcode/gtin';
import {
	fieldSources,
	formText,
	ITEM_FIELDS,
	itemFieldKey,
	productFields,
	withFieldValues,
	type FieldConflict,
	type FieldKey,
	type FieldValue
} from '$lib/domain/fieldChanges';
import { parseBarcodes, type SourceItemDraft } from '$lib/domain/productRules';
import type { Product, Source, SourceItem } from '$lib/domain/types';
import { engine } from '$lib/ui/engine';

export interface ItemRow extends SourceItemDraft {
	source: string;
	/** The user chose a status: it is kept; otherwise a typed quantity derives it. */
	statusTouched: boolean;
}

export class ProductEditorState {
	/** The product as the editor loaded it (with other tabs' changes to untouched fields taken in). */
	product = $state.raw<Product | null>(null);
	sources = $state.raw<Source[]>([]);
	defaultNotifyQty = $state(1);
	missing = $state(false);
	name = $state('');
	barcodes = $state('');
	rows = $state<ItemRow[]>([]);
	errors = $state<Record<string, string>>({});
	/** Fields another tab or device saved while this form changed them too (set by a refused save). */
	conflicts = $state.raw<FieldConflict[]>([]);
	#sku: string;

	constructor(sku: string) {
		this.#sku = sku;
	}

	unassigned = $derived(this.sources.filter((s) => !this.rows.some((r) => r.source === s.code)));
	dirty = $derived.by(() => {
		const product = this.product;
		if (!product) return false;
		for (const [field, value] of productFields(product)) if (!this.#untouched(field, value)) return true;
		return this.rows.some((row) => !product.items.some((item) => item.source === row.source));
	});

	/** A scanned code joins the barcodes (unless it is one of them already, in any of its lengths). */
	addBarcode(code: string): boolean {
		const codes = parseBarcodes(this.barcodes);
		if (codes.some((known) => barcodeKey(known) === barcodeKey(code))) return false;
		this.barcodes = [...codes, code].join(' | ');
		return true;
	}

	async load() {
		const detail = await engine().getProduct(this.#sku);
		if (!detail) {
			this.missing = true;
			return;
		}
		this.missing = false;
		this.product = detail.product;
		this.sources = detail.sources;
		this.defaultNotifyQty = detail.defaultNotifyQty;
		this.name = detail.product.name;
		this.barcodes = detail.product.barcodes.join(' | ');
		this.rows = detail.product.items.map(rowFromItem);
		this.errors = {};
		this.conflicts = [];
	}

	/** Another tab or device changed data: show it, without losing what the user is typing. */
	async refresh() {
		if (!this.dirty) return this.load();
		const detail = await engine().getProduct(this.#sku);
		if (!detail || !this.product) return;
		this.sources = detail.sources;
		this.defaultNotifyQty = detail.defaultNotifyQty;
		this.#takeUntouched(detail.product);
	}

	/** Keep my values: save them over the other tab's, which this editor now counts as loaded. */
	useMine() {
		this.#adoptLoaded(this.conflicts.map((c) => [c.field, c.theirs]));
		this.conflicts = [];
		this.errors = {};
	}

	/** Take the other tab's values for the conflicting fields; the rest of my changes stay unsaved. */
	takeTheirs() {
		const values = this.conflicts.map((c): [FieldKey, FieldValue] => [c.field, c.theirs]);
		this.#adoptLoaded(values);
		for (const [field, value] of values) this.#setForm(field, value);
		this.conflicts = [];
		this.errors = {};
	}

	/** A quantity typed without touching the status derives it (docs/domain-rules.md, Source items and quantities). */
	quantityEdited(row: ItemRow) {
		if (!row.statusTouched) row.status = '';
	}

	assign(codes: string[]) {
		for (const code of codes) {
			if (this.rows.some((r) => r.source === code)) continue;
			this.rows.push({ source: code, quantity: '0', status: '', notifyQty: '', statusTouched: false });
		}
	}

	unassign(code: string) {
		this.rows = this.rows.filter((r) => r.source !== code);
	}

	sourceName(code: string): string {
		return this.sources.find((s) => s.code === code)?.name ?? code;
	}

	#takeUntouched(latest: Product) {
		const loaded = productFields(this.product!);
		const now = productFields(latest);
		const taken: [FieldKey, FieldValue][] = [];
		for (const field of ['name', 'barcodes'] as const) {
			if (loaded.get(field) !== now.get(field) && this.#untouched(field, loaded.get(field)))
				taken.push([field, now.get(field)]);
		}
		for (const source of fieldSources([...loaded.keys(), ...now.keys()])) {
			const keys = ITEM_FIELDS.map((f) => itemFieldKey(source, f));
			const changed = keys.filter((key) => loaded.get(key) !== now.get(key));
			if (changed.length === 0) continue;
			const assignment = (loaded.get(keys[0]) === undefined) !== (now.get(keys[0]) === undefined);
			// A source assigned or unassigned elsewhere is taken as a whole row, and only if untouched here.
			if (assignment && !keys.every((key) => this.#untouched(key, loaded.get(key)))) continue;
			for (const key of assignment ? keys : changed)
				if (assignment || this.#untouched(key, loaded.get(key))) taken.push([key, now.get(key)]);
		}
		this.#adoptLoaded(taken);
		for (const [field, value] of taken) this.#setForm(field, value);
	}

	#adoptLoaded(values: [FieldKey, FieldValue][]) {
		if (values.length > 0) this.product = withFieldValues(this.product!, values);
	}

	/** The field still holds the value it was loaded with. */
	#untouched(field: FieldKey, loaded: FieldValue): boolean {
		return this.#formValue(field) === formText(field, loaded);
	}

	#formValue(field: FieldKey): string | undefined {
		if (field === 'name') return this.name;
		if (field === 'barcodes') return parseBarcodes(this.barcodes).join(' | ');
		const [, source, part] = /^items\.(.+)\.(quantity|status|notifyQty)$/.exec(field)!;
		const row = this.rows.find((r) => r.source === source);
		return row?.[part as 'quantity' | 'status' | 'notifyQty'].trim();
	}

	#setForm(field: FieldKey, value: FieldValue) {
		const text = formText(field, value);
		if (field === 'name') this.name = text ?? '';
		else if (field === 'barcodes') this.barcodes = text ?? '';
		else {
			const [, source, part] = /^items\.(.+)\.(quantity|status|notifyQty)$/.exec(field)!;
			let row = this.rows.find((r) => r.source === source);
			if (text === undefined) {
				if (row) this.unassign(source);
				return;
			}
			if (!row) {
				this.rows.push({ source, quantity: '0', status: '', notifyQty: '', statusTouched: false });
				row = this.rows.at(-1)!;
			}
			row[part as 'quantity' | 'status' | 'notifyQty'] = text as '0';
			if (part === 'status') row.statusTouched = false;
		}
	}
}

function rowFromItem(item: SourceItem): ItemRow {
	return {
		source: item.source,
		quantity: String(item.quantity),
		status: String(item.status) as '0' | '1',
		notifyQty: item.notifyQty === null ? '' : String(item.notifyQty),
		statusTouched: false
	};
}
