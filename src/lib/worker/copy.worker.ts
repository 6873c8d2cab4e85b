// A second worker that writes the last-good copy. Reading, encoding, hashing and compressing the whole
// catalogue takes seconds of CPU on a tablet, and Web Crypto's digest holds its thread for the whole
// text at once: done here, none of it delays the engine's answers to the page.

import * as Comlink from 'comlink';
import { makeLastGoodCopy, storeLastGoodCopy, type WrittenCopy } from '$lib/db/lastGoodCopy';
import { StockroomDb } from '$lib/db/schema';
import { sha256Hex } from './sha256';

const copier = {
	/** Copies the database `name` as it is now, stores the copy in OPFS, and hands it back. */
	async write(name: string): Promise<WrittenCopy> {
		// Opened per copy and closed after: an open connection would hold up a deletion or an upgrade.
		const db = new StockroomDb(name);
		try {
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
