// Durability: what the database holds compared with what this device had, the last-good copy outside
// IndexedDB and restoring it in one step, and keeping the current data after a loss.

import { decompressCopy, findLastGoodCopy, readLastGoodCopy, type CopyInfo } from '$lib/db/lastGoodCopy';
import { raiseWriteSeq, storedWriteSeq } from '$lib/db/storageFailure';
import { fail, type Outcome } from '$lib/domain/outcome';
import { lostData, type DataMarker, type DataNow, type SpaceEstimate } from '$lib/domain/storageHealth';
import { defaultSource } from '$lib/domain/types';
import { backupCommands } from './backupCommands';
import { spaceEstimate } from './storageGuard';
import type { Store } from './store';

export type { CopyInfo };

export interface StorageHealth {
	now: DataNow;
	/** The database holds less than this device had (or lost it during a failed write). */
	lost: boolean;
	copy: CopyInfo | null;
	space: SpaceEstimate | null;
}

export function durabilityCommands(store: Store) {
	const backups = backupCommands(store);

	async function dataNow(): Promise<DataNow> {
		return {
			seq: (await storedWriteSeq(store.db)) ?? 0,
			products: store.inventory.size,
			sources: store.sources.length
		};
	}

	return {
		/** `marker`: what the page recorded after the last write it saw (localStorage survives eviction). */
		async storageHealth(marker: DataMarker | null): Promise<StorageHealth> {
			await store.start();
			const copy = (await findLastGoodCopy().catch(() => null)) ?? store.guard.lastCopy;
			const now = await dataNow();
			if (!store.guard.lost && lostData(now, marker, copy?.seq ?? null)) store.guard.lost = true;
			return { now, lost: store.guard.lost, copy, space: await spaceEstimate() };
		},

		/**
		 * Replaces everything with the newest last-good copy (the ordinary restore, all or nothing): the one
		 * in OPFS, else the one in memory (the browser deleted OPFS too), else `mirrored`, the page's copy.
		 */
		async restoreLastGoodCopy(
			mirrored?: Blob
		): Promise<Outcome<{ products: number; sources: number; at: number }>> {
			await store.start();
			const stored = await findLastGoodCopy().catch(() => null);
			const inMemory = store.guard.lastCopy && store.guard.lastCopyBlob;
			const copy = stored ?? (inMemory ? store.guard.lastCopy : null);
			const compressed = stored ? await readLastGoodCopy(stored) : (store.guard.lastCopyBlob ?? mirrored);
			if (!compressed) return fail('There is no last-good copy on this device.');
			const restored = await backups.restore(await decompressCopy(compressed));
			if (!restored.ok) return restored;
			return { ok: true, value: { ...restored.value, at: copy?.at ?? 0 } };
		},

		/** The newest copy, compressed, when it is small enough for the page to mirror in localStorage. */
		async lastGoodCopyBytes(maxBytes: number): Promise<{ info: CopyInfo; bytes: ArrayBuffer } | null> {
			const { lastCopy, lastCopyBlob } = store.guard;
			if (!lastCopy || !lastCopyBlob || lastCopyBlob.size > maxBytes) return null;
			return { info: lastCopy, bytes: await lastCopyBlob.arrayBuffer() };
		},

		/** After a loss, carry on with what the database holds now (the copy stays, for later). */
		async keepCurrentData(expectedSeq: number): Promise<void> {
			await store.start();
			const copy = await findLastGoodCopy().catch(() => null);
			await raiseWriteSeq(store.db, Math.max(expectedSeq, copy?.seq ?? 0));
			await store.reloadAll();
			// A database the browser recreated empty lacks even the default source.
			if (!store.source('default')) await store.saveSources({ put: [defaultSource()] });
		}
	};
}
