// Stock take on a tablet: start a count, scan by SKU and barcode, flag an unknown code, survive a
// reload, review, apply, see the grid change, and undo the count from History.
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

async function scan(page: Page, code: string, quantity?: string) {
	const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	if (quantity !== undefined)
		await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill(quantity);
	await field.fill(code);
	await field.press('Enter');
}

test.use({ viewport: { width: 768, height: 1024 } });

test('counts a source by SKU and barcode, survives a reload, applies and undoes from History', async ({
	page
}) => {
	await openApp(page, '/count');
	await seedSample(page, 40, 4);
	await page.reload();

	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'North Warehouse' });
	await page.getByRole('button', { name: 'Start count' }).click();

	const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	await expect(field).toBeFocused();
	await scan(page, 'sample-0001', '76');
	await expect(page.getByRole('status')).toHaveText('SAMPLE-0001 +76: 76 counted.');
	await scan(page, '4000000000001'); // SAMPLE-0001's barcode
	await expect(page.getByRole('status')).toHaveText('SAMPLE-0001: 77 counted.');
	await expect(field).toBeFocused();
	await scan(page, '4000000000002');
	await scan(page, 'SAMPLE-0002');

	await scan(page, 'NOT-A-PRODUCT');
	await expect(page.getByRole('alert')).toContainText('Unknown code "NOT-A-PRODUCT"');
	const table = page.getByRole('table', { name: 'Counted' });
	for (const name of ['SKU', 'Name', 'Counted', 'Expected'])
		await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
	await expect(table.getByRole('row', { name: /NOT-A-PRODUCT/ })).toContainText('Unknown code');
	// A wrong scan is taken back with one tap on its line.
	await page.getByRole('button', { name: 'Undo scan of NOT-A-PRODUCT' }).click();
	await expect(table.getByRole('row', { name: /NOT-A-PRODUCT/ })).toHaveCount(0);
	await expect(field).toBeFocused();
	await scan(page, 'NOT-A-PRODUCT');

	await page.reload();
	await expect(table.getByRole('row', { name: /SAMPLE-0001/ })).toContainText('77');
	await expect(table.getByRole('row', { name: /SAMPLE-0002/ })).toContainText('2');
	await expect(table.getByRole('row', { name: /NOT-A-PRODUCT/ })).toBeVisible();

	await page.getByRole('button', { name: 'Review' }).click();
	const review = page.getByRole('table', { name: 'Review' });
	await expect(review.getByRole('row', { name: /SAMPLE-0001/ })).toContainText('77');
	await expect(page.getByText('1 unknown code is kept in the count but not applied')).toBeVisible();
	await expect(page.getByText(/products at this source were not counted/)).toBeVisible();
	await page.getByRole('button', { name: 'Apply count' }).click();
	await expect(page.getByRole('status').first()).toContainText(
		'Stock take at North Warehouse: 2 products counted'
	);

	await page.getByRole('link', { name: 'Products' }).click();
	await page.getByRole('searchbox', { name: 'Search products' }).fill('SAMPLE-0001');
	const grid = page.getByRole('table', { name: 'Products' }).or(page.getByRole('grid', { name: 'Products' }));
	await expect(grid.getByRole('row', { name: /SAMPLE-0001/ })).toContainText('North Warehouse: 77');

	await page.goto('/history'); // portrait: History is in the tab bar's More menu
	const operations = page.getByRole('table', { name: 'Operations' });
	const row = operations.getByRole('row', { name: /Stock take/ }).first();
	await expect(row).toContainText('Stock take at North Warehouse');
	await row.getByRole('button', { name: 'Undo' }).click();
	await expect(operations.getByRole('row', { name: /Undo/ }).first()).toBeVisible();

	await page.getByRole('link', { name: 'Products' }).click();
	await page.getByRole('searchbox', { name: 'Search products' }).fill('SAMPLE-0001');
	await expect(grid.getByRole('row', { name: /SAMPLE-0001/ })).not.toContainText('North Warehouse: 77');
});

test('discarding a count asks once and names what is lost', async ({ page }) => {
	await openApp(page, '/count');
	await seedSample(page, 5, 1);
	await page.reload();
	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('checkbox', { name: 'Blind count' }).check();
	await page.getByRole('button', { name: 'Start count' }).click();
	await scan(page, 'SAMPLE-0003', '4');
	await expect(
		page.getByRole('table', { name: 'Counted' }).getByRole('columnheader', { name: 'Expected' })
	).toHaveCount(0);
	await page.getByRole('button', { name: 'Discard count' }).click();
	await expect(page.getByRole('dialog')).toContainText(
		'The 1 counted lines (4 units) at Default Source will be lost.'
	);
	await page.getByRole('button', { name: 'Discard', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Count at Default Source discarded. Stock was not changed.'
	);
	await expect(page.getByRole('button', { name: /Continue count/ })).toHaveCount(0);
});
