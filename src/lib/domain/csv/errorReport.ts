// The error report: the invalid rows as the file had them, each with an added `errors` column that
// names the original row and every problem, in the file's own separator so it opens and re-imports.

import { csvLine } from './csvText';
import type { RowError } from './importChecker';

export const ERRORS_COLUMN = 'errors';

export function errorReportHeader(names: readonly string[], separator: string): string {
	return csvLine([...names, ERRORS_COLUMN], separator);
}

/**
 * The row's cells up to the header's width (padded when short), the errors, then any extra cells, so
 * that the errors stay in their column even on ragged rows.
 */
export function errorReportLine(
	fields: readonly string[],
	width: number,
	errors: readonly RowError[],
	separator: string
): string {
	const cells = fields.slice(0, width);
	while (cells.length < width) cells.push('');
	cells.push(describeRowErrors(errors));
	for (let i = width; i < fields.length; i++) cells.push(fields[i]);
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
