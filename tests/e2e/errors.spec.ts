// Unexpected errors are shown in words with Copy details, never a blank page; an engine worker that
// crashes or hangs is restarted and the page says the last action may not have completed.

import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';
import { SCHEMA_VERSION } from '../../src/lib/db/schema';

type Engine = {
	debugCrash(): Promise<void>;
	debugHang(): Promise<void>;
	getProduct(sku: string): Promise<{ product: { items: { source: string; quantity: number }[] } } | null>;
};

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an unexpected error shows a readable message whose details can be copied', async ({ page }) => {
	await openApp(page);
	await page.evaluate(() => {
		setTimeout(() => {
			throw new Error('The shelf fell over');
		});
	});
	const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
	await expect(alert).toContainText('The shelf fell over');
	await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
	await alert.getByRole('button', { name: 'Copy details' }).click();
	await expect(alert.getByRole('status')).toHaveText(/Details copied/);
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toMatch(/^Stockroom 0\.1\.0 \(build \d+\)\n/);
	expect(copied).toContain('Error: The shelf fell over');
	expect(copied).toMatch(/\n {4}at /); // the stack
	await alert.getByRole('button', { name: 'Dismiss' }).click();
	await expect(alert).toBeHidden();
});

test('a promise nobody awaited that fails is shown too', async ({ page }) => {
	await openApp(page, '/sources');
	await page.evaluate(() => void Promise.reject(new Error('Nobody caught this')));
	await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toContainText(
		'Nobody caught this'
	);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the debug hooks are refused unless switched on', async ({ page }) => {
	await openApp(page);
	const refused = await page.evaluate(() =>
		(window as unknown as { stockroomEngine: Engine }).stockroomEngine.debugHang().then(
			() => 'ran',
			(error: Error) => error.message
		)
	);
	expect(refused).toBe('debugHang is a test hook: set localStorage "stockroom.debug" to "on".');
});

async function productPage(page: Page) {
	await openApp(page);
	await page.evaluate(() => {
		localStorage.setItem('stockroom.debug', 'on');
		localStorage.setItem('stockroom.debug.hangTimeoutMs', '1500');
	});
	await seedSample(page, 3, 1);
	await page.goto('/products/SAMPLE-0001');
	await page.waitForFunction(() => 'stockroomEngine' in window);
	const quantity = page.getByRole('row', { name: /Default Source/ }).getByLabel('Quantity', { exact: true });
	await expect(quantity).toBeVisible();
	return quantity;
}

async function storedDefault(page: Page): Promise<number> {
	const detail = await page.evaluate(() =>
		(window as unknown as { stockroomEngine: Engine }).stockroomEngine.getProduct('SAMPLE-0001')
	);
	return detail!.product.items.find((i) => i.source === 'default')!.quantity;
}

test('a hung engine is restarted, the save is reported as not done, and the next one works', async ({
	page
}) => {
	const quantity = await productPage(page);
	const before = Number(await quantity.inputValue());
	await page.evaluate(() => (window as unknown as { stockroomEngine: Engine }).stockroomEngine.debugHang());
	await quantity.fill(String(before + 7));
	await page.getByRole('button', { name: 'Save' }).click();
	const alert = page
		.getByRole('alert')
		.filter({ hasText: 'The background engine stopped and was restarted' });
	await expect(alert).toContainText('The background engine stopped responding.');
	await expect(alert).toContainText('Your last action may not have completed.');
	expect(await storedDefault(page)).toBe(before);
	// The form kept the typed value, and the restarted engine saves it.
	await expect(quantity).toHaveValue(String(before + 7));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved SAMPLE-0001.' })).toBeVisible();
	expect(await storedDefault(page)).toBe(before + 7);
});

test('a crashed engine is restarted and the page goes on working', async ({ page }) => {
	const quantity = await productPage(page);
	await page.evaluate(() => (window as unknown as { stockroomEngine: Engine }).stockroomEngine.debugCrash());
	const alert = page
		.getByRole('alert')
		.filter({ hasText: 'The background engine stopped and was restarted' });
	await expect(alert).toContainText('The background engine failed with an error.');
	await alert.getByRole('button', { name: 'Copy details' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
		'Crash requested by a test (debug hook).'
	);
	// The restarted engine answers (a loaded machine takes a while to start the new worker) before the
	// user types; the page keeps what was typed.
	expect(await storedDefault(page)).not.toBe(41);
	await quantity.fill('41');
	await expect(quantity).toHaveValue('41');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved SAMPLE-0001.' })).toBeVisible();
	expect(await storedDefault(page)).toBe(41);
});

test('a database saved by a newer version is refused with Reload to update, and left alone', async ({
	page
}) => {
	const newerNative = (SCHEMA_VERSION + 1) * 10; // Dexie stores version N as N × 10
	await page.goto('/manifest.webmanifest'); // same origin, without the app opening the database
	await page.evaluate(
		(version) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('stockroom', version);
				request.onupgradeneeded = () => {
					request.result.createObjectStore('settings', { keyPath: 'key' });
					request.result.createObjectStore('sources', { keyPath: 'code' });
				};
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			}),
		newerNative
	);
	await page.goto('/');
	const alert = page.getByRole('alert').filter({ hasText: 'A newer version of Stockroom saved this data' });
	await expect(alert).toContainText('This data was saved by a newer version of Stockroom. Reload to update.');
	await expect(alert.getByRole('button', { name: 'Reload to update' })).toBeVisible();
	const stored = await page.evaluate(async () => {
		const info = (await indexedDB.databases()).find((db) => db.name === 'stockroom');
		return info?.version;
	});
	expect(stored).toBe(newerNative);
});
