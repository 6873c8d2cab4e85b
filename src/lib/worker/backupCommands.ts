// Back up every table to one file, and restore such a file (all or nothing).

import { BACKUP_TABLES, backupHeader, backupLine, readBackup } from '$lib/domain/backupFormat';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { fileStamp } from '$lib/domain/wording';
import { readWriteSeq, WRITE_SEQ_KEY } from '$lib/db/applyChangeSet';
import { rowForBackup, rowFromBackup } from '$lib/db/backupRows';
import type { Store } from './store';

export function backupCommands(store: Store) {
	return {
		async backUp(): Promise<{ blob: Blob; fileName: string }> {
			await store.start();
			const db = store.db;
			const parts: string[] = [backupHeader(new Date()) + '\n'];
			await db.transaction(
				'r',
				BACKUP_TABLES.map((t) => db.table(t)),
				async () => {
					for (const table of BACKUP_TABLES) {
						await db
							.table(table)
							.each((row) => void parts.push(backupLine(table, rowForBackup(table, row)) + '\n'));
					}
				}
			);
			return {
				blob: new Blob(parts, { type: 'application/x-ndjson' }),
				fileName: `stockroom_backup_${fileStamp(new Date())}.jsonl`
			};
		},

		async restore(file: Blob): Promise<Outcome<{ products: number; sources: number }>> {
			await store.start();
			const read = readBackup(await file.text());
			if (!read.ok) return fail(read.message);
			const db = store.db;
			await db.transaction(
				'rw',
				BACKUP_TABLES.map((t) => db.table(t)),
				async () => {
					const seq = await readWriteSeq(db);
					for (const table of BACKUP_TABLES) {
						await db.table(table).clear();
						await db.table(table).bulkPut(read.rows.get(table)!.map((row) => rowFromBackup(table, row)));
					}
					// The write sequence only moves forward, so no tab mistakes its old copy for the restored data.
					await db.settings.put({ key: WRITE_SEQ_KEY, value: seq + 1 });
				}
			);
			await store.reloadAll();
			return succeed({ products: store.inventory.size, sources: store.sources.length });
		}
	};
}
