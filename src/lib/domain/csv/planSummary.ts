// What a valid check tells before Import: how many rows and products the import will touch, how many
// products it creates, and (for Delete) how many rows name nothing that exists.

import type { Product } from '../types';
import type { CheckedRows } from './checkedRows';
import type { EntityType, ImportBehavior } from './importOptions';

export interface ImportPlanSummary {
	/** Valid rows the import applies. */
	rows: number;
	/** Distinct SKUs those rows name. */
	products: number;
	/** Products the import creates (none for Delete). */
	newProducts: number;
	/** Delete only: valid rows that name an item or product that does not exist. */
	nothingToDelete: number;
	/** Rows with errors the import skips. */
	skippedRows: number;
	/** Blank cells that keep a stored value. */
	keptCells: number;
}

export interface SummaryInput {
	rows: CheckedRows;
	sourceCodes: readonly string[];
	entity: EntityType;
	behavior: ImportBehavior;
	skippedRows: number;
	keptCells: number;
	product(key: string): Product | undefined;
}

export function summarizePlan(input: SummaryInput): ImportPlanSummary {
	const { rows, entity } = input;
	const deleting = input.behavior === 'delete';
	let products = 0;
	let newProducts = 0;
	let nothingToDelete = 0;
	for (let sku = 0; sku < rows.skuCount; sku++) {
		if (!rows.hasValid(sku)) continue;
		products++;
		const product = input.product(rows.keys[sku]);
		if (!deleting) {
			if (!product) newProducts++;
			continue;
		}
		rows.forEachValid(sku, (entry) => {
			const code = input.sourceCodes[rows.source(entry)];
			if (!product || (entity === 'stock-sources' && !product.items.some((i) => i.source === code)))
				nothingToDelete++;
		});
	}
	return {
		rows: rows.validCount,
		products,
		newProducts,
		nothingToDelete,
		skippedRows: input.skippedRows,
		keptCells: input.keptCells
	};
}
