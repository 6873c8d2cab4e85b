// Telling a full disk from other failures, and whether the database survived one.

import { readWriteSeq, WRITE_SEQ_KEY } from './applyChangeSet';
import type { StockroomDb } from './schema';

/** Dexie wraps the browser's error (`inner`, or `failures` of a bulk call); the quota error is inside. */
export function isQuotaError(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false;
	const e = error as { name?: string; inner?: unknown; cause?: unknown; failures?: unknown[] };
	if (e.name === 'QuotaExceededError') return true;
	if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
	return (e.failures ?? []).some((failure) => isQuotaError(failure, depth + 1));
}

/**
 * The write sequence as stored now, reopening the connection when the browser closed it (Chromium
 * force-closes a database whose files it deleted); null when the database can not be read at all.
 */
export async function storedWriteSeq(db: StockroomDb): Promise<number | null> {
	try {
		return await readWriteSeq(db);
	} catch {
		try {
			db.close();
			await db.open();
			return await readWriteSeq(db);
		} catch {
			return null;
		}
	}
}

/** Moves the write sequence past `seq`, so a database kept after a loss no longer looks like it lost data. */
export async function raiseWriteSeq(db: StockroomDb, seq: number): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const now = await readWriteSeq(db);
		if (now <= seq) await db.settings.put({ key: WRITE_SEQ_KEY, value: seq + 1 });
	});
}
