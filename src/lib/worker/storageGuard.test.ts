import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('storage-guard');

/** The browser's refusal as Chromium reports it: the request fails and the transaction aborts. */
function refuseOpChangeWrites(store: ReturnType<typeof openEngine>['store']) {
	const table = store.db.opChanges;
	const original = table.bulkAdd.bind(table);
	table.bulkAdd = (() =>
		Promise.reject(
			new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		)) as unknown as typeof table.bulkAdd;
	return () => (table.bulkAdd = original);
}

describe('StorageGuard: storage full', () => {
	it('rolls the whole change back and tells the user what happened and what to do', async () => {
		const { engine, store } = openEngine();
		await engine.addSampleData(20, 2);
		const before = (await engine.queryProducts(ALL_PRODUCTS, 0, 100)).rows;
		const operations = (await engine.listOperations(0, 10)).total;

		const restore = refuseOpChangeWrites(store);
		const removed = await engine.removeSampleData();
		expect(removed.ok).toBe(false);
		expect(!removed.ok && removed.message).toMatch(
			/ran out of storage space, so this change was not saved: nothing was changed/
		);
		restore();

		expect((await engine.queryProducts(ALL_PRODUCTS, 0, 100)).rows).toEqual(before);
		expect((await engine.listOperations(0, 10)).total).toBe(operations);
		// Nothing was half-written: the stored pages still hold every product.
		const stored = await store.db.pages.toArray();
		expect(stored.reduce((n, page) => n + page.packed.skus.length, 0)).toBe(20);
		// The database is whole, so this is no data loss: the next write goes through.
		expect(store.guard.lost).toBe(false);
		expect(value(await engine.removeSampleData()).products).toBe(20);
	});

	it('blocks writes while the database has lost data, until the user chooses', async () => {
		const { engine, store } = openEngine();
		await engine.addSampleData(5, 1);
		store.guard.lost = true;
		const refused = await engine.removeSampleData();
		expect(!refused.ok && refused.message).toMatch(
			/lost data\. Restore the last-good copy or a backup first/
		);
		await engine.keepCurrentData(0);
		expect(store.guard.lost).toBe(false);
		expect(value(await engine.removeSampleData()).products).toBe(5);
	});
});

describe('storageHealth', () => {
	it('reports a database that holds less than the marker says as lost', async () => {
		const { engine } = openEngine();
		const fresh = await engine.storageHealth(null);
		expect(fresh.lost).toBe(false);
		const health = await engine.storageHealth({ seq: 3, products: 10, sources: 2 });
		expect(health.lost).toBe(true);
		expect(health.now).toEqual({ seq: 0, products: 0, sources: 1 });
	});

	it('keeping the current data moves the write sequence past the marker, so it no longer looks lost', async () => {
		const { engine } = openEngine();
		const marker = { seq: 3, products: 10, sources: 2 };
		expect((await engine.storageHealth(marker)).lost).toBe(true);
		await engine.keepCurrentData(marker.seq);
		const health = await engine.storageHealth(marker);
		expect(health.lost).toBe(false);
		expect(health.now.seq).toBe(4);
	});
});
