// Print labels from a grid selection and from a product page: one label per product with its SKU, name
// and a barcode (the first barcode, else a Code 128 of the SKU). Each drawn barcode is photographed and
// decoded back with ZXing in Node, so the test proves the labels really scan as their codes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { openApp } from './helpers';

const require = createRequire(import.meta.url);
prepareZXingModule({
	overrides: {
		wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer
	}
});

// Three device pixels per CSS pixel: about the 300 dpi of a label printer, so the photo is as sharp as
// the printed label (at 96 dpi a Code 128 module is barely one pixel).
test.use({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 3 });

async function decodeLabel(page: Page, code: string): Promise<string[]> {
	const barcode = page.locator(`.label[data-code="${code}"] .barcode`);
	const png = await barcode.screenshot({ scale: 'device' });
	const found = await readBarcodes(new Uint8Array(png), {
		formats: ['EAN13', 'UPCA', 'Code128'],
		tryHarder: true
	});
	return found.map((result) => result.text);
}

test('Print labels draws one decodable barcode per selected product, on the paper chosen', async ({
	page
}) => {
	await openApp(page, '/');
	await page.evaluate(async () => {
		const engine = (
			window as unknown as {
				stockroomEngine: {
					createProduct(d: { sku: string; name: string; barcodes: string[] }): Promise<unknown>;
				};
			}
		).stockroomEngine;
		await engine.createProduct({ sku: 'LBL-EAN', name: 'Tea tin', barcodes: ['4006381333931', 'X-2'] });
		await engine.createProduct({ sku: 'LBL-PLAIN', name: 'Hook', barcodes: [] });
		await engine.createProduct({ sku: 'LBL-SKIP', name: 'Not selected', barcodes: [] });
	});
	await page.reload();
	await page.getByRole('checkbox', { name: 'Select LBL-EAN' }).check();
	await page.getByRole('checkbox', { name: 'Select LBL-PLAIN' }).check();
	await page.getByRole('button', { name: 'Actions' }).click();
	await page.getByRole('menuitem', { name: 'Print labels' }).click();

	await expect(page).toHaveURL(/\/labels$/);
	await expect(page.getByRole('status')).toHaveText('2 labels on 1 page.');
	await expect(page.locator('.label')).toHaveCount(2);
	await expect(page.locator('.label[data-code="4006381333931"]')).toContainText('LBL-EAN');
	await expect(page.locator('.label[data-code="4006381333931"]')).toContainText('Tea tin');
	await expect(page.locator('.label[data-code="LBL-PLAIN"]')).toContainText('Hook');
	expect(await decodeLabel(page, '4006381333931')).toEqual(['4006381333931']);
	expect(await decodeLabel(page, 'LBL-PLAIN')).toEqual(['LBL-PLAIN']);

	// The 62 mm label printer: one label per page, and the choice is kept.
	await page
		.getByRole('combobox', { name: 'Label format' })
		.selectOption({ label: 'Label printer, 62 mm roll (62 × 29 mm)' });
	await expect(page.getByRole('status')).toHaveText('2 labels on 2 pages.');
	await expect(page.getByRole('group', { name: 'Page 2' })).toBeVisible();
	expect(await decodeLabel(page, 'LBL-PLAIN')).toEqual(['LBL-PLAIN']);
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Label format' })).toHaveValue('roll62');
	await expect(page.locator('.label')).toHaveCount(2);

	// One product, from its page.
	await page.goto('/products/LBL-PLAIN');
	await page.getByRole('button', { name: 'Print labels' }).click();
	await expect(page).toHaveURL(/\/labels\?sku=LBL-PLAIN$/);
	await expect(page.getByRole('status')).toHaveText('1 label on 1 page.');
	expect(await decodeLabel(page, 'LBL-PLAIN')).toEqual(['LBL-PLAIN']);
});
