// The user's settings, kept as one record (the write sequence lives beside it: applyChangeSet.ts).

import type { Settings } from '$lib/domain/types';
import type { StockroomDb } from './schema';

const SETTINGS_KEY = 'settings';

/** The stored settings; fields never saved are missing (the caller fills in defaults). */
export async function readSettings(db: StockroomDb): Promise<Partial<Settings>> {
	const stored = await db.settings.get(SETTINGS_KEY);
	return (stored?.value as Partial<Settings> | undefined) ?? {};
}

export async function writeSettings(db: StockroomDb, settings: Settings): Promise<void> {
	await db.settings.put({ key: SETTINGS_KEY, value: settings });
}
