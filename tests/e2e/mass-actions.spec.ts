// Mass actions from the product grid's Actions menu: what the user sees, and what the data is after.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

type Item = { source: string; quantity: number; status: 0 | 1 };
type Remote = {
	getProduct(sku: string): Promise<{ product: { items: Item[] } } | null>;
	createProduct(draft: { sku: string; name: string; barcodes: string[] }): Promise<unknown>;
	getSource(code: string): Promise<{ source: Record<string, unknown> } | null>;
	saveSource(source: Record<string, unknown>, original: string | null): Promise<unknown>;
};

/** A product's items as stored (read through the engine, as the grid does). */
async function itemsOf(page: Page, sku: string): Promise<Record<string, number>> {
	const product = await page.evaluate(
		(sku) => (window as unknown as { stockroomEngine: Remote }).stockroomEngine.getProduct(sku),
		sku
	);
	return Object.fromEntries((product?.product.items ?? []).map((i) => [i.source, i.quantity]));
}

/** `1 unit`, `28 units`: messages count in the singular for one. */
function count(n: number, noun: string) {
	return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
}

function grid(page: Page) {
	return page.getByRole('table', { name: 'Products' });
}

function row(page: Page, sku: string) {
	return grid(page)
		.getByRole('row')
		.filter({ has: page.getByRole('checkbox', { name: `Select ${sku}`, exact: true }) });
}

async function openAction(page: Page, name: string) {
	await page.getByRole('button', { name: 'Actions', exact: true }).click();
	await page.getByRole('menuitem', { name, exact: true }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	return dialog;
}

test.beforeEach(async ({ page }) => {
	await openApp(page);
	await seedSample(page, 30, 4);
	await page.evaluate(() =>
		(window as unknown as { stockroomEngine: Remote }).stockroomEngine.createProduct({
			sku: 'SAMPLE-LONE',
			name: 'Lone product',
			barcodes: []
		})
	);
	await page.reload();
	await expect(row(page, 'SAMPLE-0001')).toBeVisible();
});

test('transfers every product matching a search, shows it in the grid and History, and undo restores it across a reload', async ({
	page
}) => {
	const search = page.getByRole('searchbox', { name: 'Search products' });
	await search.fill('SAMPLE-000');
	await expect(grid(page).getByRole('row')).toHaveCount(10); // header + SAMPLE-0001..0009
	const before: Record<string, Record<string, number>> = {};
	for (let i = 1; i <= 9; i++) before[`SAMPLE-000${i}`] = await itemsOf(page, `SAMPLE-000${i}`);
	const untouched = await itemsOf(page, 'SAMPLE-0010');
	const units = Object.values(before).reduce((sum, items) => sum + items['wh-north'], 0);

	await page.getByRole('checkbox', { name: 'Select all' }).check();
	await expect(page.getByText('9 selected')).toBeVisible();
	const dialog = await openAction(page, 'Transfer Inventory To Source');
	await dialog.getByRole('combobox', { name: 'Origin source' }).selectOption({ label: 'North Warehouse' });
	await dialog.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Shop Floor' });
	await dialog.getByRole('button', { name: 'Transfer Inventory' }).click();

	await expect(page.getByRole('status')).toHaveText(
		`Transferred ${count(units, 'unit')} of 9 products from North Warehouse to Shop Floor; 0 products skipped (not assigned to North Warehouse).`
	);
	await expect(dialog).toBeHidden();
	const first = before['SAMPLE-0001'];
	await expect(row(page, 'SAMPLE-0001')).toContainText('North Warehouse: 0');
	await expect(row(page, 'SAMPLE-0001')).toContainText(`Shop Floor: ${first['wh-north'] + first['shop-1']}`);
	for (const [sku, items] of Object.entries(before)) {
		expect(await itemsOf(page, sku)).toEqual({
			...items,
			'wh-north': 0,
			'shop-1': items['wh-north'] + items['shop-1']
		});
	}
	expect(await itemsOf(page, 'SAMPLE-0010')).toEqual(untouched);

	await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
	const operations = page.getByRole('table', { name: 'Operations' });
	const transfer = operations.getByRole('row').nth(1);
	await expect(transfer).toContainText('Transfer');
	await expect(transfer).toContainText(
		`Transferred ${count(units, 'unit')} of 9 products from North Warehouse to Shop Floor`
	);
	await transfer.getByRole('button', { name: /Transferred/ }).click();
	const changes = page.getByRole('table', { name: 'Changes' });
	await expect(changes.getByRole('row', { name: /SAMPLE-0001 North Warehouse/ })).toContainText(
		`${first['wh-north']} · in stock`
	);
	await expect(changes.getByRole('row', { name: /SAMPLE-0001 North Warehouse/ })).toContainText(
		'0 · out of stock'
	);

	await transfer.getByRole('button', { name: 'Undo', exact: true }).click();
	// The undo is the newest operation now; the transfer below it says it was undone.
	await expect(operations.getByRole('row').nth(1)).toContainText('Undo of #');
	await expect(operations.getByRole('row').nth(2)).toContainText('Undone by');
	await page.reload();
	await expect(operations.getByRole('row').nth(2)).toContainText('Undone by');
	await page.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
	await expect(row(page, 'SAMPLE-0001')).toContainText(`North Warehouse: ${first['wh-north']}`);
	for (const [sku, items] of Object.entries(before)) expect(await itemsOf(page, sku)).toEqual(items);
});

test('skips and counts products without the origin; refuses the same source twice; warns about a disabled source', async ({
	page
}) => {
	await page.evaluate(async () => {
		const engine = (window as unknown as { stockroomEngine: Remote }).stockroomEngine;
		const { source } = (await engine.getSource('dropship'))!;
		await engine.saveSource({ ...source, enabled: false }, 'dropship');
	});
	// Newest SKUs first, so that both rows are on screen.
	await page.getByRole('button', { name: /^SKU/ }).click();
	await page.getByRole('checkbox', { name: 'Select SAMPLE-LONE' }).check();
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0030' }).check();
	await expect(page.getByText('2 selected')).toBeVisible();

	const dialog = await openAction(page, 'Transfer Inventory To Source');
	await dialog.getByRole('combobox', { name: 'Origin source' }).selectOption({ label: 'Back Room' });
	await dialog.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Back Room' });
	await expect(dialog.getByText('Origin and destination must be different sources.')).toBeVisible();
	await dialog.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Drop Shipper' });
	await expect(dialog.getByText('Drop Shipper is disabled')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	const before = await itemsOf(page, 'SAMPLE-0030');
	const again = await openAction(page, 'Transfer Inventory To Source');
	await again.getByRole('combobox', { name: 'Origin source' }).selectOption({ label: 'Back Room' });
	await again.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Drop Shipper' });
	await again.getByRole('checkbox', { name: 'Unassign from source origin' }).check();
	await again.getByRole('checkbox', { name: 'Unassign from source origin' }).press('Enter');
	await expect(page.getByRole('status')).toHaveText(
		`Transferred ${count(before.backroom, 'unit')} of 1 product from Back Room to Drop Shipper; 1 product skipped (not assigned to Back Room).`
	);
	const { backroom, ...rest } = before;
	expect(await itemsOf(page, 'SAMPLE-0030')).toEqual({ ...rest, dropship: before.dropship + backroom });
	expect(await itemsOf(page, 'SAMPLE-LONE')).toEqual({ default: 0 });
});

test('assigns sources to selected rows, leaves existing items alone, and the toast Undo takes it back', async ({
	page
}) => {
	const existing = await itemsOf(page, 'SAMPLE-0030');
	await page.getByRole('button', { name: /^SKU/ }).click();
	await page.getByRole('checkbox', { name: 'Select SAMPLE-LONE' }).check();
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0030' }).check();
	const dialog = await openAction(page, 'Assign Inventory Source');
	await dialog.getByRole('checkbox', { name: 'Back Room', exact: true }).check();
	await dialog.getByRole('checkbox', { name: 'Shop Floor', exact: true }).check();
	await dialog.getByRole('button', { name: 'Assign Sources' }).click();
	await expect(page.getByRole('status')).toHaveText('2 source assignments added; 2 already assigned.');
	await expect(row(page, 'SAMPLE-LONE')).toContainText('Back Room: 0');
	await expect(row(page, 'SAMPLE-LONE')).toContainText('Shop Floor: 0');
	expect(await itemsOf(page, 'SAMPLE-LONE')).toEqual({ default: 0, backroom: 0, 'shop-1': 0 });
	expect(await itemsOf(page, 'SAMPLE-0030')).toEqual(existing);

	await page
		.getByRole('region', { name: 'Notifications' })
		.getByText('2 source assignments added; 2 already assigned.')
		.locator('..')
		.getByRole('button', { name: 'Undo' })
		.click();
	await expect(row(page, 'SAMPLE-LONE')).not.toContainText('Back Room');
	expect(await itemsOf(page, 'SAMPLE-LONE')).toEqual({ default: 0 });
});

test('unassign states what will be lost, offers Transfer instead, and removes on Confirm', async ({
	page
}) => {
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0004' }).check();
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0005' }).check();
	const four = await itemsOf(page, 'SAMPLE-0004');
	const five = await itemsOf(page, 'SAMPLE-0005');

	const dialog = await openAction(page, 'Unassign Inventory Source');
	await dialog.getByRole('checkbox', { name: 'Shop Floor', exact: true }).check();
	await dialog.getByRole('button', { name: 'Unassign Sources' }).click();
	const units = four['shop-1'] + five['shop-1'];
	await expect(dialog).toContainText(
		`This removes 2 source items holding ${count(units, 'unit')} from 2 selected products.`
	);
	await expect(dialog.getByRole('button', { name: 'Transfer instead' })).toBeVisible();
	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toHaveText(`2 source items removed (${count(units, 'unit')}).`);
	await expect(row(page, 'SAMPLE-0004')).not.toContainText('Shop Floor');
	expect(Object.keys(await itemsOf(page, 'SAMPLE-0004'))).not.toContain('shop-1');

	// Transfer instead: the transfer dialog opens with the unassigned source as origin.
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0006' }).check();
	const six = await itemsOf(page, 'SAMPLE-0006');
	const next = await openAction(page, 'Unassign Inventory Source');
	await next.getByRole('checkbox', { name: 'North Warehouse', exact: true }).check();
	await next.getByRole('button', { name: 'Unassign Sources' }).click();
	await next.getByRole('button', { name: 'Transfer instead' }).click();
	const transfer = page.getByRole('dialog');
	await expect(transfer.getByRole('combobox', { name: 'Origin source' })).toHaveValue('wh-north');
	await transfer.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Back Room' });
	await transfer.getByRole('checkbox', { name: 'Unassign from source origin' }).check();
	await transfer.getByRole('button', { name: 'Transfer Inventory' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Transferred ${count(six['wh-north'], 'unit')} of 1 product`
	);
	const { 'wh-north': moved, ...rest } = six;
	expect(await itemsOf(page, 'SAMPLE-0006')).toEqual({ ...rest, backroom: six.backroom + moved });
});

test('the last unassign of a product says it will be left with no source', async ({ page }) => {
	await page.getByRole('searchbox', { name: 'Search products' }).fill('lone');
	await page.getByRole('checkbox', { name: 'Select SAMPLE-LONE' }).check();
	const dialog = await openAction(page, 'Unassign Inventory Source');
	await dialog.getByRole('checkbox', { name: 'Default Source', exact: true }).check();
	await dialog.getByRole('button', { name: 'Unassign Sources' }).click();
	await expect(dialog).toContainText('1 product will be left with no source.');
	await expect(dialog.getByRole('button', { name: 'Transfer instead' })).toHaveCount(0); // no units to lose
	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toHaveText('1 source item removed (0 units).');
	await expect(row(page, 'SAMPLE-LONE')).toContainText('No sources');
});

test('the menu and each dialog pass axe, and the keyboard reaches them', async ({ page }) => {
	const serious = async () =>
		(await new AxeBuilder({ page }).analyze()).violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help}`);
	await page.getByRole('checkbox', { name: 'Select SAMPLE-0001' }).check();
	const actions = page.getByRole('button', { name: 'Actions', exact: true });
	await actions.focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('menuitem', { name: 'Assign Inventory Source', exact: true })).toBeFocused();
	expect(await serious()).toEqual([]);
	for (const name of [
		'Assign Inventory Source',
		'Unassign Inventory Source',
		'Transfer Inventory To Source'
	]) {
		if (!(await page.getByRole('menu').isVisible())) await actions.click();
		await page.getByRole('menuitem', { name, exact: true }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		expect(await serious()).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog')).toBeHidden();
		await expect(actions).toBeFocused();
	}
});
