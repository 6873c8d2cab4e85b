// Files a store really sends, through the engine: blank cells, ragged rows in the error report,
// Windows-1252 from Excel, and cells a spreadsheet would run as formulas.

import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/domain/csv/exportFormat';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '$lib/domain/csv/importOptions';
import type { EngineApi } from './api';
import { engineFactory } from './testing';

const openEngine = engineFactory('import-files-test');
let jobs = 0;
const job = () => `job-${++jobs}`;

function csvFile(content: string | Uint8Array, name = 'stock.csv'): File {
	return new File([content as BlobPart], name, { type: 'text/csv' });
}

async function check(engine: EngineApi, file: File, options: Partial<ImportOptions> = {}) {
	const result = await engine.checkImport(job(), file, { ...DEFAULT_IMPORT_OPTIONS, ...options });
	if (result.status !== 'valid' && result.status !== 'invalid') throw new Error(`check ${result.status}`);
	return result;
}

async function imported(engine: EngineApi) {
	const result = await engine.runImport(job());
	if (result.status !== 'imported') throw new Error(`import ${result.status}`);
	return result;
}

async function exported(engine: EngineApi, entity: 'products' | 'stock-sources') {
	const result = await engine.exportCsv(job(), entity, NO_FILTERS);
	if (result.status !== 'exported') throw new Error(`export ${result.status}`);
	return result.blob.text();
}

async function product(engine: EngineApi, sku: string) {
	return (await engine.getProduct(sku))?.product;
}

describe('blank cells in a Products import', () => {
	it('keep the name, barcode and stock, and a row that changes nothing is not an update', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(60, 2);
		await engine.saveProduct('SAMPLE-0056', {
			name: 'Trail Mug',
			barcodes: ['4006381333931'],
			items: [{ source: 'default', quantity: '7', status: '1', notifyQty: '' }]
		});
		const before = await product(engine, 'SAMPLE-0056');
		const checked = await check(engine, csvFile('sku,name,barcode,qty,is_in_stock\nSAMPLE-0056,,,,\n'), {
			entity: 'products'
		});
		expect(checked.status).toBe('valid');
		expect(checked.report.warnings).toContain(
			'4 blank cells keep their stored values (name: 1, barcode: 1, qty: 1, is_in_stock: 1). ' +
				'To clear a name or barcode, write __EMPTY__VALUE__.'
		);
		const result = await imported(engine);
		expect(result.lines[1]).toBe('Created: 0, Updated: 0, Deleted: 0');
		expect(await product(engine, 'SAMPLE-0056')).toEqual(before);

		await check(engine, csvFile('sku,name,barcode\nSAMPLE-0056,__EMPTY__VALUE__,__EMPTY__VALUE__\n'), {
			entity: 'products'
		});
		expect((await imported(engine)).lines[1]).toBe('Created: 0, Updated: 1, Deleted: 0');
		expect(await product(engine, 'SAMPLE-0056')).toEqual({ ...before, name: '', barcodes: [] });
	});

	it('Stock Sources keeps its rules: a blank quantity is an error, a blank status follows the quantity', async () => {
		const { engine } = openEngine();
		const checked = await check(
			engine,
			csvFile('source_code,sku,status,quantity\ndefault,A-1,,\ndefault,A-2,,3\n'),
			{ strategy: 'skip-errors' }
		);
		expect(checked.report.errors.lines.map((l) => [l.rows[0], l.column, l.message])).toEqual([
			[2, 'quantity', 'Quantity is empty.']
		]);
		await imported(engine);
		expect((await product(engine, 'A-2'))?.items).toEqual([
			{ source: 'default', quantity: 3, status: 1, notifyQty: null }
		]);
	});
});

describe('the error report', () => {
	it('keeps the errors column last when a row has more fields than the header', async () => {
		const { engine } = openEngine();
		const text =
			'source_code,sku,status,quantity\n' +
			'default,A-1,1,1\ndefault,A-2,1,1\ndefault,A-3,1,1\ndefault,A-4,1,1\n' +
			'default,SAMPLE-0023,1,1,5\ndefault,B-1\n';
		await check(engine, csvFile(text));
		const report = await engine.downloadErrorReport(job());
		if (report.status !== 'written') throw new Error(report.status);
		expect(await report.blob.text()).toBe(
			'source_code,sku,status,quantity,,errors\n' +
				'default,SAMPLE-0023,1,1,5,Row 6: Row has 5 fields; the header has 4.\n' +
				'default,B-1,,,,Row 7: Row has 2 fields; the header has 4.\n'
		);
	});
});

/** `sku,name` rows in Windows-1252, as Excel on Windows saves "CSV". */
function windows1252(lines: string[]): Uint8Array {
	const bytes: number[] = [];
	const table: Record<string, number> = { ü: 0xfc, é: 0xe9, ß: 0xdf, '€': 0x80, Ö: 0xd6 };
	for (const char of lines.join('\r\n') + '\r\n') bytes.push(table[char] ?? char.charCodeAt(0));
	return new Uint8Array(bytes);
}

describe('a Windows-1252 file', () => {
	const lines = ['sku,name', 'A-1,Plain', 'A-2,Müller Grüße', 'A-3,Café €5', 'A-4,Öl'];

	it('is refused as UTF-8 with an offer to read it as Windows-1252, showing the decoded lines', async () => {
		const { engine } = openEngine();
		const checked = await check(engine, csvFile(windows1252(lines)), { entity: 'products' });
		expect(checked.status).toBe('invalid');
		expect(checked.report.fileErrors).toEqual(['The file is not valid UTF-8 text.']);
		expect(checked.report.encodingGuess).toEqual({
			encoding: 'windows-1252',
			sample: ['A-2,Müller Grüße', 'A-3,Café €5', 'A-4,Öl']
		});
	});

	it('imports with the right letters when read as Windows-1252', async () => {
		const { engine } = openEngine();
		const many = [...lines, ...Array.from({ length: 2000 }, (_, i) => `B-${i},Bäckerei ${i}`)];
		const checked = await check(engine, csvFile(windows1252(many)), {
			entity: 'products',
			encoding: 'windows-1252'
		});
		expect(checked.status).toBe('valid');
		await imported(engine);
		expect((await product(engine, 'A-2'))?.name).toBe('Müller Grüße');
		expect((await product(engine, 'A-3'))?.name).toBe('Café €5');
		expect((await product(engine, 'B-1999'))?.name).toBe('Bäckerei 1999');
	});

	it('says nothing of Windows-1252 for a binary file', async () => {
		const { engine } = openEngine();
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]);
		const checked = await check(engine, csvFile(png));
		expect(checked.report.fileErrors).toEqual(['The file is not valid UTF-8 text.']);
		expect(checked.report.encodingGuess).toBeNull();
	});
});

describe('cells a spreadsheet would run as a formula', () => {
	it('are protected in product names and read back exactly; SKUs and quantities stay as Magento has them', async () => {
		const { engine } = openEngine();
		await check(engine, csvFile('source_code,sku,status,quantity\ndefault,-SKU-1,0,-2\ndefault,=B2,1,5\n'));
		await imported(engine);
		await engine.saveProduct('-SKU-1', {
			name: '=HYPERLINK("http://example.com","Click")',
			barcodes: [],
			items: [{ source: 'default', quantity: '-2', status: '0', notifyQty: '' }]
		});
		const stock = await exported(engine, 'stock-sources');
		expect(stock).toBe('source_code,sku,status,quantity\ndefault,-SKU-1,0,-2\ndefault,=B2,1,5\n');
		const products = await exported(engine, 'products');
		expect(products).toBe(
			'sku,name,barcode,qty,is_in_stock\n' +
				'-SKU-1,"\'=HYPERLINK(""http://example.com"",""Click"")",,-2,0\n' +
				'=B2,,,5,1\n'
		);
		const again = await check(engine, csvFile(products), { entity: 'products' });
		expect(again.report.warnings).toContain(
			'Rows 2, 3 have SKUs starting with =, +, -, @, a tab or a line break, which a spreadsheet may ' +
				'run as a formula. They are imported as written; check them before opening an export in a spreadsheet.'
		);
		expect((await imported(engine)).lines[1]).toBe('Created: 0, Updated: 0, Deleted: 0');
		expect((await product(engine, '-SKU-1'))?.name).toBe('=HYPERLINK("http://example.com","Click")');
	});
});
