// The lines Check Data and Import say, as docs/domain-rules.md (CSV files) describes them.

import { formatCount, formatNumber } from '../wording';
import type { EntityType } from './importOptions';

export const FILE_EMPTY = 'The file is empty.';
export const NO_DATA_ROWS = 'The file has a header but no data rows.';
export const NOT_UTF8 = 'The file is not valid UTF-8 text.';
/** A file read as Windows-1252 that holds binary data. */
export const NOT_TEXT = 'The file is not text.';
export const VALID_VERDICT = 'File is valid! To start import process press "Import" button';
export const INVALID_VERDICT =
	'Data validation failed. Please fix the following errors and upload the file again.';
export const IMPORT_DONE = 'Import successfully done';
export const NO_VALID_ROWS = 'No row of the file is valid, so there is nothing to import.';

export function unclosedQuoteMessage(row: number): string {
	return `Row ${row} opens a quote that is never closed.`;
}

export function rowTooLongMessage(row: number, megabytes: number): string {
	return `Row ${row} is longer than ${megabytes} MB; check it for a quote that is never closed.`;
}

export interface CheckCounts {
	/** Data rows read (blank lines are not rows). */
	rows: number;
	/** Distinct SKUs, ignoring case. */
	entities: number;
	invalidRows: number;
	errors: number;
}

export function summaryLine(counts: CheckCounts): string {
	return (
		`Checked rows: ${formatNumber(counts.rows)}, checked entities: ${formatNumber(counts.entities)}, ` +
		`invalid rows: ${formatNumber(counts.invalidRows)}, total errors: ${formatNumber(counts.errors)}`
	);
}

export function skippedRowsLine(invalidRows: number): string {
	return `${formatCount(invalidRows, 'row')} with errors will be skipped.`;
}

export function newProductsWarning(count: number): string {
	return count === 1
		? '1 new product will be created.'
		: `${formatNumber(count)} new products will be created.`;
}

export function disabledSourceWarning(code: string): string {
	return `Source "${code}" is disabled.`;
}

export function nothingToDeleteWarning(rows: number, entity: EntityType): string {
	const what = entity === 'stock-sources' ? ['an item', 'items'] : ['a product', 'products'];
	return rows === 1
		? `1 row names ${what[0]} that does not exist; nothing to delete for it.`
		: `${formatNumber(rows)} rows name ${what[1]} that do not exist; nothing to delete for them.`;
}

/** What an import changed: source items for Stock Sources, products for Products. */
export interface ImportCounts {
	created: number;
	updated: number;
	deleted: number;
	newProducts: number;
	skippedRows: number;
}

/** `Created: C, Updated: U, Deleted: D`, plus new products and skipped rows where non-zero. */
export function countsLine(counts: ImportCounts): string {
	const parts = [
		`Created: ${formatNumber(counts.created)}`,
		`Updated: ${formatNumber(counts.updated)}`,
		`Deleted: ${formatNumber(counts.deleted)}`
	];
	if (counts.newProducts > 0) parts.push(`New products: ${formatNumber(counts.newProducts)}`);
	if (counts.skippedRows > 0) parts.push(`Skipped rows: ${formatNumber(counts.skippedRows)}`);
	return parts.join(', ');
}

/** The history entry and toast: `stock.csv: 3 items created, 1,204 updated` in the shop's words. */
export function importSummary(fileName: string, entity: EntityType, counts: ImportCounts): string {
	const noun = entity === 'stock-sources' ? 'item' : 'product';
	const parts: string[] = [];
	if (counts.created > 0) parts.push(`${formatCount(counts.created, noun)} created`);
	if (counts.updated > 0) parts.push(`${formatCount(counts.updated, noun)} updated`);
	if (counts.deleted > 0) parts.push(`${formatCount(counts.deleted, noun)} deleted`);
	if (parts.length === 0) parts.push('nothing changed');
	return `${parts.join(', ')} from ${fileName}`;
}
