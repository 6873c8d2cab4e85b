// Durability as the browser really fails: the browser killed (SIGKILL) in the middle of a large write,
// the profile on a disk that fills up during a large import, and the site's IndexedDB cleared between
// two visits. Each test uses its own browser profile, so a restart sees exactly what was on disk.

import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { newSource } from '../../src/lib/domain/types';

const SOURCES = ['src-1', 'src-2', 'src-3', 'src-4', 'src-5'];
const HEADER = 'source_code,sku,status,quantity\n';
const SMALL_ROWS = 'default,SMALL-1,1,5\n';

type Engine = {
	saveSource(source: unknown, original: null): Promise<{ ok: boolean }>;
	exportCsv(jobId: string, entity: string, filters: unknown): Promise<{ blob: Blob }>;
	listOperations(offset: number, limit: number): Promise<{ total: number }>;
	start(): Promise<{ products: number; sources: number }>;
	storageHealth(
		marker: unknown
	): Promise<{ lost: boolean; now: { seq: number }; copy: { seq: number } | null }>;
	addSampleData(count: number, sources: number): Promise<number>;
	transferInventory(jobId: string, selection: unknown, input: unknown): Promise<{ status: string }>;
	newCount(input: unknown): Promise<{ ok: boolean; value: { count: { id: string } } }>;
	importCounts(id: string, files: File[]): Promise<{ ok: boolean }>;
	applyCount(jobId: string, id: string, uncounted: 'leave'): Promise<{ ok: boolean }>;
	listCounts(): Promise<{ count: { status: string } }[]>;
};

const TRANSFER = { origin: 'wh-north', destination: 'shop-1', unassignOrigin: false };
const EVERYTHING = {
	mode: 'all',
	query: { search: '', source: null, stock: 'any', sort: 'sku', descending: false },
	except: []
};

/** `rows` Stock Sources rows over src-1..src-5, SKUs in export order (the export's exact text). */
function stockCsv(rows: number): string {
	const lines: string[] = [];
	for (let r = 0; r < rows; r++) {
		const quantity = (r * 7919) % 500;
		const sku = `SKU-${String(Math.floor(r / 5) + 1).padStart(7, '0')}`;
		lines.push(`${SOURCES[r % 5]},${sku},${quantity > 0 ? 1 : 0},${quantity}\n`);
	}
	return lines.join('');
}

const workDir = mkdtempSync(join(tmpdir(), 'stockroom-durability-'));
test.afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function writeFile(name: string, text: string): string {
	const path = join(workDir, name);
	writeFileSync(path, text);
	return path;
}

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(profile, {
		...chromiumLaunch,
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 1280, height: 800 }
	});
	return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await page.waitForFunction(() => 'stockroomEngine' in window);
}

type WithEngine = { stockroomEngine: Engine };

async function addSources(page: Page) {
	const sources = SOURCES.map((code) => newSource(code, `Source ${code}`));
	await page.evaluate(async (list) => {
		const engine = (window as unknown as WithEngine).stockroomEngine;
		for (const source of list) await engine.saveSource(source, null);
	}, sources);
}

/** Everything the stock export holds, hashed, with the history length. */
async function snapshot(page: Page): Promise<{ hash: string; operations: number; products: number }> {
	return page.evaluate(async () => {
		const engine = (window as unknown as WithEngine).stockroomEngine;
		const filters = { sources: [], skuContains: '', status: 'any', quantityFrom: null, quantityTo: null };
		const blob = (await engine.exportCsv('durability', 'stock-sources', filters)).blob;
		const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
		const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
		return {
			hash,
			operations: (await engine.listOperations(0, 1)).total,
			products: (await engine.start()).products
		};
	});
}

/** The stock as a restored copy holds it: the copy leaves the history out (a backup file has it). */
const stock = ({ hash, products }: { hash: string; products: number }) => ({ hash, products });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Waits until the last-good copy holds the database's latest write. */
async function copyIsCurrent(page: Page) {
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const engine = (window as unknown as WithEngine).stockroomEngine;
					const health = await engine.storageHealth(null);
					return health.copy !== null && health.copy.seq === health.now.seq;
				}),
			{ timeout: 15_000 }
		)
		.toBe(true);
}

async function importFile(page: Page, path: string) {
	await open(page, '/import');
	await page.getByLabel('Select file to import').setInputFiles(path);
	await page.getByRole('button', { name: 'Check Data' }).click();
	const importButton = page.getByRole('button', { name: 'Import', exact: true });
	await expect(importButton).toBeEnabled({ timeout: 60_000 });
	await importButton.click();
}

/** The browser's own process (not a renderer or helper) for this profile. */
function browserPid(profile: string): number {
	const lines = execSync('ps -eo pid=,args=').toString().split('\n');
	const main = lines.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
	if (!main) throw new Error(`No browser process found for ${profile}`);
	return Number(main.trim().split(/\s+/)[0]);
}

/** SIGKILL the browser as soon as `phase` shows on the page (the write is then under way). */
async function killDuring(page: Page, profile: string, phase: string) {
	const pid = browserPid(profile);
	await page.getByText(phase).waitFor({ timeout: 120_000 });
	process.kill(pid, 'SIGKILL');
	await expect
		.poll(() => {
			try {
				process.kill(pid, 0);
				return 'alive';
			} catch {
				return 'gone';
			}
		})
		.toBe('gone');
}

test.describe('Crash mid-write', () => {
	test('a 1,000,000-row import killed while saving leaves exactly the before- or the after-state', async () => {
		test.setTimeout(240_000);
		const profile = mkdtempSync(join(workDir, 'crash-import-'));
		const big = stockCsv(1_000_000);
		const bigFile = writeFile('crash-1m.csv', HEADER + big);
		const smallFile = writeFile('crash-small.csv', 'source_code,sku,quantity\ndefault,SMALL-1,5\n');
		let { context, page } = await launch(profile);
		await open(page, '/');
		await addSources(page);
		await importFile(page, smallFile);
		await expect(page.getByText('Import successfully done')).toBeVisible();
		await copyIsCurrent(page);
		const before = await snapshot(page);

		await importFile(page, bigFile);
		await killDuring(page, profile, 'Saving all changes in one step');
		await context.close().catch(() => {});

		({ context, page } = await launch(profile));
		await open(page, '/');
		const after = await snapshot(page);
		const expectedAfter = { hash: sha256(HEADER + big + SMALL_ROWS), operations: 2, products: 200_001 };
		expect([before, expectedAfter]).toContainEqual(after);
		test.info().annotations.push({
			type: 'outcome',
			description: after.hash === before.hash ? 'before-state (the write had not committed)' : 'after-state'
		});
		// No false alarm after a crash, and the app still works: a further import succeeds.
		await expect(page.getByText('Stockroom’s database lost data.')).toHaveCount(0);
		await importFile(page, writeFile('crash-next.csv', 'source_code,sku,quantity\ndefault,NEXT-1,3\n'));
		await expect(page.getByText('Import successfully done')).toBeVisible();
		await context.close();
	});
});

/** The state a transfer of every product's wh-north stock to shop-1 leads to, from fresh sample data. */
async function transferReference(page: Page, products: number) {
	await open(page, '/');
	await page.evaluate(
		async ([products, selection, input]) => {
			const engine = (window as unknown as WithEngine).stockroomEngine;
			await engine.addSampleData(products, 2);
			const result = await engine.transferInventory('reference', selection, input);
			if (result.status !== 'done') throw new Error(`reference transfer: ${JSON.stringify(result)}`);
		},
		[products, EVERYTHING, TRANSFER] as const
	);
	return snapshot(page);
}

test.describe('Crash mid-transfer', () => {
	test('a transfer of 200,000 products killed while saving leaves exactly the before- or the after-state', async ({
		page
	}) => {
		test.setTimeout(240_000);
		const products = 200_000;
		const expectedAfter = await transferReference(page, products);
		const profile = mkdtempSync(join(workDir, 'crash-transfer-'));
		let { context, page: tab } = await launch(profile);
		await open(tab, '/');
		await tab.evaluate(
			(n) => (window as unknown as WithEngine).stockroomEngine.addSampleData(n, 2),
			products
		);
		await copyIsCurrent(tab);
		const before = await snapshot(tab);
		expect(before.hash).not.toBe(expectedAfter.hash);

		await open(tab, '/');
		await tab.getByRole('checkbox', { name: 'Select all' }).check();
		await tab.getByRole('button', { name: 'Actions', exact: true }).click();
		await tab.getByRole('menuitem', { name: 'Transfer Inventory To Source', exact: true }).click();
		const dialog = tab.getByRole('dialog');
		await dialog.getByRole('combobox', { name: 'Origin source' }).selectOption({ label: 'North Warehouse' });
		await dialog.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'Shop Floor' });
		await dialog.getByRole('button', { name: 'Transfer Inventory' }).click();
		await killDuring(tab, profile, 'Saving');
		await context.close().catch(() => {});

		({ context, page: tab } = await launch(profile));
		await open(tab, '/');
		const after = await snapshot(tab);
		expect([before, expectedAfter]).toContainEqual(after);
		test.info().annotations.push({
			type: 'outcome',
			description: after.hash === before.hash ? 'before-state (the write had not committed)' : 'after-state'
		});
		await expect(tab.getByText('Stockroom’s database lost data.')).toHaveCount(0);
		await expect(
			tab.getByText(`${products.toLocaleString('en-US')} of ${products.toLocaleString('en-US')} products`)
		).toBeVisible();
		await context.close();
	});
});

/** A count file of wh-north for sample products 1..`lines`, each counted 60-99 (sample stock is 0-59). */
function countCsv(lines: number): string {
	const rows = [HEADER];
	for (let i = 1; i <= lines; i++)
		rows.push(`wh-north,SAMPLE-${String(i).padStart(6, '0')},1,${60 + (i % 40)}\n`);
	return rows.join('');
}

/** The Stock Sources export as text: the stock exactly as the app holds it. */
function exportText(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const engine = (window as unknown as WithEngine).stockroomEngine;
		const filters = { sources: [], skuContains: '', status: 'any', quantityFrom: null, quantityTo: null };
		return (await engine.exportCsv('durability', 'stock-sources', filters)).blob.text();
	});
}

/** The export once `countCsv` is applied: each wh-north row takes its counted quantity, in stock. */
function afterCount(exported: string): string {
	return exported.replace(
		/^wh-north,SAMPLE-(\d+),[01],\d+$/gm,
		(_, n: string) => `wh-north,SAMPLE-${n},1,${60 + (Number(n) % 40)}`
	);
}

const countStatuses = (page: Page) =>
	page.evaluate(async () =>
		(await (window as unknown as WithEngine).stockroomEngine.listCounts()).map((c) => c.count.status)
	);

test.describe('Crash mid-count', () => {
	test('applying a count of 100,000 lines killed while saving leaves exactly the before- or the after-state', async () => {
		test.setTimeout(240_000);
		const lines = 100_000;
		const csv = countCsv(lines);
		const profile = mkdtempSync(join(workDir, 'crash-count-'));
		let { context, page: tab } = await launch(profile);
		await open(tab, '/');
		await tab.evaluate((n) => (window as unknown as WithEngine).stockroomEngine.addSampleData(n, 2), lines);
		await copyIsCurrent(tab);

		await open(tab, '/count');
		await tab.getByRole('button', { name: 'New count' }).click();
		await tab.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'North Warehouse' });
		await tab.getByRole('button', { name: 'Start count' }).click();
		await tab.locator('input[type=file]').setInputFiles(writeFile('count-100k.csv', csv));
		await expect(tab.getByText(`Added ${lines.toLocaleString('en-US')} lines`)).toBeVisible({
			timeout: 60_000
		});
		const before = await snapshot(tab);
		const expectedText = afterCount(await exportText(tab));
		const expectedAfter = { hash: sha256(expectedText), operations: before.operations + 1, products: lines };
		// Every counted line differs from the stock, so the two states can be told apart.
		expect(expectedText.match(/^wh-north,/gm)).toHaveLength(lines);
		expect(expectedAfter.hash).not.toBe(before.hash);
		expect(await countStatuses(tab)).toEqual(['open']);

		await tab.getByRole('button', { name: 'Review' }).click();
		await tab.getByRole('button', { name: 'Apply count' }).click({ timeout: 60_000 });
		const startedAt = Date.now();
		await killDuring(tab, profile, 'Saving all changes in one step');
		const killedAfter = Date.now() - startedAt;
		await context.close().catch(() => {});

		({ context, page: tab } = await launch(profile));
		await open(tab, '/');
		const after = await snapshot(tab);
		expect([before, expectedAfter]).toContainEqual(after);
		const applied = after.hash === expectedAfter.hash;
		// The count's state went with the stock, in the same transaction.
		expect(await countStatuses(tab)).toEqual([applied ? 'applied' : 'open']);
		test.info().annotations.push({
			type: 'outcome',
			description: `${applied ? 'after-state' : 'before-state (the write had not committed)'}; killed ${killedAfter} ms after Apply count`
		});
		await expect(tab.getByText('Stockroom’s database lost data.')).toHaveCount(0);
		if (!applied) {
			// The count survived the crash open: resumed and applied, it reaches the after-state.
			await open(tab, '/count');
			await tab.getByRole('button', { name: 'Resume' }).click();
			await tab.getByRole('button', { name: 'Review' }).click();
			await tab.getByRole('button', { name: 'Apply count' }).click({ timeout: 60_000 });
			await tab.getByText('Saving all changes in one step').waitFor();
			const savingFrom = Date.now();
			const done = tab
				.getByRole('status')
				.filter({ hasText: 'Stock take at North Warehouse: 100,000 products' });
			await expect(done).toBeVisible({ timeout: 60_000 });
			// How long the phase the crash landed in lasts when the write runs to its end.
			test.info().annotations.push({ type: 'write', description: `${Date.now() - savingFrom} ms of saving` });
			expect(await snapshot(tab)).toEqual(expectedAfter);
			expect(await countStatuses(tab)).toEqual(['applied']);
		}
		await importFile(tab, writeFile('count-next.csv', 'source_code,sku,quantity\ndefault,NEXT-1,3\n'));
		await expect(tab.getByText('Import successfully done')).toBeVisible();
		await context.close();
	});
});

test.describe('Eviction', () => {
	test('IndexedDB cleared between two visits: the app says the data is gone and restores the copy in one tap', async ({
		page
	}) => {
		await open(page, '/');
		await page.evaluate(() => (window as unknown as WithEngine).stockroomEngine.addSampleData(40, 3));
		await expect(page.getByText('40 of 40 products')).toBeVisible();
		await copyIsCurrent(page);
		const before = await snapshot(page);

		const cdp = await page.context().newCDPSession(page);
		await page.goto('about:blank');
		const origin = new URL(test.info().project.use.baseURL!).origin;
		await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });

		await open(page, '/');
		const alert = page.getByRole('alert').filter({ hasText: 'Stockroom’s database lost data.' });
		await expect(alert).toBeVisible();
		await expect(alert).toContainText('This device held 40 products; the database now holds 0.');
		await expect(alert.getByRole('link', { name: 'Restore from backup' })).toBeVisible();
		await alert.getByRole('button', { name: /^Restore the copy from / }).click();
		await expect(page.getByText('40 of 40 products')).toBeVisible();
		await expect(alert).toHaveCount(0);
		expect(stock(await snapshot(page))).toEqual(stock(before));
	});
});

/** Mounts a small tmpfs for a browser profile; null where mounting is not permitted (not root). */
function smallDisk(name: string, size: string): string | null {
	const dir = join(workDir, name);
	mkdirSync(dir, { recursive: true });
	try {
		execSync(`mount -t tmpfs -o size=${size} tmpfs ${dir}`, { stdio: 'ignore' });
		return dir;
	} catch {
		return null;
	}
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** When the database lost data (as the page's own check finds), the notice shows and restores in one tap. */
async function recoverIfLost(page: Page) {
	const lostNow = await page.evaluate(async () => {
		const marker = JSON.parse(localStorage.getItem('stockroom.dataMarker') ?? 'null');
		return (await (window as unknown as WithEngine).stockroomEngine.storageHealth(marker)).lost;
	});
	if (!lostNow) return;
	const lost = page.getByRole('alert').filter({ hasText: 'Stockroom’s database lost data.' });
	await lost.getByRole('button', { name: /^Restore the copy from / }).click();
	await expect(lost).toHaveCount(0);
}

/**
 * After the browser restarts on the full disk: the data from before (or, when the write had committed
 * before the browser lost the database, from after it), restored in one tap if it was lost.
 */
async function restartAndRecover(profile: string, ...acceptable: Snapshot[]) {
	const { context, page } = await launch(profile);
	await open(page, '/');
	await recoverIfLost(page);
	expect(acceptable.map(stock)).toContainEqual(stock(await snapshot(page)));
	return { context, page };
}

/**
 * A write on a nearly full disk: Chromium refuses it (QuotaExceededError), or deletes the database
 * during the failed write, or (the write just fitted) deletes it right after, when its files grow.
 */
const outOfSpace = (scope: Page | Locator) =>
	scope.getByText(/ran out of storage space/).or(scope.getByText('Stockroom’s database lost data.'));

/** Lazily, and never failing the test: a browser that is still closing may hold the mount. */
function unmount(dir: string) {
	try {
		execSync(`umount -l ${dir}`, { stdio: 'ignore' });
	} catch {
		// already gone
	}
}

test.describe('Full disk', () => {
	test('a 1,000,000-row import on a 12 MB disk: the message says so and the data from before comes back', async () => {
		test.setTimeout(240_000);
		const disk = smallDisk('disk-import', '12m');
		test.skip(disk === null, 'Mounting a tmpfs needs root (mount -t tmpfs); skipped here.');
		try {
			const { context, page } = await launch(disk!);
			await open(page, '/');
			await addSources(page);
			await importFile(page, writeFile('disk-small.csv', 'source_code,sku,quantity\ndefault,SMALL-1,5\n'));
			await expect(page.getByText('Import successfully done')).toBeVisible();
			await copyIsCurrent(page);
			const before = await snapshot(page);

			await importFile(page, writeFile('disk-1m.csv', HEADER + stockCsv(1_000_000)));
			await expect(outOfSpace(page).first()).toBeVisible({ timeout: 120_000 });
			await expect(page.getByText('Import successfully done')).toHaveCount(0);
			await context.close();

			const restarted = await restartAndRecover(disk!, before);
			const stored = await restarted.page.evaluate(() =>
				(window as unknown as WithEngine).stockroomEngine.start()
			);
			expect(stored.sources).toBe(6);
			await restarted.context.close();
		} finally {
			unmount(disk!);
		}
	});

	test('a transfer of 48,000 products on a 12 MB disk: the page says so and the data from before comes back', async ({
		page: reference
	}) => {
		test.setTimeout(240_000);
		const expectedAfter = await transferReference(reference, 48_000);
		const disk = smallDisk('disk-transfer', '12m');
		test.skip(disk === null, 'Mounting a tmpfs needs root (mount -t tmpfs); skipped here.');
		try {
			const { context, page } = await launch(disk!);
			await open(page, '/');
			await page.evaluate(() => (window as unknown as WithEngine).stockroomEngine.addSampleData(48_000, 2));
			await copyIsCurrent(page);
			const before = await snapshot(page);

			await open(page, '/');
			await page.getByRole('checkbox', { name: 'Select all' }).check();
			await page.getByRole('button', { name: 'Actions', exact: true }).click();
			await page.getByRole('menuitem', { name: 'Transfer Inventory To Source', exact: true }).click();
			const dialog = page.getByRole('dialog');
			await dialog
				.getByRole('combobox', { name: 'Origin source' })
				.selectOption({ label: 'North Warehouse' });
			await dialog
				.getByRole('combobox', { name: 'Destination source' })
				.selectOption({ label: 'Shop Floor' });
			await dialog.getByRole('button', { name: 'Transfer Inventory' }).click();
			await expect(outOfSpace(page).first()).toBeVisible({ timeout: 60_000 });
			// Tapped at once, the copy comes back from the worker's memory even when the disk kept nothing.
			await recoverIfLost(page);
			const recovered = await snapshot(page);
			expect([before, expectedAfter].map(stock)).toContainEqual(stock(recovered));
			await context.close();

			const restarted = await restartAndRecover(disk!, recovered);
			await restarted.context.close();
		} finally {
			unmount(disk!);
		}
	});
});
