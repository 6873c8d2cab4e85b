// The product page's form state: details and one editable row per assigned source.

import { barcodeKey } from '$lib/domain/barcode/gtin';
import { parseBarcodes, type SourceItemDraft } from '$lib/domain/productRules';
import type { Product, Source } from '$lib/domain/types';
import { engine } from '$lib/ui/engine';

export interface ItemRow extends SourceItemDraft {
	source: string;
	/** The user chose a status: it is kept; otherwise a typed quantity derives it. */
	statusTouched: boolean;
}

export class ProductEditorState {
	product = $state.raw<Product | null>(null);
	sources = $state.raw<Source[]>([]);
	defaultNotifyQty = $state(1);
	missing = $state(false);
	name = $state('');
	barcodes = $state('');
	rows = $state<ItemRow[]>([]);
	errors = $state<Record<string, string>>({});
	#sku: string;

	constructor(sku: string) {
		this.#sku = sku;
	}

	unassigned = $derived(this.sources.filter((s) => !this.rows.some((r) => r.source === s.code)));
	dirty = $derived.by(() => {
		const product = this.product;
		if (!product) return false;
		if (this.name !== product.name || this.barcodes !== product.barcodes.join(' | ')) return true;
		if (this.rows.length !== product.items.length) return true;
		return this.rows.some((row) => {
			const item = product.items.find((i) => i.source === row.source);
			return (
				!item ||
				row.quantity.trim() !== String(item.quantity) ||
				(row.status !== '' && row.status !== String(item.status)) ||
				row.notifyQty.trim() !== (item.notifyQty === null ? '' : String(item.notifyQty))
			);
		});
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
		this.rows = detail.product.items.map((item) => ({
			source: item.source,
			quantity: String(item.quantity),
			status: String(item.status) as '0' | '1',
			notifyQty: item.notifyQty === null ? '' : String(item.notifyQty),
			statusTouched: false
		}));
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
}
