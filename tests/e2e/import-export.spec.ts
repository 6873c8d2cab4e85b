// Import and Export as a person uses them: pick a file, Check Data, read the errors, Import, export and
// compare the downloaded file, and cancel half-way with the data left as it was.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { writeStockCsv } from '../../scripts/stockCsv.mjs';
import { newSource, type Source } from '../../src/lib/domain/types';

const FIXTURES = join(process.cwd(), 'tests/fixtures');

type Engine = {
	saveSource(source: Source, original: null): Promise<{ ok: boolean }>;
	exportCsv(
		jobId: string,
		entity: string,
		filters: Record<string, unknown>
	): Promise<{ status: string; blob: Blob }>;
	listOperations(offset: number, limit: number): Promise<{ total: number }>;
	start(): Promise<{ products: number }>;
};

async function addSources(page: Page, codes: string[]) {
	const sources = codes.map((code) => newSource(code, `Source ${code}`));
	await page.evaluate(async (sources) => {
		const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
		for (const source of sources) await engine.saveSource(source, null);
	}, sources);
}

/** Everything stored, as the engine exports it, plus the number of history operations. */
async function storedData(page: Page): Promise<{ csv: string; operations: number; products: number }> {
	return page.evaluate(async () => {
		const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
		const filters = { sources: [], skuContains: '', status: 'any', quantityFrom: null, quantityTo: null };
		const exported = await engine.exportCsv('e2e-snapshot', 'stock-sources', filters);
		return {
			csv: await exported.blob.text(),
			operations: (await engine.listOperations(0, 1)).total,
			products: (await engine.start()).products
		};
	});
}

async function chooseFile(page: Page, path: string) {
	await page.getByLabel('Select file to import').setInputFiles(path);
}

async function checkData(page: Page) {
	await page.getByRole('button', { name: 'Check Data' }).click();
}

const status = (page: Page) => page.getByRole('main').getByRole('status');

test.describe('Import', () => {
	test.beforeEach(async ({ page }) => {
		await openApp(page, '/import');
		await addSources(page, ['wh-north', 'shop-1']);
	});

	test('Check Data lists every problem with its row, column and value, and keeps Import disabled', async ({
		page
	}) => {
		await chooseFile(page, join(FIXTURES, 'stock_sources_with_errors.csv'));
		await expect(page.getByText('stock_sources_with_errors.csv')).toBeVisible();
		await checkData(page);
		await expect(status(page)).toContainText(
			'Checked rows: 4, checked entities: 3, invalid rows: 4, total errors: 5'
		);
		await expect(status(page)).toContainText(
			'Data validation failed. Please fix the following errors and upload the file again.'
		);
		const table = page.getByRole('table', { name: 'Validation errors' });
		await expect(table.getByRole('columnheader')).toHaveText(['Row', 'Column', 'Value', 'Message']);
		const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
		await expect(rows).toHaveCount(5);
		const cells = await rows.evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
		);
		expect(cells).toEqual([
			['2', 'quantity', 'abc', 'Quantity "abc" is not a number.'],
			['3', 'source_code', 'nowhere', 'Source code "nowhere" does not exist.'],
			['4', 'sku', '24-WG02', 'SKU " 24-WG02" has leading or trailing spaces.'],
			['4', 'status', '2', 'Status "2" must be 0 (out of stock) or 1 (in stock).'],
			['5', 'quantity', '1.23456', 'Quantity "1.23456" has more than 4 decimal places.']
		]);
		await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download error report' }).click()
		]);
		expect(download.suggestedFilename()).toBe('stock_sources_with_errors_errors.csv');
		const report = readFileSync(await download.path(), 'utf8').split('\n');
		expect(report[0]).toBe('source_code,sku,status,quantity,errors');
		expect(report[3]).toBe(
			'shop-1, 24-WG02,2,1,"Row 4: SKU "" 24-WG02"" has leading or trailing spaces. Status ""2"" must be 0 (out of stock) or 1 (in stock)."'
		);
		expect(report).toHaveLength(6);
	});

	test('imports a file, says what changed, and exports the same data back', async ({ page }) => {
		await chooseFile(page, join(FIXTURES, 'stock_sources_small.csv'));
		await checkData(page);
		await expect(status(page)).toContainText('File is valid! To start import process press "Import" button');
		await expect(page.getByRole('list', { name: 'Warnings' })).toHaveText('3 new products will be created.');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(status(page)).toContainText('Import successfully done');
		await expect(status(page)).toContainText('Created: 5, Updated: 0, Deleted: 0, New products: 3');
		await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();

		await page.getByRole('link', { name: 'Export' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export', exact: true }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^stock_sources_\d{8}_\d{6}\.csv$/);
		const exported = await download.path();
		expect(readFileSync(exported, 'utf8')).toBe(
			'source_code,sku,status,quantity\n' +
				'default,24-MB01,1,100\n' +
				'wh-north,24-MB01,1,40\n' +
				'shop-1,24-MB04,1,12\n' +
				'wh-north,24-MB04,0,0\n' +
				'shop-1,24-WG02,1,3.5\n'
		);
		await expect(status(page)).toHaveText(/Exported 5 rows to stock_sources_\d{8}_\d{6}\.csv\./);

		// The exported file imports back without a change, and so does Magento's 4-decimal export.
		for (const file of [exported, join(FIXTURES, 'stock_sources_magento_export.csv')]) {
			await page.getByRole('link', { name: 'Import' }).first().click();
			if (await page.getByRole('button', { name: 'Import another file' }).isVisible()) {
				await page.getByRole('button', { name: 'Import another file' }).click();
			}
			await chooseFile(page, file);
			await checkData(page);
			await expect(status(page)).toContainText('File is valid!');
			await page.getByRole('button', { name: 'Import', exact: true }).click();
			await expect(status(page)).toContainText('Created: 0, Updated: 0, Deleted: 0');
		}
	});

	test('reads a semicolon CRLF file with Auto and imports Products', async ({ page }) => {
		await chooseFile(page, join(FIXTURES, 'stock_sources_semicolon_crlf.csv'));
		await checkData(page);
		await expect(status(page)).toContainText('Checked rows: 2, checked entities: 2, invalid rows: 0');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(status(page)).toContainText('Created: 2, Updated: 0, Deleted: 0, New products: 2');

		await page.getByRole('button', { name: 'Import another file' }).click();
		await page.getByLabel('Entity type').selectOption({ label: 'Products' });
		await chooseFile(page, join(FIXTURES, 'products_small.csv'));
		await checkData(page);
		await expect(status(page)).toContainText('File is valid!');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(status(page)).toContainText('Created: 1, Updated: 2, Deleted: 0');
	});

	test('Stop on error honours the allowed errors count; Skip error entries imports the valid rows', async ({
		page
	}) => {
		const file = {
			name: 'mixed.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('source_code,sku,status,quantity\ndefault,OK-1,1,5\nnowhere,BAD-1,1,1\n')
		};
		await page.getByLabel('Allowed errors count').fill('0');
		await page.getByLabel('Select file to import').setInputFiles(file);
		await checkData(page);
		await expect(status(page)).toContainText('Data validation failed.');
		await page.getByLabel('Validation strategy').selectOption({ label: 'Skip error entries' });
		await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
		await checkData(page);
		await expect(status(page)).toContainText('1 row with errors will be skipped.');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(status(page)).toContainText(
			'Created: 1, Updated: 0, Deleted: 0, New products: 1, Skipped rows: 1'
		);
	});

	test('says what is wrong with a file that is not CSV text, or empty', async ({ page }) => {
		await page.getByLabel('Select file to import').setInputFiles({
			name: 'photo.csv',
			mimeType: 'image/png',
			buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe])
		});
		await checkData(page);
		await expect(page.getByRole('list', { name: 'What is wrong with the file' })).toHaveText(
			'The file is not valid UTF-8 text.'
		);
		await page.getByLabel('Select file to import').setInputFiles({
			name: 'empty.csv',
			mimeType: 'text/csv',
			buffer: Buffer.alloc(0)
		});
		await checkData(page);
		await expect(page.getByRole('list', { name: 'What is wrong with the file' })).toHaveText(
			'The file is empty.'
		);
		await expect(status(page)).toContainText('Data validation failed.');
	});

	test('takes a file dropped anywhere on the page', async ({ page }) => {
		await page.evaluate(() => {
			const transfer = new DataTransfer();
			transfer.items.add(new File(['sku\nA\n'], 'dropped.csv', { type: 'text/csv' }));
			document
				.querySelector('h1')!
				.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
		});
		await expect(page.getByText('dropped.csv')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Check Data' })).toBeEnabled();
	});
});

test.describe('Export', () => {
	test('filters by source, status and quantity, and downloads the header when nothing matches', async ({
		page
	}) => {
		await openApp(page, '/import');
		await addSources(page, ['wh-north', 'shop-1']);
		await chooseFile(page, join(FIXTURES, 'stock_sources_small.csv'));
		await checkData(page);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(status(page)).toContainText('Import successfully done');

		await page.getByRole('link', { name: 'Export' }).first().click();
		const sources = page.getByRole('group', { name: 'Sources' });
		await sources.getByRole('checkbox', { name: 'wh-north', exact: true }).check();
		await page.getByLabel('Quantity from').fill('0');
		await page.getByLabel('Quantity to').fill('0');
		const [zero] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export', exact: true }).click()
		]);
		expect(readFileSync(await zero.path(), 'utf8')).toBe(
			'source_code,sku,status,quantity\nwh-north,24-MB04,0,0\n'
		);

		await page.getByLabel('Quantity from').fill('');
		await page.getByLabel('Quantity to').fill('');
		await page.getByLabel('Status').selectOption({ label: 'In stock' });
		await page.getByLabel('SKU contains').fill('zzz');
		const [none] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export', exact: true }).click()
		]);
		expect(readFileSync(await none.path(), 'utf8')).toBe('source_code,sku,status,quantity\n');
		await expect(status(page)).toHaveText('No rows match the filters.');
	});
});

test.describe('Cancel', () => {
	test('cancelling Check Data and then the import half-way leaves the data unchanged', async ({ page }) => {
		test.setTimeout(240_000);
		const dir = join(process.cwd(), 'test-results');
		mkdirSync(dir, { recursive: true });
		const big = join(dir, 'cancel-1m.csv');
		if (!existsSync(big)) {
			await writeStockCsv(big, 1_000_000, 5);
		}
		await openApp(page, '/import');
		await addSources(page, ['src-1', 'src-2', 'src-3', 'src-4', 'src-5']);
		await page.evaluate(() =>
			(
				window as unknown as { stockroomEngine: { addSampleData(n: number, s: number): Promise<number> } }
			).stockroomEngine.addSampleData(40, 2)
		);
		const before = await storedData(page);
		expect(before.products).toBe(40);

		await chooseFile(page, big);
		await checkData(page);
		await expect(page.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible();
		await expect(page.getByText(/[1-9][\d,]* of [\d,]+ rows/)).toBeVisible();
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(status(page)).toContainText('Check Data cancelled. Nothing was changed.');

		await checkData(page);
		await expect(status(page)).toContainText(
			'Checked rows: 1,000,000, checked entities: 200,000, invalid rows: 0, total errors: 0',
			{ timeout: 60_000 }
		);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('progressbar', { name: 'Importing' })).toBeVisible();
		await expect(page.getByText(/[1-9][\d,]* of [\d,]+ products/)).toBeVisible();
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(status(page)).toContainText('Import cancelled. Nothing was changed.', { timeout: 60_000 });

		expect(await storedData(page)).toEqual(before);
		await page.reload();
		await page.waitForFunction(() => 'stockroomEngine' in window);
		expect(await storedData(page)).toEqual(before);
	});
});
