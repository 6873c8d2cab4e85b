// An older app must not open a database that a newer one has upgraded: Dexie 4 would open it anyway
// (it adapts to the installed version) and this app would then read and write records whose format it
// does not know. So the installed version is checked before Dexie touches the database.

import { NEWER_DATABASE_MESSAGE } from '$lib/domain/wording';
import { SCHEMA_VERSION, type StockroomDb } from './schema';

export { NEWER_DATABASE_MESSAGE };

export class NewerDatabaseError extends Error {
	constructor(readonly installed: number) {
		super(NEWER_DATABASE_MESSAGE);
		this.name = 'NewerDatabaseError';
	}
}

/** Dexie stores version N as native version N × 10. */
export const DEXIE_VERSION_FACTOR = 10;

/** Another tab opens the database at `nativeVersion`: is that a newer schema than this app's? */
export function isNewerNativeVersion(nativeVersion: number | null): boolean {
	return nativeVersion !== null && nativeVersion / DEXIE_VERSION_FACTOR > SCHEMA_VERSION;
}

/** Throws NewerDatabaseError when the database `name` was upgraded past this app's schema. */
export async function assertNotNewer(name: string): Promise<void> {
	// indexedDB.databases() reads the version without opening (opening could itself upgrade).
	if (typeof indexedDB.databases !== 'function') return;
	const installed = (await indexedDB.databases()).find((db) => db.name === name)?.version;
	if (installed !== undefined && isNewerNativeVersion(installed))
		throw new NewerDatabaseError(installed / DEXIE_VERSION_FACTOR);
}

/**
 * Calls `onNewer` when another tab opens `db` at a newer schema. The connection is closed for good
 * first, so the newer app's upgrade goes ahead and this one never reopens the database under it
 * (Dexie would otherwise reopen it automatically, at the newer version).
 */
export function onNewerVersion(db: StockroomDb, onNewer: (error: NewerDatabaseError) => void) {
	db.on('versionchange', (event) => {
		if (!isNewerNativeVersion(event.newVersion)) return;
		db.close({ disableAutoOpen: true });
		onNewer(new NewerDatabaseError(event.newVersion! / DEXIE_VERSION_FACTOR));
	});
}
