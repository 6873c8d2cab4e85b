import { afterEach, describe, expect, it } from 'vitest';
import { readAllPages } from '$lib/db/pages';
import { applyChangeSet } from '$lib/db/applyChangeSet';
import { StockroomDb } from '$lib/db/schema';
import type { Outcome } from '$lib/domain/outcome';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { newSource, type Product } from '$lib/domain/types';
import { createEngine } from './api';
import { Store, UserError, type ChangeTopic } from './store';

const STALE_MESSAGE =
	'Another tab changed these products a moment ago. The view is now up to date: please try again.';

let closing: { close(): void }[] = [];
let counter = 0;
function openTab(name = `store-test-${Date.now()}-${++counter}`) {
	const store = new Store(name);
	closing.push(store);
	return { engine: createEngine(store), store, name };
}
type Tab = ReturnType<typeof openTab>;

afterEach(() => {
	closing.forEach((c) => c.close());
	closing = [];
});

function value<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
	return outcome.value;
}

/** Waits until `check` holds: another tab's update arrives asynchronously, by BroadcastChannel. */
async function eventually(what: string, check: () => Promise<boolean> | boolean, timeout = 10_000) {
	const deadline = Date.now() + timeout;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function skus(tab: Tab, query = ALL_PRODUCTS): Promise<string[]> {
	return (await tab.engine.queryProducts(query, 0, 100_000)).rows.map((r) => r.sku);
}

const oneItem = (source: string, quantity: string) => [
	{ source, quantity, status: '' as const, notifyQty: '' }
];

describe('Store: cross-tab refresh', { timeout: 20_000 }, () => {
	it('shows a product created, edited and deleted in one tab in the other without a reload', async () => {
		const first = openTab();
		const second = openTab(first.name);
		await Promise.all([first.engine.start(), second.engine.start()]);
		const topics: ChangeTopic[][] = [];
		await second.engine.subscribe((t) => topics.push(t));

		value(await first.engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: ['0730143312691'] }));
		await eventually('the second tab sees MB-01', async () => (await skus(second)).length === 1);
		expect(await skus(second)).toEqual(['MB-01']);
		expect(await skus(second, { ...ALL_PRODUCTS, search: '0730143312691' })).toEqual(['MB-01']);
		expect(topics.some((t) => t.includes('products'))).toBe(true);

		value(
			await first.engine.saveProduct('MB-01', {
				name: 'Duffle Bag',
				barcodes: ['4006381333931'],
				items: oneItem('default', '12')
			})
		);
		await eventually(
			'the second tab sees the edit',
			async () => (await second.engine.getProduct('mb-01'))?.product.name === 'Duffle Bag'
		);
		const window = await second.engine.queryProducts(ALL_PRODUCTS, 0, 10);
		expect(window.rows[0]).toMatchObject({ sku: 'MB-01', name: 'Duffle Bag', total: 12 });
		expect(await skus(second, { ...ALL_PRODUCTS, search: '0730143312691' })).toEqual([]);
		expect(await skus(second, { ...ALL_PRODUCTS, search: '4006381333931' })).toEqual(['MB-01']);

		value(await first.engine.deleteProduct('MB-01'));
		await eventually('the second tab sees the deletion', async () => (await skus(second)).length === 0);
		expect(await second.engine.getProduct('MB-01')).toBeNull();
		expect(await skus(second, { ...ALL_PRODUCTS, search: '4006381333931' })).toEqual([]);
		expect(second.store.inventory.size).toBe(0);
	});

	it('follows a page split and a merge made in another tab', async () => {
		const first = openTab();
		const second = openTab(first.name);
		value(await first.engine.createProduct({ sku: 'AAA-1', name: 'First', barcodes: [] }));
		await second.engine.start();
		expect(second.store.inventory.pageIds()).toHaveLength(1);

		// 2,500 more products in one write: the one page splits.
		expect(await first.engine.addSampleData(2500, 2)).toBe(2500);
		const pages = first.store.inventory.pageIds().sort();
		expect(pages.length).toBeGreaterThan(1);
		await eventually('the second tab has all 2,501 products', () => second.store.inventory.size === 2501);
		expect(second.store.inventory.pageIds().sort()).toEqual(pages);
		expect(second.store.inventory.sortedKeys()).toEqual(first.store.inventory.sortedKeys());
		expect(await skus(second)).toEqual(await skus(first));
		expect((await second.engine.sourceUsage()).map((s) => s.source.code)).toContain('wh-north');
		const lastPage = await second.engine.queryProducts(ALL_PRODUCTS, 2500, 10);
		expect(lastPage.rows.map((r) => r.sku)).toEqual(['SAMPLE-2500']);

		// Deleting most of the middle products shrinks a page below the minimum: it merges.
		const middle = first.store.inventory.sortedKeys().slice(900, 1700);
		await first.store.commit({
			kind: 'delete-product',
			summary: 'middle removed',
			changes: middle.map((key) => ({ key, before: first.store.inventory.get(key)!, after: null }))
		});
		expect(first.store.inventory.pageIds().length).toBeLessThan(pages.length);
		await eventually('the second tab has 1,701 products', () => second.store.inventory.size === 1701);
		expect(second.store.inventory.pageIds().sort()).toEqual(first.store.inventory.pageIds().sort());
		expect(second.store.inventory.sortedKeys()).toEqual(first.store.inventory.sortedKeys());
		expect(second.store.inventory.get(middle[0])).toBeUndefined();
	});

	it('shows a new source in the other tab and switches it to multi-source totals', async () => {
		const first = openTab();
		const second = openTab(first.name);
		await second.engine.start();
		value(await first.engine.saveSource(newSource('eu-1', 'EU 1'), null));
		await eventually(
			'the second tab lists eu-1',
			async () => (await second.engine.sourceUsage()).length === 2
		);
		expect((await second.engine.sourceUsage()).map((s) => s.source.name)).toEqual(['Default Source', 'EU 1']);
	});
});

describe('Store: concurrent writers', { timeout: 20_000 }, () => {
	async function withStaleProduct() {
		const tab = openTab();
		value(await tab.engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: [] }));
		const before = tab.store.inventory.getBySku('MB-01')!;
		const changed: Product = { ...before, items: [{ ...before.items[0], quantity: 7, status: 1 }] };
		// Another writer (no BroadcastChannel message, so this tab's memory stays behind).
		const other = new StockroomDb(tab.name);
		closing.push(other);
		await applyChangeSet(other, {
			kind: 'edit',
			summary: 'elsewhere',
			changes: [{ key: 'mb-01', before, after: changed }]
		});
		const topics: ChangeTopic[][] = [];
		tab.store.subscribe((t) => topics.push(t));
		return { tab, changed, topics };
	}

	it('turns an edit of stale data into a conflict with both values, changes nothing, and reloads the view', async () => {
		const { tab, changed, topics } = await withStaleProduct();
		expect(tab.store.inventory.getBySku('MB-01')?.items[0].quantity).toBe(0);

		const saved = await tab.engine.saveProduct('MB-01', {
			name: 'Duffle',
			barcodes: [],
			items: oneItem('default', '3')
		});
		expect(saved).toMatchObject({
			ok: false,
			conflicts: [{ field: 'items.default.quantity', loaded: 0, theirs: 7, yours: 3 }]
		});
		expect(topics).toContainEqual(['products']);
		expect((await tab.engine.getProduct('MB-01'))?.product).toEqual(changed);
		const stored = (await readAllPages(tab.store.db)).flatMap((p) => p.products);
		expect(stored).toEqual([changed]);
		expect((await tab.store.db.operations.toArray()).map((o) => o.summary)).toEqual([
			'Product MB-01 added',
			'elsewhere'
		]);

		// Now up to date, the same edit goes through.
		const again = await tab.engine.saveProduct('MB-01', {
			name: 'Duffle',
			barcodes: [],
			items: oneItem('default', '3')
		});
		expect(value(again).product.items[0].quantity).toBe(3);
	});

	it('refuses to delete a product that changed elsewhere', async () => {
		const { tab, changed } = await withStaleProduct();
		expect(await tab.engine.deleteProduct('MB-01')).toEqual({
			ok: false,
			message: STALE_MESSAGE,
			errors: []
		});
		expect((await tab.engine.getProduct('MB-01'))?.product).toEqual(changed);
	});

	it('raises a UserError from commit itself', async () => {
		const { tab } = await withStaleProduct();
		const before = tab.store.inventory.getBySku('MB-01')!;
		const error = await tab.store
			.commit({
				kind: 'delete-product',
				summary: 'x',
				changes: [{ key: 'mb-01', before: { ...before, items: [] }, after: null }]
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UserError);
		expect((error as UserError).message).toBe(STALE_MESSAGE);
	});
});

describe('backup and restore', { timeout: 20_000 }, () => {
	async function seeded() {
		const tab = openTab();
		value(
			await tab.engine.saveSource({ ...newSource('eu-1', 'EU 1'), country: 'DE', latitude: 52.52 }, null)
		);
		value(await tab.engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: ['0730143312691'] }));
		value(await tab.engine.createProduct({ sku: 'wt-09', name: 'Watch', barcodes: [] }));
		value(
			await tab.engine.saveProduct('MB-01', {
				name: 'Duffle Bag',
				barcodes: ['0730143312691'],
				items: [
					{ source: 'default', quantity: '5.25', status: '', notifyQty: '' },
					{ source: 'eu-1', quantity: '2', status: '0', notifyQty: '3' }
				]
			})
		);
		value(await tab.engine.saveDefaultNotifyQty('4'));
		return tab;
	}

	async function state(tab: Tab) {
		return {
			sources: await tab.engine.sourceUsage(),
			settings: { ...(await tab.engine.getSettings()) },
			rows: (await tab.engine.queryProducts(ALL_PRODUCTS, 0, 1000)).rows,
			products: [...tab.store.inventory.products.values()],
			pages: await tab.store.db.pages.toArray(),
			operations: await tab.store.db.operations.toArray(),
			opChanges: await tab.store.db.opChanges.toArray()
		};
	}

	it('restores exactly what was backed up, here and in another tab', async () => {
		const tab = await seeded();
		const other = openTab(tab.name);
		await other.engine.start();
		const saved = await state(tab);
		expect(saved.rows.map((r) => [r.sku, r.total])).toEqual([
			['MB-01', 5.25],
			['wt-09', 0]
		]);
		const { blob, fileName } = await tab.engine.backUp();
		expect(fileName).toMatch(/^stockroom_backup_\d{8}_\d{6}\.jsonl$/);

		// Changes after the backup, which the restore must undo.
		value(await tab.engine.createProduct({ sku: 'NEW-1', name: 'Later', barcodes: ['555'] }));
		value(await tab.engine.deleteProduct('wt-09'));
		value(await tab.engine.saveSource(newSource('eu-2', 'EU 2'), null));
		value(await tab.engine.saveDefaultNotifyQty('9'));
		await eventually('the other tab sees NEW-1', async () => (await skus(other)).includes('NEW-1'));

		expect(await tab.engine.restore(blob)).toEqual({
			ok: true,
			value: { products: 2, sources: 2, previous: { savedAt: expect.any(Number), kept: 'session' } }
		});
		expect(await state(tab)).toEqual(saved);
		expect(await skus(tab, { ...ALL_PRODUCTS, search: '555' })).toEqual([]);
		expect(await skus(tab, { ...ALL_PRODUCTS, search: '0730143312691' })).toEqual(['MB-01']);

		await eventually(
			'the other tab sees the restored catalogue',
			async () => (await skus(other)).join() === 'MB-01,wt-09'
		);
		expect((await other.engine.getSettings()).defaultNotifyQty).toBe(4);
		expect((await other.engine.sourceUsage()).map((s) => s.source.code)).toEqual(['default', 'eu-1']);
	});

	it('restores a backup into a new, empty database', async () => {
		const tab = await seeded();
		const saved = await state(tab);
		const { blob } = await tab.engine.backUp();
		const fresh = openTab();
		expect(await fresh.engine.start()).toEqual({ products: 0, sources: 1 });
		expect(await fresh.engine.restore(blob)).toEqual({
			ok: true,
			value: { products: 2, sources: 2, previous: { savedAt: expect.any(Number), kept: 'session' } }
		});
		expect(await state(fresh)).toEqual(saved);
		// History continues after the restored operations.
		value(await fresh.engine.createProduct({ sku: 'NEXT', name: '', barcodes: [] }));
		const ids = (await fresh.store.db.operations.toArray()).map((o) => o.id);
		expect(ids).toEqual([...saved.operations.map((o) => o.id), saved.operations.at(-1)!.id + 1]);
	});

	it('refuses a file that is not a backup, or a damaged one, and changes nothing', async () => {
		const tab = await seeded();
		const saved = await state(tab);
		const csv = new Blob(['source_code,sku,status,quantity\ndefault,MB-01,1,99\n'], { type: 'text/csv' });
		expect(await tab.engine.restore(csv)).toEqual({
			ok: false,
			message: 'This file is not a Stockroom backup.',
			errors: []
		});
		expect(await state(tab)).toEqual(saved);

		const text = await (await tab.engine.backUp()).blob.text();
		const lines = text.trimEnd().split('\n');
		const damaged = [...lines.slice(0, -1), lines.at(-1)!.slice(0, 10)].join('\n');
		expect(await tab.engine.restore(new Blob([damaged]))).toEqual({
			ok: false,
			message:
				'This backup is incomplete: its last line is missing, so the file was cut off. Nothing was restored.',
			errors: []
		});
		expect(await state(tab)).toEqual(saved);
	});
});

describe('history summaries of product commands', () => {
	it('states the units a deleted product held without floating-point dust', async () => {
		const tab = openTab();
		value(await tab.engine.saveSource(newSource('eu-1', 'EU 1'), null));
		value(await tab.engine.createProduct({ sku: 'MB-01', name: '', barcodes: [] }));
		value(
			await tab.engine.saveProduct('MB-01', {
				name: '',
				barcodes: [],
				items: [...oneItem('default', '0.1'), ...oneItem('eu-1', '0.2')]
			})
		);
		value(await tab.engine.createProduct({ sku: 'MB-02', name: '', barcodes: [] }));
		value(await tab.engine.saveProduct('MB-02', { name: '', barcodes: [], items: oneItem('default', '1') }));
		value(await tab.engine.deleteProduct('MB-01'));
		value(await tab.engine.deleteProduct('MB-02'));
		const summaries = (await tab.store.db.operations.toArray()).map((o) => [o.kind, o.summary]);
		expect(summaries).toEqual([
			['create-product', 'Product MB-01 added'],
			['edit', 'MB-01: default 0 → 0.1, assigned to eu-1 (0.2)'],
			['create-product', 'Product MB-02 added'],
			['edit', 'MB-02: default 0 → 1'],
			['delete-product', 'Product MB-01 deleted with 2 source items (0.3 units)'],
			['delete-product', 'Product MB-02 deleted with 1 source item (1 unit)']
		]);
	});
});
