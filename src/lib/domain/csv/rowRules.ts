// The rules one CSV row must pass, each each with its message (docs/domain-rules.md, CSV files).

import type { Source, StockStatus } from '../types';
import type { EntityType } from './importOptions';

export function fieldCountMessage(fields: number, width: number): string {
	return `Row has ${fields} ${fields === 1 ? 'field' : 'fields'}; the header has ${width}.`;
}

export function duplicateMessage(firstRow: number, entity: EntityType): string {
	return entity === 'stock-sources'
		? `Duplicate of row ${firstRow} (same SKU and source).`
		: `Duplicate of row ${firstRow} (same SKU).`;
}

/** Source codes as stored: exact matches, and suggestions for near misses. */
export class SourceLookup {
	readonly codes: readonly string[];
	readonly #index = new Map<string, number>();
	readonly #loose = new Map<string, string>();
	readonly #enabled: boolean[];

	constructor(sources: readonly Source[]) {
		this.codes = sources.map((source) => source.code);
		this.#enabled = sources.map((source) => source.enabled);
		sources.forEach((source, at) => {
			this.#index.set(source.code, at);
			this.#loose.set(source.code.trim().toLowerCase(), source.code);
		});
	}

	/** The source's position, or -1 when no source has exactly this code. */
	indexOf(code: string): number {
		return this.#index.get(code) ?? -1;
	}

	isEnabled(index: number): boolean {
		return this.#enabled[index];
	}

	/** Why `code` names no source; call only when `indexOf(code)` is -1. */
	problem(code: string): string {
		if (code === '') return 'Source code is empty.';
		const suggestion = this.#loose.get(code.trim().toLowerCase());
		const hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : '';
		return `Source code "${code}" does not exist.${hint}`;
	}
}

/** `status` or `is_in_stock` after trimming: 0 or 1, `derive` when empty, `invalid` otherwise. */
export function readStatus(raw: string | undefined): StockStatus | 'derive' | 'invalid' {
	if (raw === undefined) return 'derive';
	if (raw === '1') return 1;
	if (raw === '0') return 0;
	const text = raw.trim();
	if (text === '') return 'derive';
	if (text === '1') return 1;
	if (text === '0') return 0;
	return 'invalid';
}

export function statusMessage(raw: string): string {
	return `Status "${raw.trim()}" must be 0 (out of stock) or 1 (in stock).`;
}

/** The `barcode` cell of a Products file: several codes separated by `|`. */
export function splitBarcodes(cell: string): string[] {
	const codes: string[] = [];
	for (const part of cell.split('|')) {
		const code = part.trim();
		if (code !== '' && !codes.includes(code)) codes.push(code);
	}
	return codes;
}

export function barcodeSpacesMessage(code: string): string {
	return `Barcode "${code}" can not contain spaces.`;
}

export function barcodeTakenMessage(code: string, owner: string): string {
	return `Barcode "${code}" already belongs to ${owner}.`;
}

/** The quantity when `raw` is 1 to 8 plain digits (most files), else NaN: parseQuantity decides. */
export function plainWholeNumber(raw: string): number {
	const length = raw.length;
	if (length === 0 || length > 8) return NaN;
	let value = 0;
	for (let i = 0; i < length; i++) {
		const digit = raw.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return NaN;
		value = value * 10 + digit;
	}
	return value;
}

/** Blank and whitespace-only lines (and rows of empty cells, as spreadsheets save them) are skipped. */
export function isBlankRow(fields: readonly string[]): boolean {
	for (let i = 0; i < fields.length; i++) {
		const field = fields[i];
		if (field.length > 0 && (field.charCodeAt(0) > 32 || field.trim() !== '')) return false;
	}
	return true;
}
