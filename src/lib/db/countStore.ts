// Stock takes as stored: a record per count and one per counted line. Every scan is its own small
// transaction, so quick scans of one product never lose one and a count survives a reload.

import type { Count, CountLine } from '$lib/domain/count/count';
import type { AlongsideWrite } from './applyChangeSet';
import type { StockroomDb } from './schema';

export function addCount(db: StockroomDb, count: Count): Promise<unknown> {
	return db.counts.add(count);
}

export function readCount(db: StockroomDb, id: string): Promise<Count | undefined> {
	return db.counts.get(id);
}

/** Open counts, newest first. */
export async function readOpenCounts(db: StockroomDb): Promise<Count[]> {
	const counts = await db.counts.where('status').equals('open').toArray();
	return counts.sort((a, b) => b.createdAt - a.createdAt);
}

export function readCountLines(db: StockroomDb, countId: string): Promise<CountLine[]> {
	return db.countLines.where('countId').equals(countId).toArray();
}

/**
 * Reads a line (undefined when the code was not counted yet) and writes what `next` makes of it, in
 * one transaction. `next` returning null removes the line.
 */
export async function updateCountLine(
	db: StockroomDb,
	countId: string,
	key: string,
	next: (line: CountLine | undefined) => CountLine | null
): Promise<CountLine | null> {
	return db.transaction('rw', db.countLines, async () => {
		const changed = next(await db.countLines.get([countId, key]));
		if (changed) await db.countLines.put(changed);
		else await db.countLines.delete([countId, key]);
		return changed;
	});
}

/** Several lines in one transaction (a count file merged in): all of them, or none. */
export async function updateCountLines(
	db: StockroomDb,
	countId: string,
	updates: readonly { key: string; next: (line: CountLine | undefined) => CountLine }[]
): Promise<void> {
	await db.transaction('rw', db.countLines, async () => {
		for (const { key, next } of updates) {
			await db.countLines.put(next(await db.countLines.get([countId, key])));
		}
	});
}

/** The count marked applied in the same transaction as its stock change, so it is never applied twice. */
export function markCountApplied(db: StockroomDb, count: Count): AlongsideWrite {
	return {
		tables: [db.counts],
		write: (operation) => db.counts.put({ ...count, status: 'applied', appliedOperation: operation })
	};
}

/** Drops the count's lines and marks it discarded; the stock is not touched. */
export async function discardCount(db: StockroomDb, count: Count): Promise<void> {
	await db.transaction('rw', db.counts, db.countLines, async () => {
		await db.countLines.where('countId').equals(count.id).delete();
		await db.counts.put({ ...count, status: 'discarded' });
	});
}
