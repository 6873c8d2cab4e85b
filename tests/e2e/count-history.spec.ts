// The Counts log on the Stock take page: applied and discarded counts stay listed with what they held,
// an applied one opens its operation in History, and an open one is resumed from the list.
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

test.use({ viewport: { width: 1024, height: 768 } });

async function countAt(page: Page, source: string, codes: string[]) {
	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: source });
	await page.getByRole('button', { name: 'Start count' }).click();
	const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	for (const code of codes) {
		await field.fill(code);
		await field.press('Enter');
		await expect(page.getByRole('status')).toContainText('counted');
	}
}

test('lists open, applied and discarded counts; resumes one; opens an applied one in History', async ({
	page
}) => {
	await openApp(page, '/count');
	await seedSample(page, 10, 2);
	await page.reload();

	await countAt(page, 'North Warehouse', ['SAMPLE-0001', 'SAMPLE-0001', 'SAMPLE-0002']);
	await page.getByRole('button', { name: 'Review' }).click();
	await page.getByRole('button', { name: 'Apply count' }).click();
	await expect(page.getByRole('button', { name: 'New count' })).toBeVisible();

	await countAt(page, 'Default Source', ['SAMPLE-0003']);
	await page.getByRole('button', { name: 'Discard count' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
	await expect(page.getByRole('status')).toContainText('discarded');

	await countAt(page, 'Default Source', ['SAMPLE-0004', 'SAMPLE-0005']);
	await page.getByRole('button', { name: 'Pause' }).click();

	const table = page.getByRole('table', { name: 'Counts' });
	for (const name of ['Source', 'Started', 'Lines', 'Units', 'Status'])
		await expect(table.getByRole('columnheader', { name })).toBeVisible();
	const rows = table.getByRole('row');
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(1)).toContainText(/Default Source.*2\s*2\s*Open/);
	await expect(rows.nth(2)).toContainText(/Default Source.*1\s*1\s*Discarded/);
	await expect(rows.nth(3)).toContainText(/North Warehouse.*2\s*3\s*Applied/);

	await rows.nth(1).getByRole('button', { name: 'Resume' }).click();
	await expect(
		page.getByRole('table', { name: 'Counted' }).getByRole('row', { name: /SAMPLE-0005/ })
	).toBeVisible();
	await page.getByRole('button', { name: 'Pause' }).click();

	await table.getByRole('link', { name: 'Open in History' }).click();
	await expect(page).toHaveURL(/\/history\?operation=\d+/);
	const changes = page.getByRole('table', { name: 'Changes' });
	await expect(changes.getByRole('row', { name: /SAMPLE-0001/ })).toContainText('2');
});
