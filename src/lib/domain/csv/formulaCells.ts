// Cells a spreadsheet would run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
// return. Free text (product names) is written with a leading `'`, as OWASP advises against CSV
// injection, and read back without it, so Stockroom's own files round-trip exactly. SKUs and quantities
// are never changed: Magento must read them as they are (a quantity `-2` stays `-2`), so a formula-like
// SKU is only pointed out at Check Data.

import { formatNumber } from '../wording';

/** Protected text: one added quote before text that was a trigger or protected already. */
const PROTECTED = /^'+[=+\-@\t\r]/;

/** Checked on every SKU of a file (a million rows): a char code, not a regular expression. */
export function looksLikeFormula(text: string): boolean {
	const code = text.charCodeAt(0);
	// = + - @ tab CR
	return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** The cell for free text: `'` first when a spreadsheet would run it, or when it reads as protected. */
export function protectFreeText(text: string): string {
	return looksLikeFormula(text) || PROTECTED.test(text) ? `'${text}` : text;
}

/** The inverse of `protectFreeText`, for free text read from a file. */
export function unprotectFreeText(cell: string): string {
	return PROTECTED.test(cell) ? cell.slice(1) : cell;
}

const ROWS_NAMED = 10;

/** Notes the rows whose SKU looks like a formula, for one Check Data warning. */
export class FormulaSkus {
	readonly #rows: number[] = [];
	#total = 0;

	note(sku: string, row: number) {
		if (!looksLikeFormula(sku)) return;
		if (this.#rows.length < ROWS_NAMED) this.#rows.push(row);
		this.#total++;
	}

	warning(): string | null {
		return formulaSkuWarning(this.#rows, this.#total);
	}
}

/** Names the rows whose SKU a spreadsheet would take for a formula; null when there are none. */
export function formulaSkuWarning(rows: readonly number[], total: number): string | null {
	if (total === 0) return null;
	const listed = rows.slice(0, ROWS_NAMED).map(formatNumber).join(', ');
	const more = total > ROWS_NAMED ? ` and ${formatNumber(total - ROWS_NAMED)} more` : '';
	const which = total === 1 ? `Row ${listed} has a SKU` : `Rows ${listed}${more} have SKUs`;
	return (
		`${which} starting with =, +, -, @, a tab or a line break, which a spreadsheet may run as a ` +
		'formula. They are imported as written; check them before opening an export in a spreadsheet.'
	);
}
