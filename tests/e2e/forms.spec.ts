// Fields as a store types into them: every quantity goes through the product editor's parser and
// shows its error at the field; Settings saves and says so; a count survives a reload; the source
// form says what is wrong with each value; a pasted SKU is never cut without a word.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

test.use({ viewport: { width: 768, height: 1024 } });

/** A quantity field: a text box (a number box would drop the comma) that offers a decimal keyboard. */
async function expectQuantityField(field: Locator) {
	await expect(field).toHaveAttribute('type', 'text');
	await expect(field).toHaveAttribute('inputmode', 'decimal');
}

/**
 * The field is marked invalid and its description (what a screen reader reads with it) starts with
 * `message`; a help text may follow.
 */
async function expectFieldError(field: Locator, message: string) {
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await expect(field).toHaveAccessibleDescription(new RegExp(`^${escaped}`));
}

async function startCount(page: Page) {
	await openApp(page, '/count');
	await seedSample(page, 5, 1);
	await page.reload();
	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('button', { name: 'Start count' }).click();
	await expect(page.getByRole('textbox', { name: 'Scan or type SKU or barcode' })).toBeFocused();
}

test('Settings saves the default notify quantity, says so, refuses a comma, and keeps it after a reload', async ({
	page
}) => {
	await openApp(page, '/settings');
	const field = page.getByRole('textbox', { name: 'Default notify quantity' });
	// Settings has a Save per section: this one is the Low stock form's.
	const save = page.locator('form', { has: field }).getByRole('button', { name: 'Save', exact: true });
	await expectQuantityField(field);
	await expect(field).toHaveValue('1');

	await field.fill('1,5');
	await save.click();
	await expectFieldError(field, 'Default notify quantity "1,5" is not a number (use a dot for decimals).');
	await field.fill('abc');
	await save.click();
	await expectFieldError(field, 'Default notify quantity "abc" is not a number.');

	await field.fill('2.5');
	await save.click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
		'Saved: the default notify quantity is 2.5.'
	);
	await expect(field).toHaveAttribute('aria-invalid', 'false');

	await page.reload();
	await expect(field).toHaveValue('2.5');
	await field.fill('0');
	await save.click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
		'Saved: the default notify quantity is 0.'
	);
	await page.reload();
	await expect(field).toHaveValue('0');
});

test('a count refuses 1,5, abc and a negative amount at the Quantity field and adds nothing', async ({
	page
}) => {
	await startCount(page);
	const code = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	const quantity = page.getByRole('textbox', { name: 'Quantity', exact: true });
	await expectQuantityField(quantity);
	const table = page.getByRole('table', { name: 'Counted' });

	for (const [typed, message] of [
		['1,5', 'Quantity "1,5" is not a number (use a dot for decimals).'],
		['abc', 'Quantity "abc" is not a number.'],
		['-3', 'Quantity "-3" is negative: a scan adds to the count. To lower a count, use Correct on its line.']
	]) {
		await quantity.fill(typed);
		await code.fill('SAMPLE-0001');
		await code.press('Enter');
		await expectFieldError(quantity, message);
		await expect(code).toHaveValue('SAMPLE-0001'); // kept for a second try
		await expect(table.getByRole('row', { name: /SAMPLE-0001/ })).toHaveCount(0);
	}

	await quantity.fill('2.5');
	await code.press('Enter');
	await expect(page.getByRole('status')).toHaveText('SAMPLE-0001 +2.5: 2.5 counted.');
	await expect(quantity).toHaveAttribute('aria-invalid', 'false');
	await expect(quantity).toHaveValue('');
});

test('reloading an open count comes back to it without an error', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await startCount(page);
	const code = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	await code.fill('SAMPLE-0002');
	await code.press('Enter');
	await expect(page.getByRole('status')).toHaveText('SAMPLE-0002: 1 counted.');
	await expect(page).toHaveURL(/\/count\?count=/);
	const address = page.url();

	await page.reload();
	await expect(
		page.getByRole('table', { name: 'Counted' }).getByRole('row', { name: /SAMPLE-0002/ })
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Count at Default Source reopened.');
	expect(page.url()).toBe(address);
	expect(errors).toEqual([]);
});

test('Export quantity filters refuse a comma at their field instead of filtering from 15', async ({
	page
}) => {
	await openApp(page, '/export');
	const from = page.getByRole('textbox', { name: 'Quantity from' });
	const to = page.getByRole('textbox', { name: 'Quantity to' });
	await expectQuantityField(from);
	await expectQuantityField(to);
	const exportButton = page.getByRole('button', { name: 'Export', exact: true });

	await from.fill('1,5');
	await expectFieldError(from, 'Quantity from "1,5" is not a number (use a dot for decimals).');
	await expect(to).toHaveAttribute('aria-invalid', 'false');
	await expect(exportButton).toBeDisabled();
	await from.fill('5');
	await to.fill('abc');
	await expectFieldError(to, 'Quantity to "abc" is not a number.');
	await to.fill('2');
	await expectFieldError(to, 'Quantity from is greater than Quantity to.');
	await to.fill('5.5');
	await expect(from).toHaveAttribute('aria-invalid', 'false');
	await expect(to).toHaveAttribute('aria-invalid', 'false');
	await expect(exportButton).toBeEnabled();
});

test('Import refuses a negative Allowed errors count at the field and waits with Check Data', async ({
	page
}) => {
	await openApp(page, '/import');
	await page.getByLabel('Select file to import').setInputFiles({
		name: 'stock.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('source_code,sku,status,quantity\ndefault,A-1,1,3\n')
	});
	const allowed = page.getByRole('textbox', { name: 'Allowed errors count' });
	await allowed.fill('-3');
	await expectFieldError(allowed, 'Allowed errors count "-3" must be a whole number of 0 or more.');
	await expect(page.getByRole('button', { name: 'Check Data' })).toBeDisabled();
	await allowed.fill('0');
	await expect(allowed).toHaveAttribute('aria-invalid', 'false');
	await expect(page.getByRole('button', { name: 'Check Data' })).toBeEnabled();
});

test('the source form says a coordinate is not a number and offers countries by name', async ({ page }) => {
	await openApp(page, '/sources');
	await page.getByRole('button', { name: 'Add source' }).click();
	await page.getByRole('textbox', { name: 'Code', exact: true }).fill('hh-1');
	await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Hamburg');
	const latitude = page.getByRole('textbox', { name: 'Latitude' });
	const longitude = page.getByRole('textbox', { name: 'Longitude' });
	await latitude.fill('abc');
	await longitude.fill('9,99');
	await page.getByRole('button', { name: 'Save' }).click();
	await expectFieldError(latitude, 'Latitude is not a number (use a dot for decimals, such as 53.55).');
	await expectFieldError(longitude, 'Longitude is not a number (use a dot for decimals, such as 53.55).');

	const country = page.getByRole('combobox', { name: 'Country' });
	await expect(country.getByRole('option', { name: 'Germany (DE)' })).toHaveCount(1);
	await expect(country.getByRole('option', { name: 'Côte d’Ivoire (CI)' })).toHaveCount(1);
	await country.selectOption({ label: 'Germany (DE)' });
	await latitude.fill('53.55');
	await longitude.fill('9.99');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(
		page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /hh-1 Hamburg/ })
	).toBeVisible();
	const stored = await page.evaluate(() =>
		(
			window as unknown as {
				stockroomEngine: { getSource(code: string): Promise<{ source: { country: string } } | null> };
			}
		).stockroomEngine.getSource('hh-1')
	);
	expect(stored?.source.country).toBe('DE');
});

test('a pasted 65-character SKU is kept whole and refused with the length rule', async ({ page }) => {
	await openApp(page, '/');
	await page.getByRole('button', { name: 'Add product' }).first().click();
	const sku = page.getByRole('textbox', { name: 'SKU' });
	const long = 'S'.repeat(65);
	await sku.fill(long);
	await expect(sku).toHaveValue(long);
	await page.getByRole('button', { name: 'Save' }).click();
	await expectFieldError(sku, 'SKU must be at most 64 characters.');
	await sku.fill(long.slice(1));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveURL(new RegExp(`/products/${long.slice(1)}$`));
});
