// The error report: the invalid rows as the file had them, each with an added `errors` column that
// names the original row and every problem, in the file's own separator so it opens and re-imports.
// The errors column is always the last one: short rows are padded, and rows longer than the header keep
// their extra cells before it (the header gets unnamed columns for them).

import { csvLine } from './csvText';
import type { RowError } from './checkReport';

export const ERRORS_COLUMN = 'errors';

/** `width` is the report's cell count before the errors: the widest invalid row, at least the header. */
export function errorReportHeader(names: readonly string[], width: number, separator: string): string {
	const cells = [...names];
	while (cells.length < width) cells.push('');
	cells.push(ERRORS_COLUMN);
	return csvLine(cells, separator);
}

export function errorReportLine(
	fields: readonly string[],
	width: number,
	errors: readonly RowError[],
	separator: string
): string {
	const cells = [...fields];
	while (cells.length < width) cells.push('');
	cells.push(describeRowErrors(errors));
	return csvLine(cells, separator);
}

export function describeRowErrors(errors: readonly RowError[]): string {
	if (errors.length === 0) return '';
	return `Row ${errors[0].row}: ${errors.map((error) => error.message).join(' ')}`;
}

/** `stock.csv` → `stock_errors.csv`. */
export function errorReportFileName(fileName: string): string {
	const base = fileName.replace(/\.[^.]*$/, '') || 'import';
	return `${base}_errors.csv`;
}
