// Scanning with the camera in Chromium, whose fake camera plays a video generated here from barcodes
// drawn with bwip-js: a count scanned by camera counts the right products the right number of times
// (a UPC-A stored, its EAN-13 form on the label), an unknown code is flagged and becomes a new product;
// it works offline after a first visit, never fetching from elsewhere; a denied camera says what to do.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { drawBarcode, fakeCameraArgs, writeY4m } from '../../scripts/fakeCamera.mjs';
import { addCameraProducts as addProducts, startCount } from './cameraSteps';
import { openApp } from './helpers';

const video = join(tmpdir(), `stockroom-camera-${process.pid}.y4m`);
// Every process that loads this file writes its own copy (about 30 MB); each removes it when it ends.
process.on('exit', () => rmSync(video, { force: true }));
// Each code is in view for less than the 1.5 s cooldown, and comes back after more than it: the first
// EAN-13 counts twice, every other code once. The long blank end keeps the loop from starting again
// before the test stops the camera.
writeY4m(
	video,
	[
		{ barcode: drawBarcode('ean13', '0036000291452'), seconds: 1.2 },
		{ barcode: null, seconds: 0.8 },
		{ barcode: drawBarcode('code128', 'CAM-128'), seconds: 1.2 },
		{ barcode: null, seconds: 0.8 },
		{ barcode: drawBarcode('ean13', '0036000291452'), seconds: 1.2 },
		{ barcode: null, seconds: 0.8 },
		{ barcode: drawBarcode('qrcode', 'NEW-ITEM-7', 5), seconds: 1.2 },
		{ barcode: null, seconds: 9 }
	],
	640,
	480,
	5
);

async function scanTheVideo(page: Page) {
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	await expect(page.getByRole('button', { name: 'Stop camera' })).toBeVisible();
	const table = page.getByRole('table', { name: 'Counted' });
	await expect(table.getByRole('row', { name: /NEW-ITEM-7/ })).toBeVisible({ timeout: 20_000 });
	// The open camera (preview, viewfinder, controls) passes axe like every page.
	const results = await new AxeBuilder({ page }).include('.camera-scanner').analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await expect(page.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
	return table;
}

test.use({
	viewport: { width: 768, height: 1024 },
	launchOptions: { ...chromiumLaunch, args: [...chromiumLaunch.args, ...fakeCameraArgs(video)] },
	permissions: ['camera']
});

test('a count scanned by camera counts each code once per appearance and flags an unknown one', async ({
	page
}) => {
	await openApp(page, '/count');
	await addProducts(page);
	await startCount(page);
	const table = await scanTheVideo(page);

	await expect(
		table
			.getByRole('row', { name: /CAM-UPC/ })
			.getByRole('cell')
			.nth(2)
	).toHaveText('2');
	await expect(
		table
			.getByRole('row', { name: /CAM-128/ })
			.getByRole('cell')
			.nth(2)
	).toHaveText('1');
	await expect(table.getByRole('row', { name: /NEW-ITEM-7/ })).toContainText('Unknown code');
	await expect(table.getByRole('row')).toHaveCount(4);

	// The unknown code becomes a product without leaving the count, and is counted as that product.
	await page.getByRole('button', { name: 'Add product' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add product' });
	await expect(dialog.getByLabel('Barcodes')).toHaveValue('NEW-ITEM-7');
	await dialog.getByLabel('SKU').fill('NEW-7');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(table.getByRole('row', { name: /NEW-7/ }).getByRole('cell').nth(2)).toHaveText('1');
	await expect(table.getByRole('row', { name: /Unknown code/ })).toHaveCount(0);
	await expect(page).toHaveURL(/\/count\?count=/);
});

test('camera scanning works offline after a first visit, and nothing is fetched from elsewhere', async ({
	page,
	context,
	baseURL
}) => {
	const foreign: string[] = [];
	context.on('request', (request) => {
		if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:'))
			foreign.push(request.url());
	});
	await openApp(page, '/count');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await addProducts(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByText('Offline: everything still works')).toBeVisible();
	await startCount(page);
	const table = await scanTheVideo(page);
	await expect(
		table
			.getByRole('row', { name: /CAM-UPC/ })
			.getByRole('cell')
			.nth(2)
	).toHaveText('2');
	await expect(
		table
			.getByRole('row', { name: /CAM-128/ })
			.getByRole('cell')
			.nth(2)
	).toHaveText('1');
	await context.setOffline(false);
	expect(foreign).toEqual([]);
});

test('a scan in the Products search finds the product', async ({ page }) => {
	await openApp(page, '/');
	await addProducts(page);
	await page.reload();
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('0036000291452', {
		timeout: 20_000
	});
	await expect(page.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
	const grid = page.getByRole('table', { name: 'Products' });
	await expect(grid.getByRole('row', { name: /CAM-UPC/ })).toBeVisible();
	await expect(grid.getByRole('row', { name: /CAM-128/ })).toHaveCount(0);
});

test("a scan on a product's page adds the barcode, saved with Save", async ({ page }) => {
	await openApp(page, '/');
	await addProducts(page);
	await page.goto('/products/CAM-128');
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	const barcodes = page.getByLabel('Barcodes');
	await expect(barcodes).toHaveValue('0036000291452', { timeout: 20_000 });
	await expect(page.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
	// The same code is CAM-UPC's (as a UPC-A): saving says so instead of giving one code two products.
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Barcode "0036000291452" already belongs to CAM-UPC.').first()).toBeVisible();
});

test.describe('under the Content-Security-Policy', () => {
	// Routes see every request only without the service worker answering from its cache.
	test.use({ serviceWorkers: 'block' });

	/** Serves the decoder worker with `policy`: a worker follows the CSP of its own script's response. */
	async function withWorkerPolicy(page: Page, policy: string) {
		await page.route('**/_app/immutable/workers/decoder.worker-*.js', async (route) => {
			const response = await route.fetch();
			await route.fulfill({
				response,
				headers: { ...response.headers(), 'content-security-policy': policy }
			});
		});
	}

	test("decodes with script-src 'self' 'wasm-unsafe-eval' and nothing looser", async ({ page }) => {
		await withWorkerPolicy(page, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
		await openApp(page, '/count');
		await addProducts(page);
		await startCount(page);
		const table = await scanTheVideo(page);
		await expect(table.getByRole('row', { name: /CAM-UPC/ })).toBeVisible();
	});

	test("without 'wasm-unsafe-eval' the reader cannot start and says so", async ({ page }) => {
		await withWorkerPolicy(page, "default-src 'self'; script-src 'self'");
		await openApp(page, '/count');
		await startCount(page);
		await page.getByRole('button', { name: 'Scan with camera' }).click();
		await expect(page.getByRole('alert')).toContainText('The barcode reader could not start');
		const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
		await field.fill('ANY-CODE');
		await field.press('Enter');
		await expect(page.getByRole('alert').filter({ hasText: 'Unknown code "ANY-CODE"' })).toBeVisible();
	});
});
