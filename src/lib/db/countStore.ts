// Stock takes as stored: a record per count and one per counted line. Every scan is its own small
// transaction, so quick scans of one product never lose one and a count survives a reload.

import { tallyLines, type Count, type CountLine, type CountTally } from '$lib/domain/count/count';
import type { AlongsideWrite } from './applyChangeSet';
import type { StockroomDb } from './schema';

export function addCount(db: StockroomDb, count: Count): Promise<unknown> {
	return db.counts.add(count);
}

export function readCount(db: StockroomDb, id: string): Promise<Count | undefined> {
	return db.counts.get(id);
}

/** At most this many applied or discarded counts are listed; open ones are always all listed. */
export const CLOSED_COUNTS_LISTED = 100;

/** Every open count and the newest closed ones, newest first, each with its lines' and units' tally. */
export async function readCountsWithTally(db: StockroomDb): Promise<{ count: Count; tally: CountTally }[]> {
	const counts = await db.counts.orderBy('createdAt').reverse().toArray();
	const shown = [
		...counts.filter((count) => count.status === 'open'),
		...counts.filter((count) => count.status !== 'open').slice(0, CLOSED_COUNTS_LISTED)
	].sort((a, b) => b.createdAt - a.createdAt);
	return Promise.all(
		shown.map(async (count) => ({
			count,
			// A closed count keeps its tally (a discarded one's lines are gone).
			tally: count.tally ?? tallyLines(await readCountLines(db, count.id))
		}))
	);
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
	// Read and written in bulk (one get and one put per line took half a minute for 100,000 lines); a
	// key may come more than once (the same SKU in two files, or as SKU and barcode): folded in memory.
	await db.transaction('rw', db.countLines, async () => {
		const keys = [...new Set(updates.map((update) => update.key))];
		const stored = await db.countLines.bulkGet(keys.map((key): [string, string] => [countId, key]));
		const lines = new Map(keys.map((key, i) => [key, stored[i]]));
		for (const { key, next } of updates) lines.set(key, next(lines.get(key)));
		await db.countLines.bulkPut([...lines.values()].filter((line) => line !== undefined));
	});
}

/** The count marked applied in the same transaction as its stock change, so it is never applied twice. */
export function markCountApplied(db: StockroomDb, count: Count, tally: CountTally): AlongsideWrite {
	return {
		tables: [db.counts],
		write: (operation) =>
			db.counts.put({ ...count, status: 'applied', appliedOperation: operation, closedAt: Date.now(), tally })
	};
}

/** Drops the count's lines and marks it discarded, keeping what it held for the list; stock is untouched. */
export async function discardCount(db: StockroomDb, count: Count): Promise<void> {
	await db.transaction('rw', db.counts, db.countLines, async () => {
		const tally = tallyLines(await readCountLines(db, count.id));
		await db.countLines.where('countId').equals(count.id).delete();
		await db.counts.put({ ...count, status: 'discarded', closedAt: Date.now(), tally });
	});
}
