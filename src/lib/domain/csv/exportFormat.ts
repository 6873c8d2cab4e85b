// Export files: which source items the filters keep, how each product is written (Magento's Stock
// Sources format, or Magento's catalog column names for Products), and the file's name.

import { formatQuantityPlain } from '../quantity';
import { DEFAULT_SOURCE_CODE, type Product, type SourceItem } from '../types';
import { csvField, csvLine } from './csvText';
import { protectFreeText } from './formulaCells';
import { PRODUCT_COLUMNS, STOCK_SOURCE_COLUMNS, type EntityType } from './importOptions';

export type StatusFilter = 'any' | 'in' | 'out';

export interface ExportFilters {
	/** Source codes to export; none means all. */
	sources: string[];
	/** Part of the SKU, ignoring case. */
	skuContains: string;
	status: StatusFilter;
	/** Inclusive bounds; null means no bound (0 is a real bound). */
	quantityFrom: number | null;
	quantityTo: number | null;
}

export const NO_FILTERS: ExportFilters = {
	sources: [],
	skuContains: '',
	status: 'any',
	quantityFrom: null,
	quantityTo: null
};

export const NO_MATCHING_ROWS = 'No rows match the filters.';

export function exportHeader(entity: EntityType): string {
	return csvLine(entity === 'stock-sources' ? STOCK_SOURCE_COLUMNS : PRODUCT_COLUMNS);
}

/** Does the product's key pass `SKU contains`? `needle` already lower-cased and trimmed. */
export function skuMatches(key: string, needle: string): boolean {
	return needle === '' || key.includes(needle);
}

export function normalizedNeedle(filters: ExportFilters): string {
	return filters.skuContains.trim().toLowerCase();
}

export function itemMatcher(filters: ExportFilters): (item: SourceItem) => boolean {
	const sources = filters.sources.length > 0 ? new Set(filters.sources) : null;
	const status = filters.status === 'any' ? null : filters.status === 'in' ? 1 : 0;
	const from = filters.quantityFrom ?? -Infinity;
	const to = filters.quantityTo ?? Infinity;
	return (item) =>
		(sources === null || sources.has(item.source)) &&
		(status === null || item.status === status) &&
		item.quantity >= from &&
		item.quantity <= to;
}

/**
 * Writes the product's matching items as Stock Sources lines, in source-code order; returns how many.
 * `quotedCodes` caches each source code as written.
 */
export function stockSourceLines(
	product: Product,
	matches: (item: SourceItem) => boolean,
	quotedCodes: Map<string, string>,
	out: string[]
): number {
	const items = product.items.length > 1 ? [...product.items].sort(bySourceCode) : product.items;
	let sku: string | null = null;
	let written = 0;
	for (const item of items) {
		if (!matches(item)) continue;
		sku ??= csvField(product.sku);
		let code = quotedCodes.get(item.source);
		if (code === undefined) quotedCodes.set(item.source, (code = csvField(item.source)));
		out.push(`${code},${sku},${item.status},${formatQuantityPlain(item.quantity)}\n`);
		written++;
	}
	return written;
}

/**
 * `sku,name,barcode,qty,is_in_stock`: qty and status are the default source's, empty when unassigned
 * (an import then leaves them alone). The name is free text, protected from spreadsheet formulas.
 */
export function productLine(product: Product): string {
	const item = product.items.find((i) => i.source === DEFAULT_SOURCE_CODE);
	return csvLine([
		product.sku,
		protectFreeText(product.name),
		product.barcodes.join('|'),
		item ? formatQuantityPlain(item.quantity) : '',
		item ? String(item.status) : ''
	]);
}

function bySourceCode(a: SourceItem, b: SourceItem): number {
	return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** `stock_sources_YYYYMMDD_HHMMSS.csv` or `products_…`, in local time. */
export function exportFileName(entity: EntityType, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
	const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
	return `${entity === 'stock-sources' ? 'stock_sources' : 'products'}_${date}_${time}.csv`;
}
