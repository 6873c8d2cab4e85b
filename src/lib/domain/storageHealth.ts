// Rules about the device's storage: whether the database lost data it held before, whether a write
// clearly needs more room than is left, and what the user is told. Pure: the figures come from the
// caller (the database, navigator.storage.estimate, the marker the page keeps).

import type { ProductChange } from './changeSet';
import type { Product } from './types';

/** What this device's database held after its last write that the page saw (kept outside IndexedDB). */
export interface DataMarker {
	/** The database's write sequence: it only moves forward while the database survives. */
	seq: number;
	products: number;
	sources: number;
}

/** The database as it is now. */
export type DataNow = DataMarker;

/**
 * The database lost data when its write sequence went back (the browser discarded or cleared it), or
 * when it is empty (only the default source, no write ever) although the device had more before.
 * `copySeq` is the write sequence of the last-good copy, which is a second witness of what was there.
 */
export function lostData(now: DataNow, marker: DataMarker | null, copySeq: number | null): boolean {
	const expectedSeq = Math.max(marker?.seq ?? 0, copySeq ?? 0);
	if (now.seq < expectedSeq) return true;
	const empty = now.seq === 0 && now.products === 0 && now.sources <= 1;
	return empty && marker !== null && (marker.products > 0 || marker.sources > 1);
}

export interface SpaceEstimate {
	usage: number;
	quota: number;
}

/** A rough upper bound of what a change set writes: the new pages, and the history's before and after. */
export function estimateWriteBytes(changes: readonly ProductChange[]): number {
	let bytes = 64 * 1024; // the pages a change rewrites around it, and the operation record
	for (const change of changes) bytes += 2 * productBytes(change.after) + productBytes(change.before);
	return bytes;
}

function productBytes(product: Product | null): number {
	if (!product) return 1;
	let bytes = 8 + product.sku.length + product.name.length;
	for (const code of product.barcodes) bytes += code.length + 1;
	return bytes + product.items.length * 19; // source index, quantity, status, notify quantity
}

/** Null when the write fits; otherwise the message refusing it before anything is written. */
export function spaceShortfall(need: number, estimate: SpaceEstimate | null): string | null {
	if (!estimate || estimate.quota <= 0) return null;
	const left = estimate.quota - estimate.usage;
	if (need <= left) return null;
	return (
		`Not enough storage space: this change needs about ${bytesText(need)}, but only ${bytesText(Math.max(0, left))} ` +
		`is left for Stockroom on this device. Nothing was changed. ${WHAT_TO_DO}`
	);
}

const WHAT_TO_DO =
	'Free space on the device (other apps, downloads, photos), then try again; back up all data in Settings first, so nothing is lost if the browser clears its storage.';

/** The browser refused a write for lack of space; the transaction was rolled back. */
export function storageFullMessage(estimate: SpaceEstimate | null): string {
	const used = estimate
		? ` Stockroom uses ${bytesText(estimate.usage)} of ${bytesText(estimate.quota)} allowed.`
		: '';
	return `The device ran out of storage space, so this change was not saved: nothing was changed.${used} ${WHAT_TO_DO}`;
}

export const DATA_LOST_DURING_WRITE =
	'The browser ran out of storage space during this write and discarded Stockroom’s database. ' +
	'The products on screen are the last saved state: restore the last-good copy to keep them.';

export const WRITES_BLOCKED =
	'Stockroom’s database lost data. Restore the last-good copy or a backup first (or choose to keep the current data): nothing was changed.';

/** `1.5 MB`: the same units as Settings. */
export function bytesText(bytes: number): string {
	if (bytes < 1024) return `${Math.round(bytes)} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const BACKUP_REMINDER_DAYS = 7;

export type BackupReminder = 'none' | 'no-recent-backup' | 'not-persistent';

/** Products and Settings remind the user when there is data to lose and it is not safe enough. */
export function backupReminder(input: {
	products: number;
	lastBackupAt: number | null;
	persistent: boolean | null;
	dismissedAt: number | null;
	now: number;
}): BackupReminder {
	const week = BACKUP_REMINDER_DAYS * 86_400_000;
	if (input.products === 0) return 'none';
	if (input.dismissedAt !== null && input.now - input.dismissedAt < week) return 'none';
	if (input.lastBackupAt === null || input.now - input.lastBackupAt > week) return 'no-recent-backup';
	if (input.persistent === false) return 'not-persistent';
	return 'none';
}
