// Backup and restore at the table level: every table read in one transaction, or every table replaced
// in one transaction. Rows are converted to and from plain JSON here (backupRows.ts).

import { BACKUP_TABLES, type BackupTable } from '$lib/domain/backupFormat';
import { readWriteSeq, WRITE_SEQ_KEY } from './applyChangeSet';
import { rowForBackup, rowFromBackup } from './backupRows';
import type { SettingRecord, StockroomDb } from './schema';

const backupTables = (db: StockroomDb) => BACKUP_TABLES.map((t) => db.table(t));

/** Calls `visit` with every row of every backed-up table (or of `only`), as one consistent snapshot. */
export async function readEveryRow(
	db: StockroomDb,
	visit: (table: BackupTable, row: unknown) => void,
	only: readonly BackupTable[] = BACKUP_TABLES
): Promise<void> {
	await db.transaction('r', backupTables(db), async () => {
		for (const table of only) {
			await db.table(table).each((row) => {
				// The write sequence belongs to this database, not to its data: a restore moves it on.
				if (table === 'settings' && (row as SettingRecord).key === WRITE_SEQ_KEY) return;
				visit(table, rowForBackup(table, row));
			});
		}
	});
}

/** Replaces every table with the backup's rows in one transaction: all of it, or nothing. */
export async function replaceEveryRow(
	db: StockroomDb,
	rows: ReadonlyMap<BackupTable, unknown[]>
): Promise<void> {
	await db.transaction('rw', backupTables(db), async () => {
		const seq = await readWriteSeq(db);
		for (const table of BACKUP_TABLES) {
			await db.table(table).clear();
			await db.table(table).bulkPut((rows.get(table) ?? []).map((row) => rowFromBackup(table, row)));
		}
		// The write sequence only moves forward, so no tab mistakes its old copy for the restored data.
		await db.settings.put({ key: WRITE_SEQ_KEY, value: seq + 1 });
	});
}
