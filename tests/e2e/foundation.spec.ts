import { expect, test } from '@playwright/test';
import { openApp, seedSample } from './helpers';

test('a store adds a source and a product, sets quantities, and finds them after a reload', async ({
	page
}) => {
	await openApp(page, '/sources');
	await page.getByRole('button', { name: 'Add source' }).click();
	await page.getByRole('textbox', { name: 'Code', exact: true }).fill('eu 1');
	await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Back Room');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Source code can not contain whitespace.')).toBeVisible();
	await page.getByRole('textbox', { name: 'Code', exact: true }).fill('eu-1');
	await page.getByRole('textbox', { name: 'Latitude' }).fill('91');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Latitude must be between -90 and 90.')).toBeVisible();
	await page.getByRole('textbox', { name: 'Latitude' }).fill('52.5');
	await page.getByRole('button', { name: 'Save' }).click();
	const sources = page.getByRole('table', { name: 'Sources' });
	await expect(sources.getByRole('row', { name: /eu-1 Back Room Yes/ })).toBeVisible();

	await page.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
	await page.getByRole('button', { name: 'Add product' }).click();
	await page.getByRole('textbox', { name: 'SKU' }).fill('24-MB01');
	await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Joust Duffle Bag');
	await page.getByRole('textbox', { name: 'Barcodes' }).fill('0730143312691');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveURL(/\/products\/24-MB01$/);

	const table = page.getByRole('table', { name: 'Sources' });
	await expect(table.getByRole('row', { name: /Default Source/ })).toBeVisible();
	await page.getByRole('button', { name: 'Assign Sources' }).click();
	await page.getByRole('checkbox', { name: 'Back Room' }).check();
	await page.getByRole('button', { name: 'Add to product' }).click();
	const backRoom = table.getByRole('row', { name: /Back Room/ });
	await backRoom.getByRole('textbox', { name: 'Quantity', exact: true }).fill('1,5');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(backRoom.getByText('Quantity "1,5" is not a number (use a dot for decimals).')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText(
		'Back Room: Quantity "1,5" is not a number (use a dot for decimals).'
	);
	await backRoom.getByRole('textbox', { name: 'Quantity', exact: true }).fill('12.5');
	await table
		.getByRole('row', { name: /Default Source/ })
		.getByRole('textbox', { name: 'Quantity', exact: true })
		.fill('3');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved 24-MB01.');

	await page.reload();
	await expect(backRoom.getByRole('textbox', { name: 'Quantity', exact: true })).toHaveValue('12.5');
	await expect(backRoom.getByRole('combobox', { name: 'Status' })).toHaveValue('1');

	await page.goto('/');
	const grid = page.getByRole('table', { name: 'Products' });
	await expect(grid.getByRole('columnheader', { name: 'Quantity per Source' })).toBeVisible();
	const row = grid.getByRole('row', { name: /24-MB01/ });
	await expect(row).toContainText('Default Source: 3');
	await expect(row).toContainText('Back Room: 12.5');
	await expect(row.getByRole('cell').last()).toHaveText('15.5');

	await page.getByRole('searchbox', { name: 'Search products' }).fill('0730143312691');
	await expect(grid.getByRole('row')).toHaveCount(2);
});

test('single-source mode shows one Quantity column', async ({ page }) => {
	await openApp(page);
	await page.evaluate(() =>
		(
			window as unknown as { stockroomEngine: { createProduct(d: object): Promise<unknown> } }
		).stockroomEngine.createProduct({ sku: 'ONLY-1', name: 'Solo', barcodes: [] })
	);
	const grid = page.getByRole('table', { name: 'Products' });
	await expect(grid.getByRole('columnheader', { name: 'Quantity', exact: true })).toBeVisible();
	await expect(grid.getByRole('columnheader', { name: 'Quantity per Source' })).toHaveCount(0);
});

test('after the first visit the app reloads offline, deep links included, with all data', async ({
	page,
	context
}) => {
	await openApp(page);
	await seedSample(page, 30, 2);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	await expect(page.getByRole('table', { name: 'Products' })).toBeVisible();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

	await context.setOffline(true);
	await page.goto('/products/SAMPLE-0007');
	await expect(page.getByRole('heading', { name: 'SAMPLE-0007' })).toBeVisible();
	await expect(page.getByText('Offline: everything still works')).toBeVisible();
	await page.goto('/sources/wh-north');
	await expect(page.getByRole('heading', { name: 'North Warehouse' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByText('30 of 30 products')).toBeVisible();
	await context.setOffline(false);
});

test('the grid scrolls and filters 100,000 products while rendering only the visible rows', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openApp(page);
	await seedSample(page, 100_000, 4);
	await page.reload();
	const grid = page.getByRole('table', { name: 'Products' });
	await expect(page.getByText('100,000 of 100,000 products')).toBeVisible({ timeout: 30_000 });
	await expect(grid.getByRole('row', { name: /SAMPLE-000001/ })).toBeVisible();
	expect(await grid.locator('tbody tr').count()).toBeLessThan(60);

	const scroller = page.locator('.scroller');
	await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(grid.getByRole('row', { name: /SAMPLE-100000/ })).toBeVisible();
	expect(await grid.locator('tbody tr').count()).toBeLessThan(60);

	await page.getByRole('combobox', { name: 'Stock status' }).selectOption({ label: 'Out of stock' });
	await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Shop Floor' });
	const counter = page.getByText(/ of 100,000 products/);
	await expect(counter).not.toHaveText('100,000 of 100,000 products');
	const shown = await grid.locator('tbody tr').first().textContent();
	expect(shown).toMatch(/Shop Floor: 0/);

	await page.getByRole('checkbox', { name: 'Select all' }).check();
	const matching = (await counter.textContent())!.split(' of ')[0];
	await expect(page.getByText(`${matching} selected`)).toBeVisible();
});

test('another tab sees a change without a reload', async ({ context }) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await openApp(first);
	await seedSample(first, 5, 2);
	await openApp(second);
	const grid = second.getByRole('table', { name: 'Products' });
	await expect(second.getByText('5 of 5 products')).toBeVisible();

	await first.goto('/products/SAMPLE-0003');
	const row = first.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /Default Source/ });
	await row.getByRole('textbox', { name: 'Quantity', exact: true }).fill('123');
	await first.getByRole('button', { name: 'Save' }).click();
	await expect(first.getByRole('status')).toHaveText('Saved SAMPLE-0003.');

	await expect(grid.getByRole('row', { name: /SAMPLE-0003/ })).toContainText('Default Source: 123');
	await first.evaluate(() =>
		(
			window as unknown as { stockroomEngine: { createProduct(d: object): Promise<unknown> } }
		).stockroomEngine.createProduct({ sku: 'FROM-TAB-1', name: 'Made in the first tab', barcodes: [] })
	);
	await expect(second.getByText('6 of 6 products')).toBeVisible();
	await expect(grid.getByRole('row', { name: /FROM-TAB-1/ })).toBeVisible();
});
