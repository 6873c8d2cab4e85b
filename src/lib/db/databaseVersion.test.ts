import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { engineFactory } from '$lib/worker/testing';
import { NEWER_DATABASE_MESSAGE } from './databaseVersion';
import { SCHEMA_VERSION } from './schema';

const openEngine = engineFactory('newer-db');
const newer: Dexie[] = [];
afterEach(() => newer.splice(0).forEach((db) => db.close()));

/** A database as a newer Stockroom leaves it: one version up, a table this app does not know. */
async function savedByNewerVersion(name: string) {
	const db = new Dexie(name);
	newer.push(db);
	db.version(SCHEMA_VERSION + 1).stores({
		pages: 'id, firstKey',
		sources: 'code',
		settings: 'key',
		operations: '++id, at',
		opChanges: '[opId+chunk], opId',
		counts: 'id, status, createdAt',
		countLines: '[countId+key], countId',
		future: 'id'
	});
	await db.table('settings').put({ key: 'writeSeq', value: 41 });
	await db.table('future').put({ id: 1, format: 'unknown to this version' });
	db.close();
}

describe('a database saved by a newer version', () => {
	it('is refused with a message that says to reload, and left exactly as it was', async () => {
		const name = `newer-db-${Date.now()}`;
		await savedByNewerVersion(name);
		const { engine } = openEngine(name);
		await expect(engine.start()).rejects.toMatchObject({
			name: 'NewerDatabaseError',
			message: NEWER_DATABASE_MESSAGE
		});
		const reopened = new Dexie(name);
		newer.push(reopened);
		await reopened.open();
		expect(reopened.verno).toBe(SCHEMA_VERSION + 1);
		expect(reopened.tables.map((t) => t.name).sort()).toContain('future');
		expect(await reopened.table('settings').toArray()).toEqual([{ key: 'writeSeq', value: 41 }]);
		expect(await reopened.table('sources').count()).toBe(0); // no default source written into it
	});

	it('stops using the database when a newer version upgrades it in another tab', async () => {
		const { engine, name } = openEngine();
		await engine.start();
		const told = new Promise<string[]>((resolve) => void engine.subscribe((topics) => resolve(topics)));
		await savedByNewerVersion(name); // succeeds: this tab lets go instead of blocking the upgrade
		expect(await told).toEqual(['newer-version']);
		await expect(engine.queryProducts({ ...ALL_PRODUCTS }, 0, 10)).rejects.toMatchObject({
			name: 'NewerDatabaseError'
		});
		await expect(engine.createProduct({ sku: 'X', name: '', barcodes: [] })).rejects.toMatchObject({
			message: NEWER_DATABASE_MESSAGE
		});
		const reopened = new Dexie(name);
		newer.push(reopened);
		await reopened.open();
		expect(reopened.verno).toBe(SCHEMA_VERSION + 1);
		expect(await reopened.table('pages').count()).toBe(0);
	});

	it('opens a database of this version or older as before', async () => {
		const { engine, name } = openEngine();
		expect(await engine.start()).toEqual({ products: 0, sources: 1 });
		expect((await openEngine(name).engine.start()).sources).toBe(1);
	});
});
