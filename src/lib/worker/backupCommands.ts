// Back up every table to one file, and restore such a file (all or nothing).

import { backupHeader, backupLine, readBackup } from '$lib/domain/backupFormat';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { fileStamp } from '$lib/domain/wording';
import { readEveryRow, replaceEveryRow } from '$lib/db/backupStore';
import type { Store } from './store';

export function backupCommands(store: Store) {
	return {
		async backUp(): Promise<{ blob: Blob; fileName: string }> {
			await store.start();
			const parts: string[] = [backupHeader(new Date()) + '\n'];
			await readEveryRow(store.db, (table, row) => void parts.push(backupLine(table, row) + '\n'));
			return {
				blob: new Blob(parts, { type: 'application/x-ndjson' }),
				fileName: `stockroom_backup_${fileStamp(new Date())}.jsonl`
			};
		},

		async restore(file: Blob): Promise<Outcome<{ products: number; sources: number }>> {
			await store.start();
			const read = readBackup(await file.text());
			if (!read.ok) return fail(read.message);
			await replaceEveryRow(store.db, read.rows);
			await store.reloadAll();
			return succeed({ products: store.inventory.size, sources: store.sources.length });
		}
	};
}
