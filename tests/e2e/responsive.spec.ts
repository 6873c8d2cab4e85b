// Stockroom on a phone and on tablets: every page fits the screen's width, touch targets are big
// enough for a thumb, the Quantity per Source cell never cuts a number, the grid's search survives a
// visit to a product, disabled sources are marked, and the shell tells where the user is.
import { expect, test, type Page } from '@playwright/test';
import { newSource, type Source } from '../../src/lib/domain/types';
import { openApp } from './helpers';

type Engine = {
	saveSource(source: Source, original: null): Promise<{ ok: boolean }>;
	createProduct(draft: { sku: string; name: string; barcodes: string[] }): Promise<{ ok: boolean }>;
	saveProduct(
		sku: string,
		edit: {
			name: string;
			barcodes: string[];
			items: { source: string; quantity: string; status: ''; notifyQty: string }[];
		}
	): Promise<{ ok: boolean }>;
};

const PHONE = { width: 390, height: 844 };
const PORTRAIT = { width: 768, height: 1024 };
const LANDSCAPE = { width: 1024, height: 768 };
const LONG_CODE = 'a'.repeat(255);

/** `count` products, each on the same sources; the quantities have two and three digits. */
async function seed(page: Page, sources: Source[], count: number) {
	await page.evaluate(
		async ([sources, count]) => {
			const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
			for (const source of sources) await engine.saveSource(source, null);
			for (let i = 1; i <= count; i++) {
				const sku = `P-${String(i).padStart(3, '0')}`;
				await engine.createProduct({ sku, name: `Product number ${i}`, barcodes: [] });
				await engine.saveProduct(sku, {
					name: `Product number ${i}`,
					barcodes: [],
					items: ['default', ...sources.map((s) => s.code)].map((source, n) => ({
						source,
						quantity: String(10 + ((i * 37 + n * 101) % 990)),
						status: '',
						notifyQty: ''
					}))
				});
			}
		},
		[sources, count] as const
	);
}

const longSources = (count: number) =>
	Array.from({ length: count }, (_, i) => newSource(`loc-${i + 1}`, `Warehouse Location Number ${i + 1}`));

test.describe('every page fits the screen without sideways scrolling', () => {
	for (const viewport of [PHONE, PORTRAIT, LANDSCAPE]) {
		test(`at ${viewport.width}×${viewport.height}`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize(viewport);
			await openApp(page);
			await seed(page, [...longSources(7), newSource(LONG_CODE, 'N'.repeat(120))], 3);
			const pages = [
				'/',
				'/sources',
				'/sources/new',
				`/sources/${LONG_CODE}`,
				'/sources/default',
				'/products/P-001',
				'/import',
				'/export',
				'/count',
				'/history',
				'/settings',
				'/no-such-page'
			];
			const wide: string[] = [];
			for (const path of pages) {
				await page.goto(path);
				await page.getByRole('heading', { level: 1 }).first().waitFor();
				await page.waitForTimeout(250);
				if (path === '/sources') await page.getByRole('button', { name: 'Add source' }).click();
				const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
				if (width > viewport.width) wide.push(`${path}: ${width}px`);
			}
			expect(wide).toEqual([]);
		});
	}

	test('on a phone the product editor’s sticky action bar is one thin row', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await openApp(page);
		await seed(page, longSources(7), 1);
		await page.goto('/products/P-001');
		await expect(page.getByRole('table', { name: 'Sources' }).getByRole('row')).toHaveCount(9);
		const bar = await page
			.getByRole('button', { name: 'Save' })
			.evaluate((b) => b.closest('.actions-bar')!.getBoundingClientRect().height);
		// A taller bar, over the tab bar, would hide most of a phone's screen while scrolling the rows.
		expect(bar).toBeLessThanOrEqual(64);
	});
});

test('touch targets are at least 44 × 44 px, and tapping a selection cell toggles it', async ({ page }) => {
	await page.setViewportSize(PORTRAIT);
	await openApp(page);
	await seed(page, longSources(2), 3);
	await page.reload();
	const small: string[] = [];
	const measure = async (name: string, box: { width: number; height: number } | null) => {
		if (!box || box.width < 44 || box.height < 44) small.push(`${name}: ${box?.width}×${box?.height}`);
	};
	const target = (selector: string) =>
		page.locator(selector).evaluate((el) => {
			const rect = (el.closest('label') ?? el).getBoundingClientRect();
			return { width: rect.width, height: rect.height };
		});
	const grid = page.getByRole('table', { name: 'Products' });
	await measure('Select all', await target('input[aria-label="Select all"]'));
	await measure('Select P-001', await target('input[aria-label="Select P-001"]'));
	await measure('SKU link', await grid.getByRole('link', { name: 'P-001' }).boundingBox());

	await grid.getByRole('link', { name: 'P-001' }).click();
	await measure('← Products', await page.getByRole('link', { name: '← Products' }).boundingBox());
	await page.goto('/sources');
	const code = page.getByRole('table', { name: 'Sources' }).getByRole('link', { name: 'loc-1' });
	await measure('source code link', await code.boundingBox());
	await code.click();
	await measure('← Sources', await page.getByRole('link', { name: '← Sources' }).boundingBox());
	expect(small).toEqual([]);

	// A tap in the corner of the cell, away from the box itself, selects the row.
	await page.goto('/');
	const cell = grid.getByRole('row', { name: /P-002/ }).getByRole('cell').first();
	const box = (await cell.boundingBox())!;
	await page.mouse.click(box.x + 3, box.y + box.height - 3);
	await expect(grid.getByRole('checkbox', { name: 'Select P-002' })).toBeChecked();
	await expect(page.getByText('1 selected')).toBeVisible();
});

/** Per visible row: entries fully shown, entries cut, and the number behind `+N more`. */
async function quantityCells(page: Page) {
	return page.getByRole('table', { name: 'Products' }).evaluate((table) => {
		const ENTRY = /^[^:]+: [\d.,\s]+$/;
		const header = [...table.querySelectorAll('thead th')].findIndex((th) =>
			th.textContent!.includes('Quantity per Source')
		);
		return [...table.querySelectorAll('tbody tr')].map((tr) => {
			const cell = tr.children[header] as HTMLElement;
			const clips: Element[] = [];
			for (let el: Element | null = cell; el && el !== cell.parentElement;) {
				clips.push(el);
				el = el.parentElement;
			}
			const entries = [...cell.querySelectorAll('*')].filter(
				(el) => ENTRY.test(el.textContent!.trim()) && !ENTRY.test(el.parentElement!.textContent!.trim())
			);
			let shown = 0;
			const cut: string[] = [];
			for (const entry of entries) {
				const rect = entry.getBoundingClientRect();
				// Hidden, or the 1 px text for screen readers beside the entry's shown text.
				if (rect.width <= 1 || getComputedStyle(entry).visibility === 'hidden') continue;
				const inside = [cell, ...cell.querySelectorAll('*')]
					.filter((el) => el.contains(entry) && getComputedStyle(el).overflow !== 'visible')
					.every((el) => {
						const box = el.getBoundingClientRect();
						return (
							rect.left >= box.left - 0.5 &&
							rect.right <= box.right + 0.5 &&
							rect.top >= box.top - 0.5 &&
							rect.bottom <= box.bottom + 0.5
						);
					});
				const fits = (entry as HTMLElement).scrollWidth <= Math.ceil(rect.width) + 0.5;
				const outside = [cell, ...cell.querySelectorAll('*')]
					.filter((el) => el.contains(entry) && getComputedStyle(el).overflow !== 'visible')
					.some((el) => {
						const box = el.getBoundingClientRect();
						return rect.left >= box.right || rect.top >= box.bottom;
					});
				if (outside) continue;
				if (inside && fits) shown++;
				else cut.push(entry.textContent!.trim());
			}
			const more = /\+(\d+) more/.exec(cell.textContent!)?.[1];
			return { shown, cut, more: more === undefined ? 0 : Number(more) };
		});
	});
}

test.describe('the Quantity per Source cell never cuts a number', () => {
	for (const sources of [5, 8]) {
		test(`with ${sources} sources at 390, 768, 1024 and 1280 px`, async ({ page }) => {
			test.setTimeout(90_000);
			await openApp(page);
			await seed(page, longSources(sources - 1), 4);
			for (const width of [390, 768, 1024, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto('/');
				await expect(page.getByRole('table', { name: 'Products' }).getByRole('row')).toHaveCount(5);
				await page.waitForTimeout(200);
				const cells = await quantityCells(page);
				for (const cell of cells) {
					expect(cell.cut, `${width}px: cut entries`).toEqual([]);
					expect(cell.shown, `${width}px: at least one entry`).toBeGreaterThan(0);
					expect(cell.shown + cell.more, `${width}px: shown + more`).toBe(sources);
				}
			}
		});
	}
});

test('search, filters and sort survive opening a product, going back, reloading and a deep link', async ({
	page
}) => {
	await openApp(page);
	await seed(page, longSources(2), 12);
	await page.reload();
	const grid = page.getByRole('table', { name: 'Products' });
	const search = page.getByRole('searchbox', { name: 'Search products' });
	await search.fill('P-01');
	await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Warehouse Location Number 1' });
	await page.getByRole('combobox', { name: 'Stock status' }).selectOption({ label: 'In stock' });
	await grid.getByRole('button', { name: 'SKU' }).click(); // descending
	await expect(grid.getByRole('link').first()).toHaveText('P-012');
	await expect(grid.getByRole('link')).toHaveCount(3);

	const expectKept = async () => {
		await expect(search).toHaveValue('P-01');
		await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue('loc-1');
		await expect(page.getByRole('combobox', { name: 'Stock status' })).toHaveValue('in');
		await expect(grid.getByRole('link')).toHaveCount(3);
		await expect(grid.getByRole('link').first()).toHaveText('P-012');
	};
	await grid.getByRole('link', { name: 'P-011' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('P-011');
	await page.goBack();
	await expectKept();
	await page.reload();
	await expectKept();
	const deepLink = page.url();
	await page.goto('/sources');
	await page.goto(deepLink);
	await expectKept();
});

test('a disabled source is marked in the grid, and the Total header says what it adds up', async ({
	page
}) => {
	await openApp(page);
	await seed(
		page,
		[{ ...newSource('closed', 'Closed Shop'), enabled: false }, newSource('open', 'Open Shop')],
		1
	);
	await page.reload();
	const grid = page.getByRole('table', { name: 'Products' });
	const row = grid.getByRole('row', { name: /P-001/ });
	await expect(row).toContainText('Closed Shop (disabled):');
	await expect(row).not.toContainText('Open Shop (disabled)');
	const total = grid.getByRole('columnheader', { name: /Total/ });
	await expect(total).toHaveAttribute('title', /enabled sources/);
	// The row's numbers add up: the entries not marked disabled sum to Total.
	const numbers = await row.evaluate((tr) => {
		// What is read out: not the visual copy (aria-hidden) nor the closed full list (popover).
		let text = '';
		const walker = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const node = walker.currentNode;
			if (!node.parentElement!.closest('[aria-hidden="true"], [popover]')) text += `${node.textContent} `;
		}
		const entries = [...text.matchAll(/([A-Za-z ]+?)( \(disabled\))?: ([\d,.]+)/g)];
		const counted = entries.filter((m) => !m[2]).reduce((sum, m) => sum + Number(m[3].replace(/,/g, '')), 0);
		const cells = [...tr.querySelectorAll('td')];
		return { counted, total: Number(cells[cells.length - 1].textContent!.replace(/,/g, '')) };
	});
	expect(numbers.counted).toBe(numbers.total);
});

test.describe('the shell says where the user is', () => {
	test('portrait: More is current on its pages, and its menu marks the page', async ({ page }) => {
		await page.setViewportSize(PORTRAIT);
		await openApp(page);
		const nav = page.getByRole('navigation');
		const more = nav.getByRole('button', { name: 'More' });
		for (const [path, label] of [
			['/sources', 'Sources'],
			['/history', 'History'],
			['/settings', 'Settings']
		]) {
			await page.goto(path);
			await expect(more).toHaveAttribute('aria-current', 'true');
			await more.click();
			await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
			await page.keyboard.press('Escape');
		}
		await page.goto('/export');
		await expect(more).not.toHaveAttribute('aria-current', /.+/);
	});

	test('the 404 page marks no section as current', async ({ page }) => {
		await openApp(page);
		const nav = page.getByRole('navigation');
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
		await expect(nav.locator('[aria-current]')).toHaveCount(0);
	});

	test('a skip link is the first stop of Tab and moves focus to the main content', async ({ page }) => {
		await openApp(page, '/sources');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main')).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Add source' })).toBeFocused();
	});
});

test.describe('labels say what they are', () => {
	test.beforeEach(async ({ page }) => {
		await openApp(page);
		await seed(page, [newSource('wh-north', 'North Warehouse')], 1);
	});

	test('Export shows each source by name and code, named by its code', async ({ page }) => {
		await page.goto('/export');
		const sources = page.getByRole('group', { name: 'Sources' });
		const box = sources.getByRole('checkbox', { name: 'wh-north', exact: true });
		await expect(box).toBeVisible();
		const label = sources.locator('label').filter({ has: page.getByRole('checkbox', { name: 'wh-north' }) });
		await expect(label).toContainText('North Warehouse');
	});

	test('Undo scan’s accessible name contains its visible label', async ({ page }) => {
		await page.goto('/count');
		await page.getByRole('button', { name: 'New count' }).click();
		await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'North Warehouse' });
		await page.getByRole('button', { name: 'Start count' }).click();
		const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
		await field.fill('P-001');
		await field.press('Enter');
		const undo = page
			.getByRole('table', { name: 'Counted' })
			.getByRole('row', { name: /P-001/ })
			.getByRole('button')
			.first();
		await expect(undo).toHaveText('Undo scan');
		await expect(undo).toHaveAccessibleName('Undo scan of P-001');
	});
});
