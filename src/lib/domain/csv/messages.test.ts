import { describe, expect, it } from 'vitest';
import {
	countsLine,
	importSummary,
	newProductsWarning,
	nothingToDeleteWarning,
	summaryLine
} from './messages';

describe('messages', () => {
	it('writes the Check Data summary with grouped thousands', () => {
		expect(summaryLine({ rows: 1_000_000, entities: 200_000, invalidRows: 0, errors: 0 })).toBe(
			'Checked rows: 1,000,000, checked entities: 200,000, invalid rows: 0, total errors: 0'
		);
	});

	it('writes the counts line, with new products and skipped rows only when not zero', () => {
		const zero = { created: 0, updated: 0, deleted: 0, newProducts: 0, skippedRows: 0 };
		expect(countsLine(zero)).toBe('Created: 0, Updated: 0, Deleted: 0');
		expect(countsLine({ ...zero, created: 3, newProducts: 1, skippedRows: 2 })).toBe(
			'Created: 3, Updated: 0, Deleted: 0, New products: 1, Skipped rows: 2'
		);
	});

	it('words warnings and the history summary for one and for many', () => {
		expect(newProductsWarning(1)).toBe('1 new product will be created.');
		expect(newProductsWarning(1204)).toBe('1,204 new products will be created.');
		expect(nothingToDeleteWarning(3, 'products')).toBe(
			'3 rows name products that do not exist; nothing to delete for them.'
		);
		const counts = { created: 1, updated: 1204, deleted: 0, newProducts: 0, skippedRows: 0 };
		expect(importSummary('stock.csv', 'stock-sources', counts)).toBe(
			'1 item created, 1,204 items updated from stock.csv'
		);
		expect(importSummary('p.csv', 'products', { ...counts, created: 0, updated: 0 })).toBe(
			'nothing changed from p.csv'
		);
	});
});
