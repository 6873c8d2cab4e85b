// The change-set writer's field edits: merged and checked against storage inside the transaction.

import { describe, expect, it } from 'vitest';
import { changedFields } from '$lib/domain/fieldChanges';
import { skuKey } from '$lib/domain/types';
import { applyChangeSet, EditConflictError } from './applyChangeSet';
import { readAllPages } from './pages';
import { created, openDb, product, snapshot } from './testing';

const edit = (loaded: ReturnType<typeof product>, mine: ReturnType<typeof product>) => ({
	kind: 'edit' as const,
	summary: 'edit',
	// `before`/`after` are what the caller saw; with `fields` the writer goes by storage instead.
	changes: [{ key: skuKey(loaded.sku), before: loaded, after: mine, fields: changedFields(loaded, mine) }]
});

describe('applyChangeSet: field edits', () => {
	it('applies the changed fields to the stored product, keeping fields changed meanwhile', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]));
		const loaded = product(1);
		await applyChangeSet(db, edit(loaded, { ...loaded, name: 'Renamed elsewhere' }));
		const applied = await applyChangeSet(db, edit(loaded, product(1, 9)));
		const [stored] = (await readAllPages(db))[0].products;
		expect(stored).toMatchObject({ name: 'Renamed elsewhere', items: [{ quantity: 9 }] });
		expect(applied.changes[0].before?.name).toBe('Renamed elsewhere');
	});

	it('refuses a field changed meanwhile and writes nothing, not even history', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]));
		const loaded = product(1, 1);
		await applyChangeSet(db, edit(loaded, product(1, 111)));
		const before = await snapshot(db);
		const attempt = applyChangeSet(db, edit(loaded, product(1, 222)));
		await expect(attempt).rejects.toBeInstanceOf(EditConflictError);
		await expect(attempt).rejects.toMatchObject({
			conflicts: [{ field: 'items.default.quantity', loaded: 1, theirs: 111, yours: 222 }]
		});
		expect(await snapshot(db)).toEqual(before);
	});

	it('writes no history when storage already holds the edit', async () => {
		const db = openDb();
		await applyChangeSet(db, created([1]));
		const loaded = product(1, 1);
		await applyChangeSet(db, edit(loaded, product(1, 7)));
		const applied = await applyChangeSet(db, edit(loaded, product(1, 7)));
		expect(applied.operation).toBeNull();
		expect(await db.operations.count()).toBe(2);
	});
});
