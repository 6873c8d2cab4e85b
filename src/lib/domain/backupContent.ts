// What a backup's rows must be before they may replace the data (docs/domain-rules.md, Backups): every
// product through the rules an import applies (SKU, quantity, status, existing source), pages laid out
// as storage needs them, and history and counts pointing at records the backup holds.

import type { BackupTable } from './backupFormat';
import { skuProblem } from './productRules';
import { isQuantityInRange, roundQuantity } from './quantity';
import { validateSource } from './sourceRules';
import { DEFAULT_SOURCE_CODE, skuKey, type Source } from './types';

export interface BackupSummary {
	/** When the backup was made (ISO 8601). */
	createdAt: string;
	products: number;
	items: number;
	sources: number;
	operations: number;
}

type Rows = ReadonlyMap<BackupTable, readonly unknown[]>;
type Row = Record<string, unknown>;

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStoredQuantity = (value: unknown): value is number =>
	isNumber(value) && isQuantityInRange(value) && roundQuantity(value) === value;

/** The first problem of the backup's rows, as a sentence naming its line; null when there is none. */
export function checkBackupRows(rows: Rows, lineOf: (row: unknown) => number): string | null {
	const at = (row: unknown, problem: string) => `Line ${lineOf(row)} of the backup: ${problem}`;
	const table = (name: BackupTable) => (rows.get(name) ?? []) as Row[];

	const sources = table('sources');
	const codes = new Set<string>();
	for (const row of sources) {
		const problem = sourceProblem(row, sources);
		if (problem) return at(row, problem);
		if (codes.has((row.code as string).toLowerCase())) return at(row, `source "${row.code}" appears twice.`);
		codes.add((row.code as string).toLowerCase());
	}
	if (!sources.some((s) => s.code === DEFAULT_SOURCE_CODE)) return 'The backup has no default source.';
	const sourceCodes = new Set(sources.map((s) => s.code as string));

	for (const row of table('settings')) if (!isString(row.key)) return at(row, 'a setting has no key.');

	const problem = checkPages(table('pages'), sourceCodes, at);
	if (problem) return problem;

	const operations = new Set<number>();
	for (const row of table('operations')) {
		if (!isNumber(row.id) || !isNumber(row.at) || !isString(row.kind) || !isString(row.summary)) {
			return at(row, 'a history operation lacks its number, time, kind or summary.');
		}
		operations.add(row.id);
	}
	for (const row of table('opChanges')) {
		if (
			!isNumber(row.opId) ||
			!operations.has(row.opId) ||
			!isNumber(row.chunk) ||
			!Array.isArray(row.changes)
		) {
			return at(row, 'history changes belong to no operation of the backup.');
		}
	}
	const counts = new Set<string>();
	for (const row of table('counts')) {
		if (!isString(row.id) || !isString(row.source) || !isString(row.status)) {
			return at(row, 'a count lacks its id, source or status.');
		}
		counts.add(row.id);
	}
	for (const row of table('countLines')) {
		if (!isString(row.countId) || !counts.has(row.countId) || !isString(row.key) || !isNumber(row.counted)) {
			return at(row, 'a counted line belongs to no count of the backup.');
		}
	}
	return null;
}

function sourceProblem(row: Row, all: readonly Row[]): string | null {
	const textFields = ['code', 'name', 'description', 'country', 'email'] as const;
	if (textFields.some((field) => !isString(row[field])) || typeof row.enabled !== 'boolean') {
		return 'a source lacks its code, name or settings.';
	}
	for (const field of ['latitude', 'longitude'] as const) {
		if (row[field] !== null && !isNumber(row[field]))
			return `source "${row.code}": ${field} is not a number.`;
	}
	const errors = validateSource(row as unknown as Source, all as unknown as Source[], row.code as string);
	return errors.length > 0 ? `source "${row.code}": ${errors[0].message}` : null;
}

/** Products as an import would accept them, in pages laid out as storage expects (sorted, disjoint). */
function checkPages(
	pages: readonly Row[],
	sourceCodes: ReadonlySet<string>,
	at: (row: unknown, problem: string) => string
): string | null {
	const ranges: { first: string; last: string; row: Row }[] = [];
	const ids = new Set<number>();
	for (const page of pages) {
		if (!isNumber(page.id) || ids.has(page.id) || !isString(page.firstKey) || !Array.isArray(page.products)) {
			return at(page, 'a product page lacks its number, first key or products.');
		}
		ids.add(page.id);
		const products = page.products as Row[];
		let previous = '';
		for (const product of products) {
			const problem = productProblem(product, sourceCodes);
			if (problem) return at(page, problem);
			const key = skuKey(product.sku as string);
			if (key <= previous) return at(page, `SKU "${product.sku}" is out of order or appears twice.`);
			previous = key;
		}
		if (products.length === 0) return at(page, 'a product page is empty.');
		const first = skuKey(products[0].sku as string);
		if (first !== page.firstKey)
			return at(page, `the page's first key is not that of SKU "${products[0].sku}".`);
		ranges.push({ first, last: previous, row: page });
	}
	ranges.sort((a, b) => (a.first < b.first ? -1 : 1));
	for (let i = 1; i < ranges.length; i++) {
		if (ranges[i].first <= ranges[i - 1].last) {
			return at(ranges[i].row, `SKU keys from "${ranges[i].first}" also appear on another page.`);
		}
	}
	return null;
}

function productProblem(product: Row, sourceCodes: ReadonlySet<string>): string | null {
	if (!isString(product.sku)) return 'a product has no SKU.';
	const sku = product.sku;
	const skuIssue = skuProblem(sku);
	if (skuIssue) return sku === '' ? skuIssue : `product "${sku}": ${skuIssue}`;
	if (!isString(product.name)) return `product "${sku}": the name is not text.`;
	if (!Array.isArray(product.barcodes) || !product.barcodes.every(isString)) {
		return `product "${sku}": the barcodes are not a list of codes.`;
	}
	if (!Array.isArray(product.items)) return `product "${sku}": its source items are missing.`;
	const seen = new Set<unknown>();
	for (const item of product.items as Row[]) {
		const where = `SKU "${sku}" at source "${String(item?.source)}"`;
		if (!isString(item?.source) || !sourceCodes.has(item.source)) {
			return `${where}: the source does not exist in the backup.`;
		}
		if (seen.has(item.source)) return `${where}: the source appears twice.`;
		seen.add(item.source);
		if (!isStoredQuantity(item.quantity)) {
			return `${where}: quantity ${JSON.stringify(item.quantity)} is not a number with at most 4 decimals within ±99,999,999.9999.`;
		}
		if (item.status !== 0 && item.status !== 1) {
			return `${where}: status ${JSON.stringify(item.status)} must be 0 (out of stock) or 1 (in stock).`;
		}
		if (item.notifyQty !== null && !isStoredQuantity(item.notifyQty)) {
			return `${where}: notify quantity ${JSON.stringify(item.notifyQty)} is not a number.`;
		}
	}
	return null;
}

/** What the backup holds, for the question before a restore. */
export function summarizeBackup(createdAt: string, rows: Rows): BackupSummary {
	let products = 0;
	let items = 0;
	for (const page of (rows.get('pages') ?? []) as Row[]) {
		for (const product of page.products as Row[]) {
			products++;
			items += (product.items as unknown[]).length;
		}
	}
	return {
		createdAt,
		products,
		items,
		sources: (rows.get('sources') ?? []).length,
		operations: (rows.get('operations') ?? []).length
	};
}
