// History: the logbook of operations, their item changes, Undo (refused when items changed since),
// undo of an undo, Ctrl+Z, and paging of large operations.
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

type Remote = {
	getProduct(sku: string): Promise<{ product: { items: { source: string; quantity: number }[] } } | null>;
	transferInventory(
		jobId: string,
		selection: unknown,
		input: { origin: string; destination: string; unassignOrigin: boolean }
	): Promise<unknown>;
	saveProduct(sku: string, edit: unknown): Promise<unknown>;
};

async function itemsOf(page: Page, sku: string): Promise<Record<string, number>> {
	const product = await page.evaluate(
		(sku) => (window as unknown as { stockroomEngine: Remote }).stockroomEngine.getProduct(sku),
		sku
	);
	return Object.fromEntries((product?.product.items ?? []).map((i) => [i.source, i.quantity]));
}

/** Transfers `skus` (or everything) from North Warehouse to Shop Floor through the engine. */
async function transfer(page: Page, skus: string[] | 'all') {
	await page.evaluate(
		(skus) =>
			(window as unknown as { stockroomEngine: Remote }).stockroomEngine.transferInventory(
				'e2e',
				skus === 'all'
					? {
							mode: 'all',
							query: { search: '', source: null, stock: 'any', sort: 'sku', descending: false },
							except: []
						}
					: { mode: 'some', keys: skus.map((s) => s.toLowerCase()) },
				{ origin: 'wh-north', destination: 'shop-1', unassignOrigin: false }
			),
		skus
	);
}

function operations(page: Page) {
	return page.getByRole('table', { name: 'Operations' });
}

test('lists operations newest first like a logbook and opens their item changes', async ({ page }) => {
	await openApp(page, '/history');
	await expect(page.getByText('No changes yet.')).toBeVisible();
	await seedSample(page, 5, 2);
	const before = await itemsOf(page, 'SAMPLE-0001');
	expect(before['wh-north']).toBeGreaterThan(1); // "units", plural, below
	await transfer(page, ['SAMPLE-0001']);
	await page.reload();

	const table = operations(page);
	await expect(table.getByRole('columnheader', { name: 'When' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Kind' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Summary' })).toBeVisible();
	const rows = table.getByRole('row');
	await expect(rows).toHaveCount(3);
	await expect(rows.nth(1)).toContainText(/Today \d\d?:\d\d/);
	await expect(rows.nth(1)).toContainText('Transfer');
	await expect(rows.nth(1)).toContainText(
		`Transferred ${before['wh-north']} units of 1 product from North Warehouse to Shop Floor`
	);
	await expect(rows.nth(2)).toContainText('Sample data: 5 products added');

	await rows
		.nth(1)
		.getByRole('button', { name: /Transferred/ })
		.click();
	const changes = page.getByRole('table', { name: 'Changes' });
	for (const header of ['SKU', 'Source', 'Before', 'After'])
		await expect(changes.getByRole('columnheader', { name: header })).toBeVisible();
	await expect(changes.getByRole('row')).toHaveCount(3);
	await expect(changes.getByRole('row', { name: /SAMPLE-0001 North Warehouse/ })).toContainText(
		`${before['wh-north']} · in stock`
	);
	await expect(changes.getByRole('row', { name: /SAMPLE-0001 Shop Floor/ })).toContainText(
		`${before['wh-north'] + before['shop-1']} · in stock`
	);
});

test('refuses to undo when an item changed since, naming it, and changes nothing', async ({ page }) => {
	await openApp(page);
	await seedSample(page, 5, 2);
	expect((await itemsOf(page, 'SAMPLE-0001'))['wh-north']).toBeGreaterThan(0); // so the transfer moves it
	await transfer(page, ['SAMPLE-0001', 'SAMPLE-0002']);
	// A later manual edit of one transferred item, through the product page.
	await page.goto('/products/SAMPLE-0001');
	const shop = page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /Shop Floor/ });
	await shop.getByRole('textbox', { name: 'Quantity', exact: true }).fill('77');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved SAMPLE-0001.');
	const afterEdit = await itemsOf(page, 'SAMPLE-0001');
	const second = await itemsOf(page, 'SAMPLE-0002');

	await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
	const row = operations(page).getByRole('row').filter({ hasText: 'Transferred' });
	await row.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Nothing was undone: 1 item changed since this operation: SAMPLE-0001 at Shop Floor.'
	);
	await expect(row.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
	await expect(operations(page).getByRole('row')).toHaveCount(4); // no undo operation was added
	expect(await itemsOf(page, 'SAMPLE-0001')).toEqual(afterEdit);
	expect(await itemsOf(page, 'SAMPLE-0002')).toEqual(second);
});

test('undoes, says an undone operation was undone, and undoes the undo, across reloads', async ({ page }) => {
	await openApp(page);
	await seedSample(page, 5, 2);
	const start = await itemsOf(page, 'SAMPLE-0003');
	await transfer(page, 'all');
	const moved = await itemsOf(page, 'SAMPLE-0003');
	await page.goto('/history');

	const rows = operations(page).getByRole('row');
	await rows.nth(1).getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByText(/^Undone: Transferred/)).toBeVisible(); // the toast
	await expect(rows.nth(1)).toContainText('Undo of #2');
	await expect(rows.nth(2)).toContainText('Undone by #3');
	await expect(rows.nth(2).getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
	expect(await itemsOf(page, 'SAMPLE-0003')).toEqual(start);

	await page.reload();
	await expect(rows.nth(2)).toContainText('Undone by #3');
	await rows.nth(1).getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(rows.nth(1)).toContainText('Undo of #3');
	expect(await itemsOf(page, 'SAMPLE-0003')).toEqual(moved);

	await page.goto('/');
	await expect(
		page.getByRole('table', { name: 'Products' }).getByRole('row', { name: /SAMPLE-0003/ })
	).toContainText('North Warehouse: 0');
});

test('Ctrl+Z undoes the last change from the product grid', async ({ page }) => {
	await openApp(page);
	await seedSample(page, 5, 2);
	const start = await itemsOf(page, 'SAMPLE-0001');
	await transfer(page, ['SAMPLE-0001']);
	await page.reload();
	const row = page.getByRole('table', { name: 'Products' }).getByRole('row', { name: /SAMPLE-0001/ });
	await expect(row).toContainText('North Warehouse: 0');
	await page.locator('body').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('Control+z');
	await expect(page.getByText(/^Undone: Transferred/)).toBeVisible();
	await expect(row).toContainText(`North Warehouse: ${start['wh-north']}`);
	expect(await itemsOf(page, 'SAMPLE-0001')).toEqual(start);
});

test('pages the item changes of a large operation', async ({ page }) => {
	await openApp(page);
	await seedSample(page, 120, 2);
	await page.goto('/history');
	const rows = operations(page).getByRole('row');
	await rows
		.nth(1)
		.getByRole('button', { name: /Sample data/ })
		.click();
	const changes = page.getByRole('table', { name: 'Changes' });
	await expect(page.getByText('1–50 of 360 item changes')).toBeVisible();
	await expect(changes.getByRole('row').nth(1)).toContainText('SAMPLE-0001');
	await page.getByRole('button', { name: 'Next changes' }).click();
	await expect(page.getByText('51–100 of 360 item changes')).toBeVisible();
	await expect(changes.getByRole('row').nth(1)).toContainText('SAMPLE-0017');
	await page.getByRole('button', { name: 'Previous changes' }).click();
	await expect(page.getByText('1–50 of 360 item changes')).toBeVisible();
});
