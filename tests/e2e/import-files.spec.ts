// Files a store really sends, as a person imports and exports them: blank cells, a row with a field too
// many, a Windows-1252 file from Excel, and names a spreadsheet would run as formulas.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

type Item = { source: string; quantity: number; status: number; notifyQty: number | null };
type Product = { sku: string; name: string; barcodes: string[]; items: Item[] };
type Engine = {
	getProduct(sku: string): Promise<{ product: Product } | null>;
	saveProduct(sku: string, edit: unknown): Promise<{ ok: boolean }>;
};

async function storedProduct(page: Page, sku: string): Promise<Product | undefined> {
	return page.evaluate(async (sku) => {
		const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
		return (await engine.getProduct(sku))?.product;
	}, sku);
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
	await page.getByLabel('Select file to import').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: typeof content === 'string' ? Buffer.from(content) : content
	});
}

const status = (page: Page) => page.getByRole('main').getByRole('status');
const importButton = (page: Page) => page.getByRole('button', { name: 'Import', exact: true });

test.beforeEach(async ({ page }) => {
	await openApp(page, '/import');
	await seedSample(page, 60, 2);
});

test('blank cells in a Products file keep the stored values, and Check Data says so', async ({ page }) => {
	const before = await storedProduct(page, 'SAMPLE-0056');
	expect(before?.name).not.toBe('');
	await page.getByLabel('Entity type').selectOption({ label: 'Products' });
	await chooseFile(page, 'blanks.csv', 'sku,name,barcode,qty,is_in_stock\nSAMPLE-0056,,,,\n');
	await page.getByRole('button', { name: 'Check Data' }).click();
	await expect(status(page)).toContainText('File is valid!');
	await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
		'4 blank cells keep their stored values (name: 1, barcode: 1, qty: 1, is_in_stock: 1). ' +
			'To clear a name or barcode, write __EMPTY__VALUE__.'
	);
	await expect(page.getByText('Import applies 1 row to 1 product.')).toBeVisible();
	await importButton(page).click();
	await expect(status(page)).toContainText('Created: 0, Updated: 0, Deleted: 0');
	expect(await storedProduct(page, 'SAMPLE-0056')).toEqual(before);
});

test('the error report keeps its errors column last when a row has a field too many', async ({ page }) => {
	await chooseFile(
		page,
		'ragged.csv',
		'source_code,sku,status,quantity\ndefault,SAMPLE-0020,1,1\ndefault,SAMPLE-0021,1,1\n' +
			'default,SAMPLE-0022,1,1\n\ndefault,SAMPLE-0023,1,1,5\n'
	);
	await page.getByRole('button', { name: 'Check Data' }).click();
	await expect(status(page)).toContainText('invalid rows: 1');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download error report' }).click()
	]);
	expect(readFileSync(await download.path(), 'utf8')).toBe(
		'source_code,sku,status,quantity,,errors\n' +
			'default,SAMPLE-0023,1,1,5,Row 6: Row has 5 fields; the header has 4.\n'
	);
});

test('a Windows-1252 file is offered to be read as such, with a sample, and imports its accents', async ({
	page
}) => {
	const text = 'sku,name\r\nSAMPLE-0001,Plain\r\nSAMPLE-0002,Müller Grüße\r\nSAMPLE-0003,Café €5\r\n';
	await page.getByLabel('Entity type').selectOption({ label: 'Products' });
	await chooseFile(page, 'excel.csv', Buffer.from(text.replace('€', '\u0080'), 'latin1'));
	await page.getByRole('button', { name: 'Check Data' }).click();
	await expect(page.getByRole('list', { name: 'What is wrong with the file' })).toHaveText(
		'The file is not valid UTF-8 text.'
	);
	const offer = page.getByRole('region', { name: 'This file seems to be Windows-1252 text' });
	const sample = offer.getByRole('list', { name: 'Sample read as Windows-1252' });
	await expect(sample.getByRole('listitem')).toHaveText(['SAMPLE-0002,Müller Grüße', 'SAMPLE-0003,Café €5']);
	await expect(offer).toContainText('CSV UTF-8 (Comma delimited) (*.csv)');
	await offer.getByRole('button', { name: 'Read as Windows-1252' }).click();
	await expect(page.getByLabel('File encoding')).toHaveValue('windows-1252');
	await expect(status(page)).toContainText('File is valid!');
	await importButton(page).click();
	await expect(status(page)).toContainText('Created: 0, Updated: 3, Deleted: 0');
	expect((await storedProduct(page, 'SAMPLE-0002'))?.name).toBe('Müller Grüße');
	expect((await storedProduct(page, 'SAMPLE-0003'))?.name).toBe('Café €5');
});

test('a name a spreadsheet would run is exported with a quote and imported back as it was', async ({
	page
}) => {
	const name = '=HYPERLINK("http://example.com","Click")';
	await page.evaluate(async (name) => {
		const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
		const { product } = (await engine.getProduct('SAMPLE-0001'))!;
		const items = product.items.map((item) => ({
			source: item.source,
			quantity: String(item.quantity),
			status: String(item.status),
			notifyQty: item.notifyQty === null ? '' : String(item.notifyQty)
		}));
		await engine.saveProduct('SAMPLE-0001', { name, barcodes: product.barcodes, items });
	}, name);
	await page.getByRole('link', { name: 'Export' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
	await page.getByLabel('Entity type').selectOption({ label: 'Products' });
	await page.getByLabel('SKU contains').fill('SAMPLE-0001');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export', exact: true }).click()
	]);
	const exported = readFileSync(await download.path(), 'utf8');
	expect(exported.split('\n')[1]).toMatch(
		/^SAMPLE-0001,"'=HYPERLINK\(""http:\/\/example\.com"",""Click""\)",/
	);

	await page.getByRole('link', { name: 'Import' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	await page.getByLabel('Entity type').selectOption({ label: 'Products' });
	await chooseFile(page, 'products.csv', exported);
	await page.getByRole('button', { name: 'Check Data' }).click();
	await expect(status(page)).toContainText('File is valid!');
	await importButton(page).click();
	await expect(status(page)).toContainText('Created: 0, Updated: 0, Deleted: 0');
	expect((await storedProduct(page, 'SAMPLE-0001'))?.name).toBe(name);
});
