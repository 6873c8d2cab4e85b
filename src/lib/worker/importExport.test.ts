// Import and export through the engine, as the page calls them (fake-indexeddb underneath).

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type ExportFilters } from '$lib/domain/csv/exportFormat';
import { DEFAULT_IMPORT_OPTIONS, type EntityType, type ImportOptions } from '$lib/domain/csv/importOptions';
import { newSource, type Product } from '$lib/domain/types';
import { createEngine, type EngineApi } from './api';
import { Store } from './store';

const FIXTURES = 'tests/fixtures';
let stores: Store[] = [];
let counter = 0;

afterEach(() => {
	stores.forEach((store) => store.close());
	stores = [];
});

/** An engine with the fixtures' sources: default, wh-north, shop-1 (and a disabled eu-dis). */
async function openEngine(): Promise<{ engine: EngineApi; store: Store }> {
	const store = new Store(`import-export-${Date.now()}-${++counter}`);
	stores.push(store);
	const engine = createEngine(store);
	await engine.start();
	await engine.saveSource(newSource('wh-north', 'North Warehouse'), null);
	await engine.saveSource(newSource('shop-1', 'Shop Floor'), null);
	await engine.saveSource({ ...newSource('eu-dis', 'EU (closed)'), enabled: false }, null);
	return { engine, store };
}

function fixture(name: string): File {
	return new File([readFileSync(`${FIXTURES}/${name}`)], name, { type: 'text/csv' });
}

function csvFile(text: string, name = 'stock.csv'): File {
	return new File([text], name, { type: 'text/csv' });
}

let jobs = 0;
async function checkAndImport(engine: EngineApi, file: File, options: Partial<ImportOptions> = {}) {
	const check = await engine.checkImport(`check-${++jobs}`, file, { ...DEFAULT_IMPORT_OPTIONS, ...options });
	if (check.status !== 'valid' && check.status !== 'invalid') throw new Error(`check ${check.status}`);
	if (check.status === 'invalid') return { check, result: null };
	const result = await engine.runImport(`import-${++jobs}`);
	if (result.status !== 'imported') throw new Error(`import ${result.status}`);
	return { check, result };
}

async function exportText(
	engine: EngineApi,
	entity: EntityType = 'stock-sources',
	filters: Partial<ExportFilters> = {}
) {
	const result = await engine.exportCsv(`export-${++jobs}`, entity, { ...NO_FILTERS, ...filters });
	if (result.status !== 'exported') throw new Error('export cancelled');
	return { ...result, text: await result.blob.text() };
}

/** The catalogue as plain data, for before/after comparisons. */
function snapshot(store: Store): Product[] {
	return [...store.inventory.sortedKeys()].map((key) => structuredClone(store.inventory.get(key)!));
}

describe('the fixtures', () => {
	it('imports stock_sources_small.csv and exports the same values sorted by SKU, then source', async () => {
		const { engine } = await openEngine();
		const { check, result } = await checkAndImport(engine, fixture('stock_sources_small.csv'));
		expect(check.report.lines).toEqual([
			'Checked rows: 5, checked entities: 3, invalid rows: 0, total errors: 0',
			'File is valid! To start import process press "Import" button'
		]);
		expect(check.report.warnings).toEqual(['3 new products will be created.']);
		expect(result!.lines).toEqual([
			'Import successfully done',
			'Created: 5, Updated: 0, Deleted: 0, New products: 3'
		]);
		expect(result!.operationId).toBeGreaterThan(0);
		const exported = await exportText(engine);
		expect(exported.text).toBe(
			'source_code,sku,status,quantity\n' +
				'default,24-MB01,1,100\n' +
				'wh-north,24-MB01,1,40\n' +
				'shop-1,24-MB04,1,12\n' +
				'wh-north,24-MB04,0,0\n' +
				'shop-1,24-WG02,1,3.5\n'
		);
		expect(exported.fileName).toMatch(/^stock_sources_\d{8}_\d{6}\.csv$/);
		expect(exported.rows).toBe(5);
	});

	it("imports Magento's 4-decimal export after it without changing anything", async () => {
		const { engine, store } = await openEngine();
		await checkAndImport(engine, fixture('stock_sources_small.csv'));
		const before = snapshot(store);
		const { result } = await checkAndImport(engine, fixture('stock_sources_magento_export.csv'));
		expect(result!.lines[1]).toBe('Created: 0, Updated: 0, Deleted: 0');
		expect(result!.operationId).toBeNull();
		expect(snapshot(store)).toEqual(before);
	});

	it('reads stock_sources_semicolon_crlf.csv with Auto', async () => {
		const { engine, store } = await openEngine();
		await checkAndImport(engine, fixture('stock_sources_small.csv'));
		const { check, result } = await checkAndImport(engine, fixture('stock_sources_semicolon_crlf.csv'));
		expect(check.status).toBe('valid');
		expect(result!.lines[1]).toBe('Created: 0, Updated: 2, Deleted: 0');
		expect(store.inventory.getBySku('24-MB04')!.items.find((i) => i.source === 'shop-1')!.quantity).toBe(11);
	});

	it('finds the one problem of each row of stock_sources_with_errors.csv and imports nothing', async () => {
		const { engine, store } = await openEngine();
		const { check, result } = await checkAndImport(engine, fixture('stock_sources_with_errors.csv'), {
			strategy: 'skip-errors'
		});
		expect(result).toBeNull();
		expect(check.status).toBe('invalid');
		expect(check.report.lines).toEqual([
			'Checked rows: 4, checked entities: 3, invalid rows: 4, total errors: 5',
			'Data validation failed. Please fix the following errors and upload the file again.'
		]);
		expect(check.report.errors.lines.map((l) => [l.rows[0], l.column, l.message])).toEqual([
			[2, 'quantity', 'Quantity "abc" is not a number.'],
			[3, 'source_code', 'Source code "nowhere" does not exist.'],
			[4, 'sku', 'SKU " 24-WG02" has leading or trailing spaces.'],
			[4, 'status', 'Status "2" must be 0 (out of stock) or 1 (in stock).'],
			[5, 'quantity', 'Quantity "1.23456" has more than 4 decimal places.']
		]);
		expect(await engine.runImport('refused')).toEqual({
			status: 'failed',
			message: 'Check the file first: press "Check Data".'
		});
		expect(store.inventory.size).toBe(0);
	});

	it('imports products_small.csv with names and barcodes on the default source', async () => {
		const { engine, store } = await openEngine();
		const { result } = await checkAndImport(engine, fixture('products_small.csv'), { entity: 'products' });
		expect(result!.lines[1]).toBe('Created: 3, Updated: 0, Deleted: 0');
		expect(store.inventory.getBySku('24-MB04')).toEqual({
			sku: '24-MB04',
			name: 'Strive Shoulder Pack',
			barcodes: ['0730143312707', '4006381333931'],
			items: [{ source: 'default', quantity: 0, status: 0, notifyQty: null }]
		});
		const exported = await exportText(engine, 'products');
		expect(exported.text).toBe(
			'sku,name,barcode,qty,is_in_stock\n' +
				'24-MB01,Joust Duffle Bag,0730143312691,0,0\n' +
				'24-MB04,Strive Shoulder Pack,0730143312707|4006381333931,0,0\n' +
				'24-WG02,Didi Sport Watch,,0,0\n'
		);
		expect(exported.fileName).toMatch(/^products_\d{8}_\d{6}\.csv$/);
	});
});

describe('round trips', () => {
	it('export then import with Add/Update reports Created: 0, Updated: 0, Deleted: 0', async () => {
		const { engine } = await openEngine();
		await engine.addSampleData(300, 4);
		for (const entity of ['stock-sources', 'products'] as const) {
			const exported = await exportText(engine, entity);
			const { result } = await checkAndImport(engine, csvFile(exported.text), { entity });
			expect(result!.lines[1]).toBe('Created: 0, Updated: 0, Deleted: 0');
		}
	});

	it('keeps 5.5, -2 and 0.0001 exactly through export and import', async () => {
		const { engine, store } = await openEngine();
		const text =
			'source_code,sku,status,quantity\ndefault,Q-1,1,5.5000\nshop-1,Q-1,0,-2\nwh-north,Q-1,1,0.0001\n';
		await checkAndImport(engine, csvFile(text));
		expect(store.inventory.getBySku('q-1')!.items.map((i) => i.quantity)).toEqual([5.5, -2, 0.0001]);
		const exported = await exportText(engine);
		expect(exported.text).toBe(
			'source_code,sku,status,quantity\ndefault,Q-1,1,5.5\nshop-1,Q-1,0,-2\nwh-north,Q-1,1,0.0001\n'
		);
	});
});

describe('behaviours through the engine', () => {
	it('Replace resets notify quantities; Delete removes items and counts only those that existed', async () => {
		const { engine, store } = await openEngine();
		await checkAndImport(engine, csvFile('source_code,sku,status,quantity\ndefault,A,1,5\nshop-1,A,1,2\n'));
		await engine.saveProduct('A', {
			name: '',
			barcodes: [],
			items: [
				{ source: 'default', quantity: '5', status: '1', notifyQty: '4' },
				{ source: 'shop-1', quantity: '2', status: '1', notifyQty: '' }
			]
		});
		const replaced = await checkAndImport(
			engine,
			csvFile('source_code,sku,status,quantity\ndefault,a,1,5\n'),
			{
				behavior: 'replace'
			}
		);
		expect(replaced.result!.lines[1]).toBe('Created: 0, Updated: 1, Deleted: 0');
		expect(store.inventory.getBySku('A')!.items[0].notifyQty).toBeNull();
		const deleted = await checkAndImport(engine, csvFile('source_code,sku\nshop-1,A\nwh-north,A\n'), {
			behavior: 'delete'
		});
		expect(deleted.check.report.warnings).toEqual([
			'1 row names an item that does not exist; nothing to delete for it.'
		]);
		expect(deleted.result!.lines[1]).toBe('Created: 0, Updated: 0, Deleted: 1');
		expect(store.inventory.getBySku('A')!.items.map((i) => i.source)).toEqual(['default']);
	});

	it('skips invalid rows with Skip error entries and says how many', async () => {
		const { engine, store } = await openEngine();
		const { check, result } = await checkAndImport(
			engine,
			csvFile('source_code,sku,status,quantity\ndefault,A,1,5\nnowhere,B,1,1\neu-dis,C,1,1\n'),
			{ strategy: 'skip-errors' }
		);
		expect(check.report.lines[2]).toBe('1 row with errors will be skipped.');
		expect(check.report.warnings).toEqual([
			'2 new products will be created.',
			'Source "eu-dis" is disabled.'
		]);
		expect(result!.lines[1]).toBe('Created: 2, Updated: 0, Deleted: 0, New products: 2, Skipped rows: 1');
		expect(store.inventory.getBySku('B')).toBeUndefined();
	});

	it('refuses an import when a source went away after Check Data', async () => {
		const { engine } = await openEngine();
		await engine.checkImport(
			'c',
			csvFile('source_code,sku,status,quantity\neu-dis,A,1,5\n'),
			DEFAULT_IMPORT_OPTIONS
		);
		await engine.deleteSource('eu-dis');
		expect(await engine.runImport('i')).toEqual({
			status: 'failed',
			message: 'Sources changed since Check Data: please check the file again.'
		});
	});
});

describe('error report', () => {
	it('holds every invalid row as it was, with an errors column, in the file separator', async () => {
		const { engine } = await openEngine();
		await engine.checkImport(
			'c',
			csvFile('source_code;sku;status;quantity\ndefault;A;1;5\n\nnowhere;"B;1";2;x\ndefault;C\n'),
			DEFAULT_IMPORT_OPTIONS
		);
		const report = await engine.downloadErrorReport('r');
		if (report.status !== 'written') throw new Error(`error report ${report.status}`);
		expect(report.fileName).toBe('stock_errors.csv');
		expect(await report.blob.text()).toBe(
			'source_code;sku;status;quantity;errors\n' +
				'nowhere;"B;1";2;x;"Row 4: Source code ""nowhere"" does not exist. Quantity ""x"" is not a number. Status ""2"" must be 0 (out of stock) or 1 (in stock)."\n' +
				'default;C;;;"Row 5: Row has 2 fields; the header has 4."\n'
		);
	});
});

describe('export filters', () => {
	it('keeps the sources, SKUs, statuses and quantities asked for, and says when nothing matches', async () => {
		const { engine } = await openEngine();
		await checkAndImport(
			engine,
			csvFile(
				'source_code,sku,status,quantity\n' +
					'default,b-2,1,0\nshop-1,b-2,0,0\nwh-north,A-1,1,10\ndefault,A-1,0,-1\nshop-1,C-3,1,3\n'
			)
		);
		const sorted = await exportText(engine);
		expect(sorted.text.split('\n').slice(1, -1)).toEqual([
			'default,A-1,0,-1',
			'wh-north,A-1,1,10',
			'default,b-2,1,0',
			'shop-1,b-2,0,0',
			'shop-1,C-3,1,3'
		]);
		const zero = await exportText(engine, 'stock-sources', { quantityFrom: 0, quantityTo: 0, status: 'in' });
		expect(zero.text).toBe('source_code,sku,status,quantity\ndefault,b-2,1,0\n');
		const some = await exportText(engine, 'stock-sources', { sources: ['shop-1'], skuContains: ' B ' });
		expect(some.text).toBe('source_code,sku,status,quantity\nshop-1,b-2,0,0\n');
		const none = await exportText(engine, 'stock-sources', { skuContains: 'zzz' });
		expect(none).toMatchObject({ rows: 0, message: 'No rows match the filters.' });
		expect(none.text).toBe('source_code,sku,status,quantity\n');
	});
});

describe('Cancel', () => {
	it('cancelling an import half-way leaves the data and the history exactly as they were', async () => {
		const { engine, store } = await openEngine();
		await engine.addSampleData(50, 2);
		const before = snapshot(store);
		const history = await store.db.operations.count();
		const rows = Array.from({ length: 12_000 }, (_, i) => `shop-1,BIG-${i},1,${i}`);
		const check = await engine.checkImport(
			'c',
			csvFile(['source_code,sku,status,quantity', ...rows, 'shop-1,SAMPLE-0001,1,999'].join('\n')),
			DEFAULT_IMPORT_OPTIONS
		);
		expect(check.status).toBe('valid');
		const seen: number[] = [];
		const result = await engine.runImport('half-way', (progress) => {
			seen.push(progress.done);
			if (progress.done > 0 && progress.done < progress.total) engine.cancelJob('half-way');
		});
		expect(result).toEqual({ status: 'cancelled' });
		expect(seen.some((done) => done > 0)).toBe(true);
		expect(snapshot(store)).toEqual(before);
		expect(await store.db.operations.count()).toBe(history);
		// The reopened database holds the same: nothing was written.
		const reopened = new Store(store.db.name);
		stores.push(reopened);
		await reopened.start();
		expect(snapshot(reopened)).toEqual(before);
		// The checked file can still be imported afterwards.
		const again = await engine.runImport('again');
		expect(again.status === 'imported' && again.lines[1]).toBe(
			'Created: 12,000, Updated: 1, Deleted: 0, New products: 12,000'
		);
	});

	it('cancelling Check Data returns without a result', async () => {
		const { engine } = await openEngine();
		const rows = Array.from({ length: 400_000 }, (_, i) => `shop-1,BIG-${i},1,${i}`);
		const file = csvFile(['source_code,sku,status,quantity', ...rows].join('\n'));
		const result = await engine.checkImport('check', file, DEFAULT_IMPORT_OPTIONS, () =>
			engine.cancelJob('check')
		);
		expect(result).toEqual({ status: 'cancelled' });
		expect(await engine.runImport('nothing')).toMatchObject({ status: 'failed' });
	});
});
