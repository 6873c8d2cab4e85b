// Back up every table to one file, and restore such a file (all or nothing) after checking all of it.
// The data a restore replaces is kept as a backup of its own (db/previousData.ts), so the user can go
// back: "Restore previous data".

import { sha256Hex } from './sha256';
import type { BackupSummary } from '$lib/domain/backupContent';
import {
	BACKUP_TABLES,
	backupFooter,
	backupHeader,
	backupLine,
	readBackup,
	type BackupTable
} from '$lib/domain/backupFormat';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { fileStamp } from '$lib/domain/wording';
import { readEveryRow, replaceEveryRow } from '$lib/db/backupStore';
import { countOperations } from '$lib/db/historyStore';
import { keepPreviousData, readPreviousData, type PreviousData } from '$lib/db/previousData';
import type { Store } from './store';

export type { PreviousData };

export interface BackupCheck {
	/** What the backup holds. */
	backup: BackupSummary;
	/** What this device holds now, which the restore would replace. */
	current: Omit<BackupSummary, 'createdAt'>;
}

export interface RestoreResult {
	products: number;
	sources: number;
	/** The data that was replaced, kept as a backup. */
	previous: PreviousData;
}

export function backupCommands(store: Store) {
	async function backupBlob(now: Date): Promise<Blob> {
		const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;
		const parts: string[] = [backupHeader(now) + '\n'];
		await readEveryRow(store.db, (table, row) => {
			counts[table]++;
			parts.push(backupLine(table, row) + '\n');
		});
		const body = parts.join('');
		return new Blob([body, (await backupFooter(body, counts, sha256Hex)) + '\n'], {
			type: 'application/x-ndjson'
		});
	}

	async function current(): Promise<BackupCheck['current']> {
		let items = 0;
		for (const product of store.inventory.products.values()) items += product.items.length;
		return {
			products: store.inventory.size,
			items,
			sources: store.sources.length,
			operations: await countOperations(store.db)
		};
	}

	async function restoreFrom(file: Blob): Promise<Outcome<RestoreResult>> {
		await store.start();
		const read = await readBackup(await file.text(), sha256Hex);
		if (!read.ok) return fail(read.message);
		// Put the current data aside first: if this fails, nothing has been replaced yet.
		const previous = await keepPreviousData(store.db.name, await backupBlob(new Date()));
		await replaceEveryRow(store.db, read.rows);
		await store.reloadAll();
		return succeed({ products: store.inventory.size, sources: store.sources.length, previous });
	}

	return {
		async backUp(): Promise<{ blob: Blob; fileName: string }> {
			await store.start();
			const now = new Date();
			return { blob: await backupBlob(now), fileName: `stockroom_backup_${fileStamp(now)}.jsonl` };
		},

		/** Checks a whole backup without changing anything, and says what a restore would replace. */
		async checkBackup(file: Blob): Promise<Outcome<BackupCheck>> {
			await store.start();
			const read = await readBackup(await file.text(), sha256Hex);
			if (!read.ok) return fail(read.message);
			return succeed({ backup: read.summary, current: await current() });
		},

		/** Replaces all data with the backup's in one transaction, after checking it all again. */
		restore(file: Blob): Promise<Outcome<RestoreResult>> {
			return restoreFrom(file);
		},

		/** The data the last restore replaced, if it is still kept. */
		async previousData(): Promise<PreviousData | null> {
			return (await readPreviousData(store.db.name))?.info ?? null;
		},

		async downloadPreviousData(): Promise<{ blob: Blob; fileName: string } | null> {
			const kept = await readPreviousData(store.db.name);
			if (!kept) return null;
			return {
				blob: kept.blob,
				fileName: `stockroom_before_restore_${fileStamp(new Date(kept.info.savedAt))}.jsonl`
			};
		},

		/** Goes back to the data the last restore replaced (which in turn is kept as the previous data). */
		async restorePreviousData(): Promise<Outcome<RestoreResult>> {
			const kept = await readPreviousData(store.db.name);
			if (!kept) return fail('There is no previous data on this device to go back to.');
			return restoreFrom(kept.blob);
		}
	};
}
