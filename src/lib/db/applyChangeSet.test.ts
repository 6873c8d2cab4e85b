import { describe, expect, it } from 'vitest';
import type { ChangeSet, ProductChange } from '$lib/domain/changeSet';
import type { Product } from '$lib/domain/types';
import { newSource } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import { applyChangeSet, CHANGES_PER_CHUNK, StaleDataError } from './applyChangeSet';
import { pageIndexFor, PAGE_MAX, PAGE_MIN } from './pageLayout';
import { unpackChanges } from './historyChunks';
import { readAllPages, readPages } from './pages';
import type { StockroomDb } from './schema';
import { created, openDb, product, range, removed, sku, snapshot } from './testing';

/**
 * The stored pages must hold exactly `expected` (as product numbers), each page sorted, non-empty,
 * within size, with a correct firstKey, in disjoint ascending ranges, so that every key is found in
 * the page that pageIndexFor names. Returns the page sizes in key order.
 */
async function expectLayout(db: StockroomDb, expected: number[]): Promise<number[]> {
	const pages = (await readAllPages(db)).sort((a, b) => (a.firstKey < b.firstKey ? -1 : 1));
	const firstKeys = pages.map((p) => p.firstKey);
	const all: string[] = [];
	pages.forEach((page, i) => {
		const keys = page.products.map((p) => skuKey(p.sku));
		expect(keys.length).toBeGreaterThan(0);
		expect(keys.length).toBeLessThanOrEqual(PAGE_MAX);
		expect(page.firstKey).toBe(keys[0]);
		for (let k = 1; k < keys.length; k++) expect(keys[k - 1] < keys[k]).toBe(true);
		if (i > 0) expect(all.at(-1)! < page.firstKey).toBe(true);
		for (const key of keys) expect(pages[pageIndexFor(firstKeys, key)].id).toBe(page.id);
		all.push(...keys);
	});
	expect(all).toEqual([...expected].sort((a, b) => a - b).map((n) => skuKey(sku(n))));
	return pages.map((p) => p.products.length);
}

describe('applyChangeSet: pages', { timeout: 20_000 }, () => {
	it('stores the first products in one page', async () => {
		const db = openDb();
		const applied = await applyChangeSet(db, created([3, 1, 2]));
		expect(await expectLayout(db, [1, 2, 3])).toEqual([3]);
		expect(applied.written).toEqual([
			{ id: 1, firstKey: 'p-00001', keys: ['p-00001', 'p-00002', 'p-00003'] }
		]);
		expect(applied.deleted).toEqual([]);
	});

	it('splits a page that grows past PAGE_MAX, keeping every product findable', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 1500).map((n) => n * 2)));
		expect(
			await expectLayout(
				db,
				range(0, 1500).map((n) => n * 2)
			)
		).toEqual([1500]);
		// 600 more, between the stored ones: 2,100 products no longer fit one page.
		const added = range(0, 600).map((n) => n * 2 + 1);
		const applied = await applyChangeSet(db, created(added));
		const all = [...range(0, 1500).map((n) => n * 2), ...added];
		expect(await expectLayout(db, all)).toEqual([700, 700, 700]);
		expect(applied.written.map((w) => w.keys.length)).toEqual([700, 700, 700]);
		expect(new Set(applied.written.map((w) => w.id)).size).toBe(3);
	});

	it('splits one large first write into pages of at most the target', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 2500)));
		expect(await expectLayout(db, range(0, 2500))).toEqual([834, 834, 832]);
	});

	it('rewrites only the page a change touches', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000)));
		const before = await readAllPages(db);
		const change: ProductChange = { key: skuKey(sku(1500)), before: product(1500), after: product(1500, 9) };
		const applied = await applyChangeSet(db, { kind: 'edit', summary: 'one', changes: [change] });
		expect(applied.written.map((w) => w.id)).toEqual([before.find((p) => p.firstKey === 'p-01000')!.id]);
		const after = await readAllPages(db);
		for (const page of after) {
			if (page.firstKey !== 'p-01000') expect(page).toEqual(before.find((p) => p.id === page.id));
		}
		const stored = after.flatMap((p) => p.products).find((p) => p.sku === sku(1500));
		expect(stored?.items[0].quantity).toBe(9);
	});

	it('merges a page that shrinks below PAGE_MIN into the previous page', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000)));
		expect(await expectLayout(db, range(0, 3000))).toEqual([1000, 1000, 1000]);
		const middle = (await db.pages.where('firstKey').equals('p-01000').first())!.id;
		const applied = await applyChangeSet(db, removed(range(1000, 1800)));
		expect(PAGE_MIN).toBe(250);
		expect(await expectLayout(db, [...range(0, 1000), ...range(1800, 3000)])).toEqual([1200, 1000]);
		expect(applied.deleted).toEqual([middle]);
		expect((await readPages(db, [middle]))[0]).toBeUndefined();
	});

	it('merges the first page, when it shrinks, with the next one', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000)));
		await applyChangeSet(db, removed(range(0, 800)));
		expect(await expectLayout(db, range(800, 3000))).toEqual([1200, 1000]);
		expect((await readAllPages(db)).map((p) => p.firstKey).sort()).toEqual(['p-00800', 'p-02000']);
	});

	it('does not merge a page that keeps PAGE_MIN products', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000)));
		await applyChangeSet(db, removed(range(1000, 1750)));
		expect(await expectLayout(db, [...range(0, 1000), ...range(1750, 3000)])).toEqual([1000, 250, 1000]);
	});

	it('splits again when a merge makes a page too large', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000).map((n) => n * 10)));
		// The first page grows to 1,990 and the second shrinks to 240, in one change set.
		const growing = range(0, 990).map((n) => n * 10 + 5);
		const shrinking = range(1000, 1760).map((n) => n * 10);
		const set: ChangeSet = {
			kind: 'import',
			summary: 'both',
			changes: [...created(growing).changes, ...removed(shrinking).changes]
		};
		await applyChangeSet(db, set);
		const remaining = [...range(0, 3000).map((n) => n * 10), ...growing].filter(
			(n) => !shrinking.includes(n)
		);
		const sizes = await expectLayout(db, remaining);
		expect(sizes.slice(0, -1).reduce((a, b) => a + b)).toBe(2230);
		expect(sizes).toEqual([744, 744, 742, 1000]);
	});

	it('removes the last product of a page, and then the last product of all', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000)));
		await applyChangeSet(db, removed(range(2000, 3000)));
		expect(await expectLayout(db, range(0, 2000))).toEqual([1000, 1000]);
		await applyChangeSet(db, removed(range(0, 2000)));
		expect(await db.pages.count()).toBe(0);
		await applyChangeSet(db, created([7]));
		expect(await expectLayout(db, [7])).toEqual([1]);
	});

	it('puts a key that sorts before every page into the first page and moves its firstKey', async () => {
		const db = openDb();
		await applyChangeSet(db, created(range(100, 3100)));
		await applyChangeSet(db, created([5]));
		expect(await expectLayout(db, [5, ...range(100, 3100)])).toEqual([1001, 1000, 1000]);
	});
});

describe('applyChangeSet: atomicity', { timeout: 20_000 }, () => {
	/** Creates pages of 1,000, then a change set that grows one page past the limit and shrinks another. */
	async function prepared() {
		const db = openDb();
		await applyChangeSet(db, created(range(0, 3000).map((n) => n * 10)), { now: 1 });
		const set: ChangeSet = {
			kind: 'import',
			summary: 'split and merge',
			changes: [
				...created(range(0, 600).flatMap((n) => [n * 10 + 3, n * 10 + 7])).changes,
				...removed(range(2000, 2800).map((n) => n * 10)).changes,
				{ key: skuKey(sku(10_000)), before: product(10_000), after: product(10_000, 42) }
			]
		};
		return { db, set, before: await snapshot(db) };
	}
	/** What `prepared`'s change set leaves: the first page split in three, the third merged into the second. */
	const expectedAfter = [
		...range(0, 3000)
			.map((n) => n * 10)
			.filter((n) => n < 20_000 || n >= 28_000),
		...range(0, 600).flatMap((n) => [n * 10 + 3, n * 10 + 7])
	];

	it('calls the checkpoint five times on the way', async () => {
		const { db, set } = await prepared();
		let calls = 0;
		await applyChangeSet(db, set, { checkpoint: () => void calls++ });
		expect(calls).toBe(5);
	});

	it.each([1, 2, 3, 4, 5])('changes nothing when the checkpoint throws at step %d', async (step) => {
		const { db, set, before } = await prepared();
		let calls = 0;
		const failure = new Error('Cancelled.');
		const checkpoint = () => {
			if (++calls === step) throw failure;
		};
		await expect(applyChangeSet(db, set, { checkpoint })).rejects.toBe(failure);
		expect(await snapshot(db)).toEqual(before);
		// The very same change set then applies in full.
		const applied = await applyChangeSet(db, set);
		expect(applied.operation?.id).toBe(2);
		expect(await expectLayout(db, expectedAfter)).toEqual([734, 734, 732, 1200]);
	});

	it('refuses with StaleDataError, changing nothing, when a product is not as the change expects', async () => {
		const { db, set, before } = await prepared();
		const stale: ChangeSet = {
			...set,
			changes: [
				...set.changes,
				{ key: skuKey(sku(20)), before: product(20, 5), after: product(20, 6) },
				{ key: skuKey(sku(30)), before: null, after: product(30) },
				{ key: skuKey(sku(31)), before: product(31), after: null }
			]
		};
		const error = await applyChangeSet(db, stale).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StaleDataError);
		expect((error as StaleDataError).keys.sort()).toEqual(['p-00020', 'p-00030', 'p-00031']);
		expect((error as StaleDataError).message).toBe(
			'3 product(s) changed in another tab since this change was prepared.'
		);
		expect(await snapshot(db)).toEqual(before);
	});
});

describe('applyChangeSet: history records', () => {
	it('writes the operation and its changes in chunks of CHANGES_PER_CHUNK', async () => {
		const db = openDb();
		expect(CHANGES_PER_CHUNK).toBe(2000);
		const set = created(range(0, 4500));
		const applied = await applyChangeSet(db, set, { now: 1_763_820_000_000 });
		const expected = {
			id: 1,
			at: 1_763_820_000_000,
			kind: 'import',
			summary: '4500 added',
			products: 4500,
			items: 4500,
			chunks: 3
		};
		expect(applied.operation).toEqual(expected);
		expect(await db.operations.toArray()).toEqual([expected]);
		const chunks = await db.opChanges.where('opId').equals(1).sortBy('chunk');
		expect(chunks.map((c) => [c.opId, c.chunk, unpackChanges(c).length])).toEqual([
			[1, 0, 2000],
			[1, 1, 2000],
			[1, 2, 500]
		]);
		expect(chunks.flatMap(unpackChanges)).toEqual(set.changes);
	});

	it('counts item changes, not products, and stamps the current time by default', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1, 2]));
		const twoItems: Product = {
			...product(1, 3),
			items: [...product(1, 3).items, { source: 'eu-1', quantity: 2, status: 1, notifyQty: 4 }]
		};
		const before = Date.now();
		const applied = await applyChangeSet(db, {
			kind: 'edit',
			summary: 'edit',
			changes: [{ key: 'p-00001', before: product(1), after: twoItems }]
		});
		expect(applied.operation).toMatchObject({ id: 2, kind: 'edit', products: 1, items: 2, chunks: 1 });
		expect(applied.operation!.at).toBeGreaterThanOrEqual(before);
		expect(applied.operation!.at).toBeLessThanOrEqual(Date.now());
	});

	it('writes no operation and no page for an empty change set', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]));
		const before = await snapshot(db);
		expect(await applyChangeSet(db, { kind: 'edit', summary: 'nothing', changes: [] })).toEqual({
			operation: null,
			changes: [],
			written: [],
			deleted: [],
			seq: 1
		});
		expect(await snapshot(db)).toEqual(before);
	});

	it('marks the operation an undo reverts', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]), { now: 10 });
		const applied = await applyChangeSet(
			db,
			{
				kind: 'undo',
				summary: 'Undo',
				changes: [{ key: 'p-00001', before: product(1), after: null }],
				undoOf: 1
			},
			{ now: 20 }
		);
		expect(applied.operation).toMatchObject({ id: 2, kind: 'undo', undoOf: 1 });
		expect(await db.operations.get(1)).toMatchObject({ id: 1, undoneBy: 2 });
		expect(await db.operations.get(2)).not.toHaveProperty('undoneBy');
		expect(await db.pages.count()).toBe(0);
	});

	it("undoing an undo clears the redone operation's mark in the same transaction", async () => {
		const db = openDb();
		const change = { key: 'p-00001', before: product(1), after: null };
		await applyChangeSet(db, created([1]));
		await applyChangeSet(db, { kind: 'undo', summary: 'Undo 1', changes: [change], undoOf: 1 });
		const redo = { key: 'p-00001', before: null, after: product(1) };
		const applied = await applyChangeSet(db, { kind: 'undo', summary: 'Undo 2', changes: [redo], undoOf: 2 });
		expect(applied.operation).toMatchObject({ id: 3, undoOf: 2 });
		expect(await db.operations.get(2)).toMatchObject({ undoneBy: 3 });
		// Operation 1 is in effect again, so it can be undone directly.
		expect(await db.operations.get(1)).not.toHaveProperty('undoneBy');
	});

	it('a failed undo of an undo changes no mark', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]));
		const change = { key: 'p-00001', before: product(1), after: null };
		await applyChangeSet(db, { kind: 'undo', summary: 'Undo 1', changes: [change], undoOf: 1 });
		const stale = { key: 'p-00001', before: product(1, 5), after: product(1) };
		await expect(
			applyChangeSet(db, { kind: 'undo', summary: 'Undo 2', changes: [stale], undoOf: 2 })
		).rejects.toBeInstanceOf(StaleDataError);
		expect(await db.operations.get(1)).toMatchObject({ undoneBy: 2 });
		expect(await db.operations.get(2)).not.toHaveProperty('undoneBy');
	});

	it('leaves undoOf out of an ordinary operation', async () => {
		const db = openDb();
		const applied = await applyChangeSet(db, created([1]));
		expect(applied.operation).not.toHaveProperty('undoOf');
		expect(await db.operations.get(1)).not.toHaveProperty('undoOf');
	});
});

describe('applyChangeSet: sources that change with the stock', () => {
	const north = newSource('wh-north', 'North Warehouse');
	const atNorth = (n: number): Product => ({
		...product(n),
		items: [{ source: 'wh-north', quantity: 2, status: 1, notifyQty: null }]
	});

	it('creates a source and its stock in one operation that records the source', async () => {
		const db = openDb();
		const applied = await applyChangeSet(db, {
			kind: 'import',
			summary: 'Sample',
			changes: [{ key: 'p-00001', before: null, after: atNorth(1) }],
			sourceChanges: [{ code: 'wh-north', before: null, after: north }]
		});
		expect(await db.sources.get('wh-north')).toEqual(north);
		expect(applied.operation?.sourceChanges).toEqual([{ code: 'wh-north', before: null, after: north }]);
		expect((await db.operations.get(applied.operation!.id))?.sourceChanges).toHaveLength(1);
	});

	it('writes nothing, stock or source, when the source is not as the change expects', async () => {
		const db = openDb();
		await db.sources.put({ ...north, name: 'Renamed meanwhile' });
		const before = await snapshot(db);
		await expect(
			applyChangeSet(db, {
				kind: 'delete-product',
				summary: 'Remove',
				changes: [],
				sourceChanges: [{ code: 'wh-north', before: north, after: null }]
			})
		).rejects.toBeInstanceOf(StaleDataError);
		await expect(
			applyChangeSet(db, {
				kind: 'import',
				summary: 'Sample',
				changes: [{ key: 'p-00001', before: null, after: atNorth(1) }],
				sourceChanges: [{ code: 'wh-north', before: null, after: north }]
			})
		).rejects.toBeInstanceOf(StaleDataError);
		expect(await snapshot(db)).toEqual(before);
		expect(await db.sources.get('wh-north')).toMatchObject({ name: 'Renamed meanwhile' });
	});
});
