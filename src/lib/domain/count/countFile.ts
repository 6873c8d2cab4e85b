// Count files: a count written in the Stock Sources format (`source_code,sku,status,quantity`, so it
// also imports into Magento), and such files read back to merge the counts of several tablets.

import { csvLine } from '../csv/csvText';
import { analyzeHeader, type HeaderLayout } from '../csv/header';
import { exportHeader } from '../csv/exportFormat';
import { FILE_EMPTY, NO_DATA_ROWS } from '../csv/messages';
import { fieldCountMessage } from '../csv/rowRules';
import { quantityProblemMessage, skuProblem } from '../productRules';
import { addQuantities, deriveStatus, formatQuantityPlain, parseQuantity } from '../quantity';
import { skuKey } from '../types';
import type { CountLine } from './count';

/** The count's known lines as Stock Sources CSV, sorted by SKU ignoring case; unknown codes are left out. */
export function countFileText(source: string, lines: readonly CountLine[]): { text: string; rows: number } {
	const known = lines
		.filter((line) => line.known)
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const body = known.map((line) =>
		csvLine([source, line.code, String(deriveStatus(line.counted)), formatQuantityPlain(line.counted)])
	);
	return { text: exportHeader('stock-sources') + body.join(''), rows: known.length };
}

export interface CountFileRow {
	sku: string;
	quantity: number;
}

/** What one file holds: its quantities per SKU (summed), or the problems that keep it out. */
export type CountFileResult = { ok: true; rows: CountFileRow[] } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

/**
 * Reads the records of one count file (fed by the CSV reader). Every row must name the count's source;
 * `status` is ignored (a count sets it from the quantity).
 */
export class CountFileReader {
	readonly #source: string;
	#separator = ',';
	#layout: HeaderLayout | null = null;
	#problems: string[] = [];
	#totalProblems = 0;
	#dataRows = 0;
	readonly #rows = new Map<string, CountFileRow>();

	constructor(source: string) {
		this.#source = source;
	}

	useSeparator(separator: string) {
		this.#separator = separator;
	}

	/** A problem of the whole file (encoding, an open quote). */
	fail(message: string) {
		this.#problem(message);
	}

	addRecords(records: readonly string[][], firstRow: number): boolean {
		for (let i = 0; i < records.length; i++) {
			const fields = records[i];
			if (fields.every((field) => field.trim() === '')) continue;
			if (this.#layout === null) {
				const header = analyzeHeader(fields, 'stock-sources', 'append', this.#separator);
				if (!header.ok) {
					header.errors.forEach((message) => this.#problem(message));
					return false;
				}
				this.#layout = header.layout;
				continue;
			}
			this.#dataRows++;
			this.#readRow(fields, firstRow + i);
		}
		return true;
	}

	finish(): CountFileResult {
		if (this.#totalProblems === 0 && this.#layout === null) this.#problem(FILE_EMPTY);
		else if (this.#totalProblems === 0 && this.#dataRows === 0) this.#problem(NO_DATA_ROWS);
		if (this.#totalProblems > 0) {
			const more = this.#totalProblems - this.#problems.length;
			return { ok: false, problems: more > 0 ? [...this.#problems, `…and ${more} more.`] : this.#problems };
		}
		return { ok: true, rows: [...this.#rows.values()] };
	}

	#readRow(fields: readonly string[], row: number) {
		const layout = this.#layout!;
		if (fields.length !== layout.width) {
			this.#problem(`Row ${row}: ${fieldCountMessage(fields.length, layout.width)}`);
			return;
		}
		const source = fields[layout.index.source_code!];
		const sku = fields[layout.index.sku!];
		const rawQuantity = fields[layout.index.quantity!];
		if (source !== this.#source) {
			this.#problem(`Row ${row}: source "${source}" is not this count's source "${this.#source}".`);
		}
		const skuError = skuProblem(sku);
		if (skuError) this.#problem(`Row ${row}: ${skuError}`);
		const quantity = parseQuantity(rawQuantity);
		if (!quantity.ok)
			this.#problem(`Row ${row}: ${quantityProblemMessage('Quantity', rawQuantity, quantity.problem)}`);
		if (source !== this.#source || skuError || !quantity.ok) return;
		const key = skuKey(sku);
		const known = this.#rows.get(key);
		if (known) known.quantity = addQuantities(known.quantity, quantity.value);
		else this.#rows.set(key, { sku, quantity: quantity.value });
	}

	#problem(message: string) {
		this.#totalProblems++;
		if (this.#problems.length < MAX_PROBLEMS) this.#problems.push(message);
	}
}
