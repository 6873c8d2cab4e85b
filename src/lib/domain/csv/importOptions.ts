// What a person chooses before Check Data: the entity, the behaviour, the strategy, the separator and
// the encoding, with the labels the page shows (docs/domain-rules.md, CSV files).

export type EntityType = 'stock-sources' | 'products';
/** Magento's names: `append` is Add/Update. */
export type ImportBehavior = 'append' | 'replace' | 'delete';
export type ValidationStrategy = 'stop-on-error' | 'skip-errors';
export type SeparatorChoice = 'auto' | 'comma' | 'semicolon' | 'tab' | 'pipe';

import type { FileEncoding } from './encodingGuess';

export interface ImportOptions {
	entity: EntityType;
	behavior: ImportBehavior;
	strategy: ValidationStrategy;
	allowedErrors: number;
	separator: SeparatorChoice;
	/** UTF-8 unless the person chose to read a Windows-1252 file as such. */
	encoding: FileEncoding;
}

export const DEFAULT_ALLOWED_ERRORS = 10;

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
	entity: 'stock-sources',
	behavior: 'append',
	strategy: 'stop-on-error',
	allowedErrors: DEFAULT_ALLOWED_ERRORS,
	separator: 'auto',
	encoding: 'utf-8'
};

export const ENTITY_LABELS: Record<EntityType, string> = {
	'stock-sources': 'Stock Sources',
	products: 'Products'
};

export const BEHAVIOR_LABELS: Record<ImportBehavior, string> = {
	append: 'Add/Update',
	replace: 'Replace',
	delete: 'Delete'
};

export const STRATEGY_LABELS: Record<ValidationStrategy, string> = {
	'stop-on-error': 'Stop on error',
	'skip-errors': 'Skip error entries'
};

export const SEPARATOR_LABELS: Record<SeparatorChoice, string> = {
	auto: 'Auto',
	comma: 'Comma',
	semicolon: 'Semicolon',
	tab: 'Tab',
	pipe: 'Pipe'
};

export const SEPARATOR_CHARS: Record<Exclude<SeparatorChoice, 'auto'>, string> = {
	comma: ',',
	semicolon: ';',
	tab: '\t',
	pipe: '|'
};

/** The columns of each entity, in the order an export writes them. */
export const STOCK_SOURCE_COLUMNS = ['source_code', 'sku', 'status', 'quantity'] as const;
export const PRODUCT_COLUMNS = ['sku', 'name', 'barcode', 'qty', 'is_in_stock'] as const;

export type StockSourceColumn = (typeof STOCK_SOURCE_COLUMNS)[number];
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type ImportColumn = StockSourceColumn | ProductColumn;

export function entityColumns(entity: EntityType): readonly ImportColumn[] {
	return entity === 'stock-sources' ? STOCK_SOURCE_COLUMNS : PRODUCT_COLUMNS;
}

/** Delete needs only what names an item; Magento also demands `quantity` there (unlike Magento: docs/domain-rules.md, CSV files). */
export function requiredColumns(entity: EntityType, behavior: ImportBehavior): readonly ImportColumn[] {
	if (entity === 'products') return ['sku'];
	return behavior === 'delete' ? ['source_code', 'sku'] : ['source_code', 'sku', 'quantity'];
}

/**
 * Reads the Allowed errors count as typed: a whole number from 0. Anything else is refused, not
 * replaced by the default, so the check never runs with a tolerance the user did not choose.
 */
export function readAllowedErrors(
	text: string
): { ok: true; value: number } | { ok: false; message: string } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, message: 'Allowed errors count is empty.' };
	const value = Number(trimmed);
	if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value)) {
		return {
			ok: false,
			message: `Allowed errors count "${trimmed}" must be a whole number of 0 or more.`
		};
	}
	return { ok: true, value };
}
