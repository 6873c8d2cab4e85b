import { describe, expect, it } from 'vitest';
import { newSource, type Product, type Source } from '../types';
import type { CheckContext, CheckOutcome, RowError } from './checkReport';
import { ImportChecker } from './importChecker';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from './importOptions';

const SOURCES: Source[] = [
	newSource('default', 'Default Source'),
	newSource('wh-north', 'North Warehouse'),
	newSource('shop-1', 'Shop Floor'),
	{ ...newSource('eu-dis', 'EU (closed)'), enabled: false }
];

const EXISTING: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['0730143312691'],
	items: [{ source: 'wh-north', quantity: 5, status: 1, notifyQty: null }]
};

function context(products: Product[] = [EXISTING]): CheckContext {
	const byKey = new Map(products.map((p) => [p.sku.toLowerCase(), p]));
	const barcodes = new Map(products.flatMap((p) => p.barcodes.map((code) => [code, p.sku])));
	return { sources: SOURCES, product: (key) => byKey.get(key), barcodeOwner: (code) => barcodes.get(code) };
}

/** Checks lines split on commas (the reader's own tests cover quoting and line endings). */
function check(lines: string[], options: Partial<ImportOptions> = {}, products?: Product[]): CheckOutcome {
	const checker = new ImportChecker({ ...DEFAULT_IMPORT_OPTIONS, ...options }, context(products));
	checker.addRecords(
		lines.map((line) => line.split(',')),
		1
	);
	return checker.finish();
}

/** The errors table as [row, column, value, message]. */
function errors(outcome: CheckOutcome): [number, string, string, string][] {
	return outcome.report.errors.lines.map((line) => [line.rows[0], line.column, line.value, line.message]);
}

const HEADER = 'source_code,sku,status,quantity';

describe('Check Data: a valid file', () => {
	it('says so with the summary, the verdict and the warnings', () => {
		const outcome = check([HEADER, 'default,A-1,1,10', 'wh-north,A-1,0,0', 'wh-north,MB-01,1,7']);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.lines).toEqual([
			'Checked rows: 3, checked entities: 2, invalid rows: 0, total errors: 0',
			'File is valid! To start import process press "Import" button'
		]);
		expect(outcome.report.warnings).toEqual(['1 new product will be created.']);
		expect(outcome.report.fileErrors).toEqual([]);
	});

	it('counts entities as distinct SKUs ignoring case', () => {
		const outcome = check([HEADER, 'default,abc,1,1', 'wh-north,ABC,1,1', 'shop-1,Abc,1,1', 'default,x,1,1']);
		expect(outcome.report.counts).toEqual({ rows: 4, entities: 2, invalidRows: 0, errors: 0 });
		expect(outcome.report.warnings).toEqual(['2 new products will be created.']);
	});
});

describe('Check Data: row rules and their messages', () => {
	it('names the row, the column and the value of every problem', () => {
		const outcome = check(
			[
				HEADER,
				',A,1,1',
				'xx-9,A,1,1',
				'WH-NORTH,A,1,1',
				'default,,1,1',
				'default, SKU-1,1,1',
				`default,${'x'.repeat(65)},1,1`,
				'default,B,1,',
				'default,C,1,1;5',
				'default,D,1,abc',
				'default,E,1,1.23456',
				'default,F,1,100000000',
				'default,G,2,1'
			],
			{ allowedErrors: 100 }
		);
		expect(errors(outcome)).toEqual([
			[2, 'source_code', '', 'Source code is empty.'],
			[3, 'source_code', 'xx-9', 'Source code "xx-9" does not exist.'],
			[4, 'source_code', 'WH-NORTH', 'Source code "WH-NORTH" does not exist. Did you mean "wh-north"?'],
			[5, 'sku', '', 'SKU is empty.'],
			[6, 'sku', ' SKU-1', 'SKU " SKU-1" has leading or trailing spaces.'],
			[7, 'sku', 'x'.repeat(65), 'SKU must be at most 64 characters.'],
			[8, 'quantity', '', 'Quantity is empty.'],
			[9, 'quantity', '1;5', 'Quantity "1;5" is not a number.'],
			[10, 'quantity', 'abc', 'Quantity "abc" is not a number.'],
			[11, 'quantity', '1.23456', 'Quantity "1.23456" has more than 4 decimal places.'],
			[12, 'quantity', '100000000', 'Quantity is out of range.'],
			[13, 'status', '2', 'Status "2" must be 0 (out of stock) or 1 (in stock).']
		]);
	});

	it('asks for a dot when a quantity uses a decimal comma', () => {
		const checker = new ImportChecker({ ...DEFAULT_IMPORT_OPTIONS, separator: 'semicolon' }, context());
		checker.addRecords([HEADER.split(','), ['default', 'A', '1', '1,5']], 1);
		expect(errors(checker.finish())).toEqual([
			[2, 'quantity', '1,5', 'Quantity "1,5" is not a number (use a dot for decimals).']
		]);
	});

	it('accepts the largest quantities, negative ones, signs, 4 decimals and Magento trailing zeros', () => {
		const outcome = check([
			HEADER,
			'default,A,1,99999999.9999',
			'wh-north,A,1,-99999999.9999',
			'shop-1,A,1,+5',
			'default,B,1,5.5000',
			'default,C,1, 7 ',
			'default,D,1,.5'
		]);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.counts.errors).toBe(0);
	});

	it('trims quantity and status but not SKU and source code', () => {
		const outcome = check([HEADER, 'default,A, 1 , 3 ', 'default ,B,1,1'], { allowedErrors: 5 });
		expect(errors(outcome)).toEqual([
			[3, 'source_code', 'default ', 'Source code "default " does not exist. Did you mean "default"?']
		]);
	});

	it('counts several errors of one row as one invalid row', () => {
		const outcome = check([HEADER, 'nowhere, A,2,x', 'default,B,1,1']);
		expect(outcome.report.counts).toEqual({ rows: 2, entities: 1, invalidRows: 1, errors: 4 });
		expect(errors(outcome).map((e) => e[1])).toEqual(['source_code', 'sku', 'quantity', 'status']);
	});

	it('reports ragged rows once, with the field counts', () => {
		const outcome = check([HEADER, 'default,A,1,1,extra', 'default,B', 'default,C,1,1']);
		expect(errors(outcome)).toEqual([
			[2, '', '', 'Row has 5 fields; the header has 4.'],
			[3, '', '', 'Row has 2 fields; the header has 4.']
		]);
		expect(outcome.report.counts.invalidRows).toBe(2);
	});

	it('finds duplicate (SKU, source) pairs ignoring the SKU case, on the later row', () => {
		const outcome = check([HEADER, 'default,SKU-1,1,1', 'wh-north,SKU-1,1,1', 'default,sku-1,1,2']);
		expect(errors(outcome)).toEqual([[4, 'sku', 'sku-1', 'Duplicate of row 2 (same SKU and source).']]);
	});

	it('names an earlier row even when that row is invalid itself', () => {
		const outcome = check([HEADER, 'default,A,1,abc', 'default,A,1,2'], { allowedErrors: 5 });
		expect(errors(outcome)[1]).toEqual([3, 'sku', 'A', 'Duplicate of row 2 (same SKU and source).']);
	});

	it('derives an empty or absent status from the quantity', () => {
		const withEmpty = check([HEADER, 'default,A,,5', 'wh-north,A,,0', 'shop-1,A,,-1']);
		expect(withEmpty.status).toBe('valid');
		if (withEmpty.status !== 'valid') return;
		const statuses: number[] = [];
		withEmpty.rows.forEachValid(0, (entry) => statuses.push(withEmpty.rows.status(entry)));
		expect(statuses).toEqual([1, 0, 0]);
		const without = check(['source_code,sku,quantity', 'default,A,3']);
		expect(without.status === 'valid' && without.rows.status(0)).toBe(1);
	});

	it('warns about disabled sources and still accepts them', () => {
		const outcome = check([HEADER, 'eu-dis,A,1,1', 'eu-dis,B,1,1']);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.warnings).toContain('Source "eu-dis" is disabled.');
	});

	it('skips blank and whitespace-only lines but counts them in row numbers', () => {
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, context());
		checker.addRecords(
			[[''], HEADER.split(','), [''], ['   '], ['', '', '', ''], ['default', 'A', '1', 'x']],
			1
		);
		const outcome = checker.finish();
		expect(outcome.report.counts.rows).toBe(1);
		expect(errors(outcome)).toEqual([[6, 'quantity', 'x', 'Quantity "x" is not a number.']]);
	});

	it('hands each invalid row with all its errors to a listener (the error report)', () => {
		const seen: [readonly string[], number, RowError[]][] = [];
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, context(), (fields, row, rowErrors) =>
			seen.push([[...fields], row, [...rowErrors]])
		);
		checker.addRecords([HEADER.split(','), ['default', 'A', '1', '1'], ['x', ' B', '1', '1']], 1);
		expect(seen).toEqual([
			[
				['x', ' B', '1', '1'],
				3,
				[
					{ row: 3, column: 'source_code', value: 'x', message: 'Source code "x" does not exist.' },
					{ row: 3, column: 'sku', value: ' B', message: 'SKU " B" has leading or trailing spaces.' }
				]
			]
		]);
	});
});

describe('Check Data: verdicts', () => {
	const badRows = (count: number) => Array.from({ length: count }, (_, i) => `default,BAD-${i},1,x`);

	it('Stop on error: valid up to the allowed errors count, rows with errors skipped', () => {
		const outcome = check([HEADER, 'default,OK,1,1', ...badRows(10)]);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.lines).toEqual([
			'Checked rows: 11, checked entities: 11, invalid rows: 10, total errors: 10',
			'File is valid! To start import process press "Import" button',
			'10 rows with errors will be skipped.'
		]);
	});

	it('Stop on error: invalid beyond the allowed errors count', () => {
		const outcome = check([HEADER, 'default,OK,1,1', ...badRows(11)]);
		expect(outcome.status).toBe('invalid');
		expect(outcome.report.lines[1]).toBe(
			'Data validation failed. Please fix the following errors and upload the file again.'
		);
		expect(check([HEADER, 'default,OK,1,1', ...badRows(1)], { allowedErrors: 0 }).status).toBe('invalid');
		expect(check([HEADER, 'default,OK,1,1', ...badRows(3)], { allowedErrors: 3 }).status).toBe('valid');
	});

	it('Skip error entries: valid whatever the count, with one skipped line', () => {
		const outcome = check([HEADER, 'default,OK,1,1', ...badRows(1)], { strategy: 'skip-errors' });
		expect(outcome.status).toBe('valid');
		expect(outcome.report.lines[2]).toBe('1 row with errors will be skipped.');
		expect(check([HEADER, 'default,OK,1,1', ...badRows(500)], { strategy: 'skip-errors' }).status).toBe(
			'valid'
		);
	});

	it('never calls a file valid when no row is valid, whatever the strategy', () => {
		const outcome = check([HEADER, ...badRows(2)], { strategy: 'skip-errors' });
		expect(outcome.status).toBe('invalid');
		expect(outcome.report.lines[1]).toMatch(/^Data validation failed\./);
	});
});

describe('Check Data: file-level errors stop before rows are read', () => {
	it.each([
		[[], 'The file is empty.'],
		[[[''], ['  ']], 'The file is empty.'],
		[[HEADER.split(',')], 'The file has a header but no data rows.'],
		[[HEADER.split(','), [''], ['']], 'The file has a header but no data rows.']
	])('%j → %s', (records, message) => {
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, context());
		checker.addRecords(records, 1);
		const outcome = checker.finish();
		expect(outcome.status).toBe('invalid');
		expect(outcome.report.fileErrors).toEqual([message]);
		expect(outcome.report.lines).toEqual([
			'Checked rows: 0, checked entities: 0, invalid rows: 0, total errors: 1',
			'Data validation failed. Please fix the following errors and upload the file again.'
		]);
	});

	it('stops at a bad header and reads no rows', () => {
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, context());
		const goOn = checker.addRecords(
			[
				['sku', 'sku', 'status'],
				['A', 'A', '1']
			],
			1
		);
		expect(goOn).toBe(false);
		const outcome = checker.finish();
		expect(outcome.report.fileErrors).toEqual([
			'Duplicate column "sku".',
			'Missing required column "source_code".',
			'Missing required column "quantity".'
		]);
		expect(outcome.report.counts).toEqual({ rows: 0, entities: 0, invalidRows: 0, errors: 3 });
	});

	it('reports what the reader found (encoding, open quotes)', () => {
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, context());
		checker.fail('The file is not valid UTF-8 text.');
		const outcome = checker.finish();
		expect(outcome.status).toBe('invalid');
		expect(outcome.report.fileErrors).toEqual(['The file is not valid UTF-8 text.']);
	});
});

describe('Check Data: Delete', () => {
	it('needs no quantity, ignores quantity and status, and warns about items that do not exist', () => {
		const outcome = check(
			['source_code,sku,status,quantity', 'wh-north,MB-01,7,abc', 'shop-1,MB-01,,', 'default,NEW-1,,'],
			{ behavior: 'delete' }
		);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.counts.errors).toBe(0);
		expect(outcome.report.warnings).toEqual([
			'2 rows name items that do not exist; nothing to delete for them.'
		]);
		const one = check(['source_code,sku', 'shop-1,MB-01'], { behavior: 'delete' });
		expect(one.report.warnings).toEqual([
			'1 row names an item that does not exist; nothing to delete for it.'
		]);
	});
});

describe('Check Data: Products', () => {
	const products = (lines: string[], options: Partial<ImportOptions> = {}) =>
		check(lines, { entity: 'products', ...options });

	it('applies the SKU, quantity and status rules to sku, qty and is_in_stock', () => {
		const outcome = products(
			['sku,name,qty,is_in_stock', ' A,x,1,1', 'B,x,abc,1', 'C,x,1,5', 'D,x,,', 'E,x,1.5,'],
			{ allowedErrors: 10 }
		);
		expect(errors(outcome)).toEqual([
			[2, 'sku', ' A', 'SKU " A" has leading or trailing spaces.'],
			[3, 'qty', 'abc', 'Quantity "abc" is not a number.'],
			[4, 'is_in_stock', '5', 'Status "5" must be 0 (out of stock) or 1 (in stock).']
		]);
		expect(outcome.report.warnings).toEqual(['2 new products will be created.']);
	});

	it('ignores the other columns of a Magento catalog export with one warning', () => {
		const outcome = products([
			'sku,store_view_code,attribute_set_code,product_type,name,qty,is_in_stock',
			'MB-01,,Bag,simple,Duffle,3,1'
		]);
		expect(outcome.status).toBe('valid');
		expect(outcome.report.warnings[0]).toBe(
			'Columns ignored: store_view_code, attribute_set_code, product_type.'
		);
	});

	it('finds duplicate SKUs and barcodes that belong to another product', () => {
		const outcome = products(
			[
				'sku,barcode',
				'X-1,111|222',
				'x-1,333',
				'X-2,0730143312691',
				'X-3,222',
				'X-4,a b',
				'MB-01,0730143312691'
			],
			{ allowedErrors: 10 }
		);
		expect(errors(outcome)).toEqual([
			[3, 'sku', 'x-1', 'Duplicate of row 2 (same SKU).'],
			[4, 'barcode', '0730143312691', 'Barcode "0730143312691" already belongs to MB-01.'],
			[5, 'barcode', '222', 'Barcode "222" already belongs to X-1.'],
			[6, 'barcode', 'a b', 'Barcode "a b" can not contain spaces.']
		]);
	});
});

describe('Check Data: the errors table', () => {
	it('shows every error individually when there are at most 100', () => {
		const lines = Array.from({ length: 100 }, (_, i) => `nowhere,A-${i},1,1`);
		const outcome = check([HEADER, 'default,OK,1,1', ...lines], { strategy: 'skip-errors' });
		expect(outcome.report.errors.grouped).toBe(false);
		expect(outcome.report.errors.lines).toHaveLength(100);
	});

	it('groups rows that share a message when there are more', () => {
		const lines = Array.from({ length: 150 }, (_, i) => `nowhere,A-${i},1,1`);
		const outcome = check([HEADER, 'default,OK,1,1', ...lines], { strategy: 'skip-errors' });
		expect(outcome.report.errors).toEqual({
			grouped: true,
			notShown: 0,
			lines: [
				{
					rows: [3, 4, 5, 6, 7],
					count: 150,
					column: 'source_code',
					value: 'nowhere',
					message: 'Source code "nowhere" does not exist.'
				}
			]
		});
	});

	it('shows the first 100 messages and counts the errors it leaves out', () => {
		const lines = Array.from({ length: 130 }, (_, i) => `default,A-${i},1,bad${i}`);
		const outcome = check([HEADER, 'default,OK,1,1', ...lines], { strategy: 'skip-errors' });
		expect(outcome.report.errors.lines).toHaveLength(100);
		expect(outcome.report.errors.notShown).toBe(30);
	});

	it('sends only the start of very long values', () => {
		const long = 'x'.repeat(1_000_000);
		const outcome = check([HEADER, `default,A,1,${long}`]);
		const [line] = outcome.report.errors.lines;
		expect(line.value.length).toBe(200);
		expect(line.message.length).toBeLessThanOrEqual(400);
	});
});
