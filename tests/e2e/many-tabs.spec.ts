// Two tabs (pages of one browser context, so one database) editing and importing the same product:
// nothing is lost, a field both changed is refused with both values, and each tab shows the final
// state without a reload.

import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { newSource, type Product, type Source } from '../../src/lib/domain/types';

type Engine = {
	saveSource(source: Source, original: null): Promise<{ ok: boolean }>;
	createProduct(draft: { sku: string; name: string; barcodes: string[] }): Promise<{ ok: boolean }>;
	saveProduct(sku: string, edit: unknown): Promise<{ ok: boolean }>;
	getProduct(sku: string): Promise<{ product: Product } | null>;
};

/** MB-01 "Duffle" at Back Room (56) and Drop Shipper (10). */
async function seed(page: Page) {
	const sources = [newSource('back', 'Back Room'), newSource('drop', 'Drop Shipper')];
	await page.evaluate(async (sources) => {
		const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
		for (const source of sources) await engine.saveSource(source, null);
		await engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: ['111'] });
		await engine.saveProduct('MB-01', {
			name: 'Duffle',
			barcodes: ['111'],
			items: [
				{ source: 'back', quantity: '56', status: '', notifyQty: '' },
				{ source: 'drop', quantity: '10', status: '', notifyQty: '' }
			]
		});
	}, sources);
}

async function stored(page: Page) {
	const detail = await page.evaluate(
		() => (window as unknown as { stockroomEngine: Engine }).stockroomEngine.getProduct('MB-01'),
		undefined
	);
	const product = detail!.product;
	return {
		name: product.name,
		barcodes: product.barcodes,
		...Object.fromEntries(product.items.map((i) => [i.source, i.quantity]))
	};
}

const quantity = (page: Page, source: string) =>
	page.getByRole('row', { name: new RegExp(source) }).getByLabel('Quantity', { exact: true });

async function twoTabsOnTheProduct(context: BrowserContext): Promise<[Page, Page]> {
	const a = await context.newPage();
	await openApp(a, '/');
	await seed(a);
	await a.goto('/products/MB-01');
	const b = await context.newPage();
	await b.goto('/products/MB-01');
	for (const page of [a, b]) await expect(quantity(page, 'Back Room')).toHaveValue('56');
	return [a, b];
}

test('a save in one tab keeps the field another tab saved meanwhile', async ({ context }) => {
	const [a, b] = await twoTabsOnTheProduct(context);
	await quantity(b, 'Drop Shipper').fill('80');
	await quantity(a, 'Back Room').fill('70');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	// B's unsaved form takes in the field it did not touch, and keeps the one it did.
	await expect(quantity(b, 'Back Room')).toHaveValue('70');
	await expect(quantity(b, 'Drop Shipper')).toHaveValue('80');
	await b.getByRole('button', { name: 'Save' }).click();
	await expect(b.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	expect(await stored(b)).toMatchObject({ back: 70, drop: 80 });
	await expect(quantity(a, 'Drop Shipper')).toHaveValue('80');
	await expect(quantity(a, 'Back Room')).toHaveValue('70');
});

test('the second save of one field is refused with both values, then "Use mine" saves it', async ({
	context
}) => {
	const [a, b] = await twoTabsOnTheProduct(context);
	await quantity(b, 'Back Room').fill('222');
	await quantity(a, 'Back Room').fill('111');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	await b.getByRole('button', { name: 'Save' }).click();
	const alert = b.getByRole('alert').filter({ hasText: 'Another tab or device changed a field of MB-01' });
	await expect(alert).toContainText('Back Room quantity: theirs 111, yours 222 (was 56 when you opened it)');
	expect(await stored(b)).toMatchObject({ back: 111 });
	await expect(quantity(b, 'Back Room')).toHaveValue('222');
	await alert.getByRole('button', { name: 'Use mine' }).click();
	await expect(b.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	expect(await stored(b)).toMatchObject({ back: 222, drop: 10 });
	await expect(quantity(a, 'Back Room')).toHaveValue('222');
});

test('names and barcodes changed in both tabs: "Take theirs" shows the other tab\'s values', async ({
	context
}) => {
	const [a, b] = await twoTabsOnTheProduct(context);
	await b.getByLabel('Name').fill('Duffle from B');
	await b.getByLabel('Barcodes').fill('444');
	await quantity(b, 'Drop Shipper').fill('12');
	await a.getByLabel('Name').fill('Duffle from A');
	await a.getByLabel('Barcodes').fill('333');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	await b.getByRole('button', { name: 'Save' }).click();
	const alert = b.getByRole('alert').filter({ hasText: 'changed 2 fields of MB-01' });
	await expect(alert).toContainText('Name: theirs Duffle from A, yours Duffle from B');
	await expect(alert).toContainText('Barcodes: theirs 333, yours 444');
	expect(await stored(b)).toMatchObject({ name: 'Duffle from A', barcodes: ['333'], drop: 10 });
	await alert.getByRole('button', { name: 'Take theirs' }).click();
	await expect(b.getByLabel('Name')).toHaveValue('Duffle from A');
	await expect(b.getByLabel('Barcodes')).toHaveValue('333');
	// The change nobody else made is still there, unsaved, and saves alone.
	await expect(quantity(b, 'Drop Shipper')).toHaveValue('12');
	await b.getByRole('button', { name: 'Save' }).click();
	await expect(b.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	expect(await stored(b)).toMatchObject({ name: 'Duffle from A', barcodes: ['333'], back: 56, drop: 12 });
});

test('one tab imports while the other edits: no lost update, both show the final state', async ({
	context
}) => {
	const [a, b] = await twoTabsOnTheProduct(context);
	await quantity(a, 'Back Room').fill('70');
	await b.goto('/import');
	await b.getByLabel('Select file to import').setInputFiles({
		name: 'stock.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('source_code,sku,status,quantity\ndrop,MB-01,1,5\nback,MB-02,1,3\n')
	});
	await b.getByRole('button', { name: 'Check Data' }).click();
	await b.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(b.getByRole('main').getByRole('status')).toContainText('Import successfully done');
	// A is still editing Back Room: the imported Drop Shipper quantity appears in its form.
	await expect(quantity(a, 'Drop Shipper')).toHaveValue('5');
	await expect(quantity(a, 'Back Room')).toHaveValue('70');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();
	expect(await stored(a)).toMatchObject({ back: 70, drop: 5 });
	// B, without a reload, finds both products with the final figures.
	await b.getByRole('link', { name: 'Products' }).first().click();
	const grid = b.getByRole('table', { name: 'Products' });
	await expect(grid.getByRole('row', { name: /MB-01/ })).toHaveAccessibleName(
		'Select MB-01 MB-01 Duffle Back Room: 70 Drop Shipper: 5 75'
	);
	await expect(grid.getByRole('row', { name: /MB-02/ })).toHaveAccessibleName(
		'Select MB-02 MB-02 Back Room: 3 3'
	);
});

test('an Unassign confirmed on figures another tab changed is refused and shows the new figures', async ({
	context
}) => {
	const a = await context.newPage();
	await openApp(a, '/');
	await seed(a);
	const b = await context.newPage();
	await openApp(b, '/');
	await b.getByRole('checkbox', { name: 'Select MB-01', exact: true }).check();
	await b.getByRole('button', { name: 'Actions', exact: true }).click();
	await b.getByRole('menuitem', { name: 'Unassign Inventory Source', exact: true }).click();
	const dialog = b.getByRole('dialog');
	await dialog.getByRole('checkbox', { name: 'Back Room', exact: true }).check();
	await dialog.getByRole('button', { name: 'Unassign Sources' }).click();
	await expect(dialog).toContainText('This removes 1 source item holding 56 units from 1 selected product.');
	// Meanwhile tab A counts 70 at Back Room.
	await a.goto('/products/MB-01');
	await quantity(a, 'Back Room').fill('70');
	await a.getByRole('button', { name: 'Save' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Saved MB-01.' })).toBeVisible();

	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await expect(dialog).toContainText(
		'Another tab or device changed the selected products: this now removes 1 source item holding 70 units, not 1 source item holding 56 units. Nothing was changed: check the new figures and confirm again.'
	);
	await expect(dialog).toContainText('This removes 1 source item holding 70 units from 1 selected product.');
	expect(await stored(b)).toMatchObject({ back: 70, drop: 10 });
	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await expect(b.getByRole('status').first()).toContainText('1 source item removed (70 units).');
	expect(await stored(b)).not.toHaveProperty('back');
	await expect(quantity(a, 'Back Room')).toHaveCount(0); // tab A's page shows it without a reload
});
