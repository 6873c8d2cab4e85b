import { describe, expect, it } from 'vitest';
import { newSource, type Product } from '../types';
import { sameProduct } from '../changeSet';
import type { CheckOutcome } from './checkReport';
import { ImportChecker } from './importChecker';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from './importOptions';
import { planImport } from './importPlanner';

const EXISTING: Product = {
	sku: 'SAMPLE-0056',
	name: 'Trail Mug',
	barcodes: ['4006381333931'],
	items: [{ source: 'default', quantity: 7, status: 1, notifyQty: null }]
};

function checkProducts(lines: string[], options: Partial<ImportOptions> = {}): CheckOutcome {
	const byKey = new Map([[EXISTING.sku.toLowerCase(), EXISTING]]);
	const checker = new ImportChecker(
		{ ...DEFAULT_IMPORT_OPTIONS, entity: 'products', ...options },
		{
			sources: [newSource('default', 'Default Source')],
			product: (key) => byKey.get(key),
			barcodeOwner: (code) => (EXISTING.barcodes.includes(code) ? EXISTING.sku : undefined)
		}
	);
	checker.addRecords(
		lines.map((line) => line.split(',')),
		1
	);
	return checker.finish();
}

/** The product after importing `lines`, and the counts. */
function imported(lines: string[]) {
	const outcome = checkProducts(lines);
	if (outcome.status !== 'valid') throw new Error(outcome.report.errors.lines[0]?.message);
	const steps = planImport({
		rows: outcome.rows,
		sourceCodes: outcome.sourceCodes,
		entity: 'products',
		behavior: 'append',
		skippedRows: 0,
		product: (key) => (key === EXISTING.sku.toLowerCase() ? EXISTING : undefined)
	});
	let step = steps.next();
	while (!step.done) step = steps.next();
	const change = step.value.changes.find((c) => c.key === 'sample-0056');
	return { after: change ? change.after : EXISTING, counts: step.value.counts, outcome };
}

const HEADER = 'sku,name,barcode,qty,is_in_stock';

describe('blank cells in a Products import', () => {
	it('leave every stored value as it is, and the row counts as no update', () => {
		const { after, counts, outcome } = imported([HEADER, 'SAMPLE-0056,,,,']);
		expect(sameProduct(after, EXISTING)).toBe(true);
		expect(counts).toMatchObject({ created: 0, updated: 0 });
		expect(outcome.report.warnings).toEqual([
			'4 blank cells keep their stored values (name: 1, barcode: 1, qty: 1, is_in_stock: 1). ' +
				'To clear a name or barcode, write __EMPTY__VALUE__.'
		]);
	});

	it('change only the cells that are filled in', () => {
		const { after, counts } = imported([HEADER, 'SAMPLE-0056,,,12,']);
		expect(after).toEqual({
			...EXISTING,
			items: [{ source: 'default', quantity: 12, status: 1, notifyQty: null }]
		});
		expect(counts.updated).toBe(1);
	});

	it('are not counted for a new product, which simply starts empty', () => {
		const outcome = checkProducts([HEADER, 'NEW-1,,,,']);
		expect(outcome.report.warnings).toEqual(['1 new product will be created.']);
	});

	it('__EMPTY__VALUE__ clears a name and the barcodes', () => {
		const { after, counts } = imported([HEADER, 'SAMPLE-0056,__EMPTY__VALUE__, __EMPTY__VALUE__ ,,']);
		expect(after).toEqual({ ...EXISTING, name: '', barcodes: [] });
		expect(counts.updated).toBe(1);
	});

	it('__EMPTY__VALUE__ can not clear a quantity or a status', () => {
		const outcome = checkProducts([HEADER, 'SAMPLE-0056,,,__EMPTY__VALUE__,__EMPTY__VALUE__']);
		expect(outcome.report.errors.lines.map((l) => [l.rows[0], l.column, l.message])).toEqual([
			[2, 'qty', '__EMPTY__VALUE__ can clear only a name or a barcode, not qty.'],
			[2, 'is_in_stock', '__EMPTY__VALUE__ can clear only a name or a barcode, not is_in_stock.']
		]);
	});
});
