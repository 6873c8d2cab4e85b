import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '$lib/domain/types';
import { defaultSource, newSource } from '$lib/domain/types';
import { Store } from '$lib/worker/store';
import { applyChangeSet } from './applyChangeSet';
import { readBase, readBaseChanges, writeBase } from './magentoBase';
import { readOperationChanges } from './historyChunks';
import { readPages } from './pages';
import { packProducts } from './productCodec';
import { DATABASE_NAME, SCHEMA_VERSION, StockroomDb } from './schema';

let counter = 0;
const uniqueName = () => `schema-test-${Date.now()}-${++counter}`;
const opened: { close(): void }[] = [];
afterEach(() => {
	opened.splice(0).forEach((db) => db.close());
});

const duffle: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['0730143312691'],
	items: [
		{ source: 'default', quantity: 5, status: 1, notifyQty: null },
		{ source: 'eu-1', quantity: 2.5, status: 0, notifyQty: 3 }
	]
};
const watch: Product = {
	sku: 'wt-09',
	name: 'Watch',
	barcodes: [],
	items: [{ source: 'eu-1', quantity: 1, status: 1, notifyQty: null }]
};

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/**
 * Builds the database exactly as schema version 1 creates it (Dexie stores version n as IndexedDB
 * version n × 10), with raw IndexedDB and no Dexie, and fills it with data.
 */
async function createVersion1Database(name: string) {
	const open = indexedDB.open(name, 10);
	open.onupgradeneeded = () => {
		const db = open.result;
		db.createObjectStore('pages', { keyPath: 'id' }).createIndex('firstKey', 'firstKey');
		db.createObjectStore('sources', { keyPath: 'code' });
		db.createObjectStore('settings', { keyPath: 'key' });
		db.createObjectStore('operations', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
		db.createObjectStore('opChanges', { keyPath: ['opId', 'chunk'] }).createIndex('opId', 'opId');
	};
	const db = await request(open);
	const tx = db.transaction(['pages', 'sources', 'settings', 'operations', 'opChanges'], 'readwrite');
	tx.objectStore('sources').put(defaultSource());
	tx.objectStore('sources').put({ ...newSource('eu-1', 'EU 1'), country: 'DE', latitude: 52.52 });
	tx.objectStore('settings').put({ key: 'settings', value: { defaultNotifyQty: 4 } });
	tx.objectStore('pages').put({ id: 7, firstKey: 'mb-01', products: [duffle] });
	tx.objectStore('pages').put({ id: 9, firstKey: 'wt-09', products: [watch] });
	tx.objectStore('operations').put({
		at: 1_700_000_000_000,
		kind: 'import',
		summary: 'Imported 2 products',
		products: 2,
		items: 3,
		chunks: 1
	});
	tx.objectStore('opChanges').put({
		opId: 1,
		chunk: 0,
		changes: [
			{ key: 'mb-01', before: null, after: duffle },
			{ key: 'wt-09', before: null, after: watch }
		]
	});
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
	db.close();
}

describe('schema', () => {
	it('is at version 4, stored by Dexie as IndexedDB version 40', async () => {
		expect(SCHEMA_VERSION).toBe(4);
		expect(DATABASE_NAME).toBe('stockroom');
		const db = new StockroomDb(uniqueName());
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'countLines',
			'counts',
			'magento',
			'magentoBase',
			'magentoBaseChanges',
			'magentoLog',
			'opChanges',
			'operations',
			'pages',
			'settings',
			'sources'
		]);
	});

	it('opens a database made by the previous version and finds its data', async () => {
		const name = uniqueName();
		await createVersion1Database(name);
		const db = new StockroomDb(name);
		opened.push(db);
		expect(await db.sources.get('eu-1')).toMatchObject({ code: 'eu-1', name: 'EU 1', latitude: 52.52 });
		expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { defaultNotifyQty: 4 } });
		expect(await db.pages.orderBy('firstKey').keys()).toEqual(['mb-01', 'wt-09']);
		expect((await readPages(db, [7]))[0]?.products).toEqual([duffle]);
		// The upgrade to version 2 packed the page's products into columns.
		const raw = (await db.pages.get(7)) as unknown as Record<string, unknown>;
		expect(raw.products).toBeUndefined();
		expect(raw.packed).toMatchObject({ skus: ['MB-01'], sources: ['default', 'eu-1'] });
		expect(await db.operations.where('at').above(0).count()).toBe(1);
		expect(await readOperationChanges(db, 1)).toHaveLength(2);
	});

	it('keeps working on an old database: a write finds the page and numbers its operation after the old ones', async () => {
		const name = uniqueName();
		await createVersion1Database(name);
		const db = new StockroomDb(name);
		opened.push(db);
		const edited = { ...watch, items: [{ ...watch.items[0], quantity: 8 }] };
		const applied = await applyChangeSet(db, {
			kind: 'edit',
			summary: 'edit',
			changes: [{ key: 'wt-09', before: watch, after: edited }]
		});
		expect(applied.operation?.id).toBe(2);
		// Both old pages hold fewer than PAGE_MIN products, so the touched one joins its neighbour.
		expect(applied.written).toEqual([{ id: 7, firstKey: 'mb-01', keys: ['mb-01', 'wt-09'] }]);
		expect(applied.deleted).toEqual([9]);
		expect((await readPages(db, [7]))[0]?.products).toEqual([duffle, edited]);
		expect((await readPages(db, [9]))[0]).toBeUndefined();
	});

	it('starts the engine store on an old database with its products, sources and settings', async () => {
		const name = uniqueName();
		await createVersion1Database(name);
		const store = new Store(name);
		opened.push(store);
		await store.start();
		expect(store.sources.map((s) => s.code)).toEqual(['default', 'eu-1']);
		expect(store.settings).toEqual({ defaultNotifyQty: 4 });
		expect(store.inventory.sortedKeys()).toEqual(['mb-01', 'wt-09']);
		expect(store.inventory.getBySku('MB-01')).toEqual(duffle);
		expect(store.inventory.barcodeOwner('0730143312691')).toBe('mb-01');
	});

	it('opens a database made by version 2 with its data, and keeps counts from then on', async () => {
		const name = uniqueName();
		await createVersion1Database(name);
		const v2 = new Dexie(name);
		v2.version(2).stores({
			pages: 'id, firstKey',
			sources: 'code',
			settings: 'key',
			operations: '++id, at',
			opChanges: '[opId+chunk], opId'
		});
		await v2.open(); // Dexie upgrades the raw version 1 layout to version 2's (same stores)
		await v2
			.table('pages')
			.put({ id: 11, firstKey: 'zz-1', packed: packProducts([{ ...watch, sku: 'ZZ-1' }]) });
		v2.close();
		const db = new StockroomDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.sources.get('eu-1')).toMatchObject({ name: 'EU 1' });
		expect((await readPages(db, [11]))[0]?.products.map((p) => p.sku)).toEqual(['ZZ-1']);
		expect(await readOperationChanges(db, 1)).toHaveLength(2);
		await db.counts.put({
			id: 'c1',
			source: 'eu-1',
			narrowing: { skuPrefix: '', onlyAtSource: false },
			blind: false,
			status: 'open',
			createdAt: 1
		});
		expect(await db.counts.where('status').equals('open').count()).toBe(1);
	});

	it('opens a database made by version 3 with its data and counts, and keeps a Magento base from then on', async () => {
		const name = uniqueName();
		await createVersion1Database(name);
		const v3 = new Dexie(name);
		v3.version(3).stores({
			pages: 'id, firstKey',
			sources: 'code',
			settings: 'key',
			operations: '++id, at',
			opChanges: '[opId+chunk], opId',
			counts: 'id, status, createdAt',
			countLines: '[countId+key], countId'
		});
		await v3.open();
		// Version 3 stores pages packed (the raw version 1 layout above has them as objects).
		await v3.table('pages').put({ id: 7, firstKey: 'mb-01', packed: packProducts([duffle]) });
		await v3.table('counts').put({
			id: 'c3',
			source: 'eu-1',
			narrowing: { skuPrefix: '', onlyAtSource: false },
			blind: true,
			status: 'open',
			createdAt: 3
		});
		const line = {
			countId: 'c3',
			key: 'mb-01',
			code: 'MB-01',
			known: true,
			counted: 2,
			expectedAtScan: 5,
			last: null,
			updatedAt: 3
		};
		await v3.table('countLines').put(line);
		v3.close();
		const db = new StockroomDb(name);
		opened.push(db);
		await db.open();
		expect(db.backendDB().version).toBe(40);
		expect((await readPages(db, [7]))[0]?.products).toEqual([duffle]);
		expect(await db.sources.get('eu-1')).toMatchObject({ name: 'EU 1', country: 'DE' });
		expect(await db.counts.get('c3')).toMatchObject({ blind: true, status: 'open' });
		expect(await db.countLines.get(['c3', 'mb-01'])).toEqual(line);
		expect(await readOperationChanges(db, 1)).toHaveLength(2);
		expect(await readBase(db)).toEqual({ tracked: [], entries: new Map(), seq: 0 });
		const entry = { sku: 'MB-01', items: [{ source: 'eu-1', quantity: 2.5, status: 0 as const }] };
		await writeBase(db, [{ key: 'mb-01', before: null, after: entry }], { before: [], after: ['eu-1'] }, 1);
		expect(await readBase(db)).toEqual({ tracked: ['eu-1'], entries: new Map([['mb-01', entry]]), seq: 1 });
		expect((await readBaseChanges(db, 1))?.changes).toEqual([{ key: 'mb-01', before: null, after: entry }]);
	});
});
