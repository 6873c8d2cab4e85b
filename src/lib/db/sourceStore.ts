// Sources as stored: one record per source, keyed by code.

import { defaultSource, type Source } from '$lib/domain/types';
import type { StockroomDb } from './schema';

/** What a source save changes: sources written (created or replaced) and codes removed. */
export interface SourceWrite {
	put?: readonly Source[];
	remove?: readonly string[];
}

/** Every database has the default source (Magento's `default` cannot be deleted either). */
export async function ensureDefaultSource(db: StockroomDb): Promise<void> {
	await db.transaction('rw', db.sources, async () => {
		if (!(await db.sources.get('default'))) await db.sources.put(defaultSource());
	});
}

export function readSources(db: StockroomDb): Promise<Source[]> {
	return db.sources.toArray();
}

/** Writes and removes sources in one transaction. */
export async function writeSources(db: StockroomDb, write: SourceWrite): Promise<void> {
	await db.transaction('rw', db.sources, async () => {
		if (write.put && write.put.length > 0) await db.sources.bulkPut([...write.put]);
		if (write.remove && write.remove.length > 0) await db.sources.bulkDelete([...write.remove]);
	});
}
