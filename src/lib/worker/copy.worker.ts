// A second worker that writes the last-good copy. Reading, encoding, hashing and compressing the whole
// catalogue takes seconds of CPU on a tablet, and Web Crypto's digest holds its thread for the whole
// text at once: done here, none of it delays the engine's answers to the page.

import * as Comlink from 'comlink';
import { makeLastGoodCopy, storeLastGoodCopy, type WrittenCopy } from '$lib/db/lastGoodCopy';
import { readWriteSeq } from '$lib/db/applyChangeSet';
import { StockroomDb } from '$lib/db/schema';
import { sha256Hex } from './sha256';

const copier = {
	/**
	 * Copies the database `name` as it is now, stores the copy in OPFS, and hands it back. `atLeastSeq`:
	 * the write sequence the engine has seen. A database behind it lost data (the browser deleted it),
	 * and a copy of it would replace the good copy with a worse one, so none is made.
	 */
	async write(name: string, atLeastSeq: number): Promise<WrittenCopy> {
		// Opening a database that is gone would create an empty one: look first.
		const present = (await indexedDB.databases()).some((known) => known.name === name);
		if (!present) throw new Error('The database is gone; the last-good copy is kept as it is.');
		// Opened per copy and closed after: an open connection would hold up a deletion or an upgrade.
		const db = new StockroomDb(name);
		try {
			if ((await readWriteSeq(db)) < atLeastSeq)
				throw new Error('The database is behind what was written; the last-good copy is kept as it is.');
			const copy = await makeLastGoodCopy(db, sha256Hex);
			await storeLastGoodCopy(copy);
			return copy;
		} finally {
			db.close();
		}
	}
};

export type Copier = typeof copier;

Comlink.expose(copier);
