import { describe, expect, it } from 'vitest';
import type { ProductChange } from '$lib/domain/changeSet';
import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import { applyChangeSet } from './applyChangeSet';
import { unpackChanges } from './historyChunks';
import { readAllPages, readPages } from './pages';
import { created, openDb, product, sku, snapshot } from './testing';

describe('applyChangeSet: known pages', () => {
	it("uses the caller's copy of the pages while nobody else has written, and re-reads them after", async () => {
		const db = openDb();
		const first = await applyChangeSet(db, created([1, 2]));
		expect(first.seq).toBe(1);
		const pageId = first.written[0].id;
		// A copy that differs from the stored page proves which one the write starts from.
		const memory = [product(1), product(2), product(3)];
		const known = { seq: first.seq, products: (id: number) => (id === pageId ? memory : undefined) };
		const change: ProductChange = { key: skuKey(sku(4)), before: null, after: product(4) };
		const fast = await applyChangeSet(db, { kind: 'edit', summary: 'add 4', changes: [change] }, { known });
		expect(fast.seq).toBe(2);
		expect((await readPages(db, [pageId]))[0]!.products.map((p) => p.sku)).toEqual([
			sku(1),
			sku(2),
			sku(3),
			sku(4)
		]);

		// Another writer moved the sequence on: the stale copy is not trusted, the stored page is re-read.
		const stale = { seq: 1, products: () => [product(9)] };
		const change5: ProductChange = { key: skuKey(sku(5)), before: null, after: product(5) };
		await applyChangeSet(db, { kind: 'edit', summary: 'add 5', changes: [change5] }, { known: stale });
		expect((await readPages(db, [pageId]))[0]!.products.map((p) => p.sku)).toEqual([
			sku(1),
			sku(2),
			sku(3),
			sku(4),
			sku(5)
		]);
	});

	it('stores items in one order (default first, then by source code) and keeps only changed items in history', async () => {
		const db = openDb();
		const mixed: Product = {
			...product(1),
			items: [
				{ source: 'wh-2', quantity: 1, status: 1, notifyQty: null },
				{ source: 'default', quantity: 2, status: 1, notifyQty: null },
				{ source: 'shop', quantity: 3, status: 1, notifyQty: null }
			]
		};
		await applyChangeSet(db, {
			kind: 'import',
			summary: 'one',
			changes: [{ key: 'p-00001', before: null, after: mixed }]
		});
		const stored = (await readAllPages(db))[0].products[0];
		expect(stored.items.map((i) => i.source)).toEqual(['default', 'shop', 'wh-2']);
		const edited: Product = {
			...stored,
			items: stored.items.map((i) => (i.source === 'shop' ? { ...i, quantity: 7 } : i))
		};
		const applied = await applyChangeSet(db, {
			kind: 'edit',
			summary: 'shop 3 → 7',
			changes: [{ key: 'p-00001', before: stored, after: edited }]
		});
		expect(applied.operation!.items).toBe(1);
		const [chunk] = await db.opChanges.where('opId').equals(applied.operation!.id).toArray();
		expect(unpackChanges(chunk)[0].before!.items).toEqual([
			{ source: 'shop', quantity: 3, status: 1, notifyQty: null }
		]);
		expect(unpackChanges(chunk)[0].after!.items).toEqual([
			{ source: 'shop', quantity: 7, status: 1, notifyQty: null }
		]);
	});
});

describe('applyChangeSet: a record written alongside', () => {
	it('commits with the stock change, and a failure of either leaves both unwritten', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]), {
			alongside: { tables: [db.settings], write: (id) => db.settings.put({ key: 'marker', value: id }) }
		});
		expect((await db.settings.get('marker'))?.value).toBe(1);

		const before = await snapshot(db);
		await expect(
			applyChangeSet(db, created([2]), {
				alongside: {
					tables: [db.settings],
					write: async () => {
						await db.settings.put({ key: 'marker', value: 'half' });
						throw new Error('disk full');
					}
				}
			})
		).rejects.toThrow('disk full');
		expect(await snapshot(db)).toEqual(before);
		expect((await db.settings.get('marker'))?.value).toBe(1);
	});
});
