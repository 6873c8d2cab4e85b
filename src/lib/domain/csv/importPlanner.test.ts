import { describe, expect, it } from 'vitest';
import type { ProductChange } from '../changeSet';
import { newSource, type Product } from '../types';
import { ImportChecker } from './importChecker';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from './importOptions';
import { planImport, type PlannedImport } from './importPlanner';

const SOURCES = ['default', 'wh-north', 'shop-1'].map((code) => newSource(code, code.toUpperCase()));

function catalogue(): Product[] {
	return [
		{
			sku: 'MB-01',
			name: 'Duffle',
			barcodes: ['111'],
			items: [
				{ source: 'default', quantity: 10, status: 1, notifyQty: 3 },
				{ source: 'wh-north', quantity: 4, status: 1, notifyQty: null }
			]
		},
		{ sku: 'WG-02', name: 'Watch', barcodes: [], items: [] }
	];
}

/** Checks `lines` (comma-split) against `products`, then plans the import. */
function plan(lines: string[], options: Partial<ImportOptions> = {}, products = catalogue()): PlannedImport {
	const byKey = new Map(products.map((p) => [p.sku.toLowerCase(), p]));
	const all = { ...DEFAULT_IMPORT_OPTIONS, strategy: 'skip-errors' as const, ...options };
	const checker = new ImportChecker(all, {
		sources: SOURCES,
		product: (key) => byKey.get(key),
		barcodeOwner: () => undefined
	});
	checker.addRecords(
		lines.map((line) => line.split(',')),
		1
	);
	const outcome = checker.finish();
	if (outcome.status !== 'valid') throw new Error(outcome.report.lines.join(' '));
	const steps = planImport({
		rows: outcome.rows,
		sourceCodes: outcome.sourceCodes,
		entity: all.entity,
		behavior: all.behavior,
		skippedRows: outcome.report.counts.invalidRows,
		product: (key) => byKey.get(key)
	});
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

const after = (changes: ProductChange[], key: string) => changes.find((c) => c.key === key)?.after;
const HEADER = 'source_code,sku,status,quantity';

describe('Import planning: Stock Sources, Add/Update', () => {
	it('upserts items, keeps notify quantities and other items, and counts real changes only', () => {
		const { changes, counts } = plan([
			HEADER,
			'default,MB-01,1,10', // unchanged: not an update
			'wh-north,MB-01,0,0', // updated
			'shop-1,MB-01,1,2', // created
			'shop-1,NEW-1,1,5' // created, new product
		]);
		expect(counts).toEqual({ created: 2, updated: 1, deleted: 0, newProducts: 1, skippedRows: 0 });
		expect(after(changes, 'mb-01')!.items).toEqual([
			{ source: 'default', quantity: 10, status: 1, notifyQty: 3 },
			{ source: 'wh-north', quantity: 0, status: 0, notifyQty: null },
			{ source: 'shop-1', quantity: 2, status: 1, notifyQty: null }
		]);
		expect(after(changes, 'new-1')).toEqual({
			sku: 'NEW-1',
			name: '',
			barcodes: [],
			items: [{ source: 'shop-1', quantity: 5, status: 1, notifyQty: null }]
		});
	});

	it('leaves a product out of the change set when none of its rows changes anything', () => {
		const { changes, counts } = plan([HEADER, 'default,MB-01,1,10', 'wh-north,mb-01,1,4.0000']);
		expect(changes).toEqual([]);
		expect(counts).toMatchObject({ created: 0, updated: 0, deleted: 0 });
	});

	it('matches SKUs ignoring case and keeps the stored spelling; a new SKU keeps its first spelling', () => {
		const { changes } = plan([HEADER, 'default,mb-01,1,11', 'default,New-2,1,1', 'wh-north,NEW-2,1,1']);
		expect(after(changes, 'mb-01')!.sku).toBe('MB-01');
		expect(after(changes, 'new-2')!.sku).toBe('New-2');
		expect(after(changes, 'new-2')!.items.map((i) => i.source)).toEqual(['default', 'wh-north']);
	});

	it('counts skipped rows and gives new products only the sources their rows name', () => {
		const { changes, counts } = plan([HEADER, 'wh-north,N-1,1,1', 'default,N-2,1,x']);
		expect(counts.skippedRows).toBe(1);
		expect(after(changes, 'n-1')!.items.map((i) => i.source)).toEqual(['wh-north']);
		expect(after(changes, 'n-2')).toBeUndefined();
	});

	it('lists the changes in key order, as the pages keep products', () => {
		const { changes } = plan([HEADER, 'default,Z,1,1', 'default,b,1,1', 'default,A,1,1']);
		expect(changes.map((c) => c.key)).toEqual(['a', 'b', 'z']);
	});
});

describe('Import planning: Stock Sources, Replace and Delete', () => {
	it('Replace resets the notify quantity, which counts as an update', () => {
		const { changes, counts } = plan([HEADER, 'default,MB-01,1,10', 'wh-north,MB-01,1,4'], {
			behavior: 'replace'
		});
		expect(counts).toMatchObject({ created: 0, updated: 1 });
		expect(after(changes, 'mb-01')!.items[0]).toEqual({
			source: 'default',
			quantity: 10,
			status: 1,
			notifyQty: null
		});
	});

	it('Delete removes the named items only, and counts only items that existed', () => {
		const { changes, counts } = plan(
			['source_code,sku', 'wh-north,MB-01', 'shop-1,MB-01', 'default,WG-02', 'default,GONE'],
			{ behavior: 'delete' }
		);
		expect(counts).toEqual({ created: 0, updated: 0, deleted: 1, newProducts: 0, skippedRows: 0 });
		expect(changes).toHaveLength(1);
		expect(after(changes, 'mb-01')!.items).toEqual([
			{ source: 'default', quantity: 10, status: 1, notifyQty: 3 }
		]);
	});
});

describe('Import planning: Products', () => {
	const products = (lines: string[], options: Partial<ImportOptions> = {}) =>
		plan(lines, { entity: 'products', ...options });

	it('creates products on the default source with qty, else 0', () => {
		const { changes, counts } = products(['sku,name,barcode,qty', 'P-1,Bag,1|2,5', 'P-2,Cap,,']);
		expect(counts).toEqual({ created: 2, updated: 0, deleted: 0, newProducts: 0, skippedRows: 0 });
		expect(after(changes, 'p-1')).toEqual({
			sku: 'P-1',
			name: 'Bag',
			barcodes: ['1', '2'],
			items: [{ source: 'default', quantity: 5, status: 1, notifyQty: null }]
		});
		expect(after(changes, 'p-2')!.items).toEqual([
			{ source: 'default', quantity: 0, status: 0, notifyQty: null }
		]);
	});

	it('updates names, barcodes and the default source; an unchanged product is not an update', () => {
		const { changes, counts } = products([
			'sku,name,barcode,qty,is_in_stock',
			'MB-01,Duffle Bag,111,12,0',
			'WG-02,Watch,,,'
		]);
		expect(counts).toMatchObject({ created: 0, updated: 1 });
		expect(after(changes, 'mb-01')).toEqual({
			sku: 'MB-01',
			name: 'Duffle Bag',
			barcodes: ['111'],
			items: [
				{ source: 'default', quantity: 12, status: 0, notifyQty: 3 },
				{ source: 'wh-north', quantity: 4, status: 1, notifyQty: null }
			]
		});
	});

	it('leaves what the file does not name: absent columns and an empty qty', () => {
		const { changes } = products(['sku,qty,is_in_stock', 'MB-01,,0', 'WG-02,,1']);
		expect(after(changes, 'mb-01')!.name).toBe('Duffle');
		expect(after(changes, 'mb-01')!.items[0]).toMatchObject({ quantity: 10, status: 0 });
		expect(after(changes, 'wg-02')).toBeUndefined();
	});

	it('assigns the default source when qty is given, and Replace acts as Add/Update', () => {
		const { changes } = products(['sku,qty', 'WG-02,3'], { behavior: 'replace' });
		expect(after(changes, 'wg-02')!.items).toEqual([
			{ source: 'default', quantity: 3, status: 1, notifyQty: null }
		]);
	});

	it('Delete removes products with their source items', () => {
		const { changes, counts } = products(['sku', 'mb-01', 'NOPE'], { behavior: 'delete' });
		expect(counts).toMatchObject({ deleted: 1 });
		expect(changes).toEqual([{ key: 'mb-01', before: catalogue()[0], after: null }]);
	});
});
