import { describe, expect, it } from 'vitest';
import {
	backupReminder,
	bytesText,
	estimateWriteBytes,
	lostData,
	spaceShortfall,
	storageFullMessage
} from './storageHealth';
import type { Product } from './types';

const held = { seq: 12, products: 40, sources: 4 };

describe('lostData', () => {
	it('is true when the write sequence went back (the database was discarded or cleared)', () => {
		expect(lostData({ seq: 0, products: 0, sources: 1 }, held, null)).toBe(true);
		expect(lostData({ seq: 11, products: 40, sources: 4 }, held, null)).toBe(true);
	});

	it('is false when the database is at or past what the device recorded', () => {
		expect(lostData({ seq: 12, products: 40, sources: 4 }, held, null)).toBe(false);
		// Deleting products or sources is no loss: the sequence moved on.
		expect(lostData({ seq: 14, products: 0, sources: 1 }, held, 13)).toBe(false);
	});

	it('takes the last-good copy as a second witness when the marker is missing', () => {
		expect(lostData({ seq: 0, products: 0, sources: 1 }, null, 5)).toBe(true);
		expect(lostData({ seq: 5, products: 3, sources: 1 }, null, 5)).toBe(false);
	});

	it('notices an emptied database that had only sources (no stock write yet)', () => {
		const sourcesOnly = { seq: 0, products: 0, sources: 3 };
		expect(lostData({ seq: 0, products: 0, sources: 1 }, sourcesOnly, null)).toBe(true);
		expect(lostData({ seq: 0, products: 0, sources: 3 }, sourcesOnly, null)).toBe(false);
	});

	it('never alarms on a first visit', () => {
		expect(lostData({ seq: 0, products: 0, sources: 1 }, null, null)).toBe(false);
	});
});

const product = (sku: string, items: number): Product => ({
	sku,
	name: 'Name',
	barcodes: ['123'],
	items: Array.from({ length: items }, (_, i) => ({
		source: `s${i}`,
		quantity: 1,
		status: 1,
		notifyQty: null
	}))
});

describe('estimateWriteBytes and spaceShortfall', () => {
	it('grows with the products and items written, before and after', () => {
		const small = estimateWriteBytes([{ key: 'a', before: null, after: product('A', 1) }]);
		const large = estimateWriteBytes(
			Array.from({ length: 1000 }, (_, i) => ({
				key: `k${i}`,
				before: product(`K${i}`, 5),
				after: product(`K${i}`, 5)
			}))
		);
		expect(large).toBeGreaterThan(small + 1000 * 3 * 5 * 19);
	});

	it('refuses a write that needs more than is left, naming both figures, and lets the rest through', () => {
		const message = spaceShortfall(3 * 1024 * 1024, { usage: 9 * 1024 * 1024, quota: 10 * 1024 * 1024 });
		expect(message).toContain('needs about 3.0 MB, but only 1.0 MB is left');
		expect(message).toContain('Nothing was changed.');
		expect(spaceShortfall(512 * 1024, { usage: 9 * 1024 * 1024, quota: 10 * 1024 * 1024 })).toBeNull();
	});

	it('does not guess when the browser gives no estimate', () => {
		expect(spaceShortfall(1e12, null)).toBeNull();
		expect(spaceShortfall(1e12, { usage: 0, quota: 0 })).toBeNull();
	});
});

describe('storageFullMessage', () => {
	it('says nothing was changed, the space used and allowed, and what to do', () => {
		const message = storageFullMessage({ usage: 5 * 1024 * 1024, quota: 2 * 1024 ** 3 });
		expect(message).toContain('nothing was changed');
		expect(message).toContain('Stockroom uses 5.0 MB of 2.0 GB allowed.');
		expect(message).toContain('Free space on the device');
		expect(message).toContain('back up all data in Settings');
	});
});

describe('backupReminder', () => {
	const day = 86_400_000;
	const now = 100 * day;
	const base = { products: 10, lastBackupAt: now - day, persistent: true, dismissedAt: null, now };

	it('stays quiet with no data, a recent backup and persistent storage', () => {
		expect(backupReminder({ ...base, products: 0, lastBackupAt: null })).toBe('none');
		expect(backupReminder(base)).toBe('none');
	});

	it('reminds when there was no backup in the last 7 days, or storage is not persistent', () => {
		expect(backupReminder({ ...base, lastBackupAt: null })).toBe('no-recent-backup');
		expect(backupReminder({ ...base, lastBackupAt: now - 8 * day })).toBe('no-recent-backup');
		expect(backupReminder({ ...base, persistent: false })).toBe('not-persistent');
	});

	it('is silenced for a week by Not now', () => {
		expect(backupReminder({ ...base, lastBackupAt: null, dismissedAt: now - 6 * day })).toBe('none');
		expect(backupReminder({ ...base, lastBackupAt: null, dismissedAt: now - 8 * day })).toBe(
			'no-recent-backup'
		);
	});
});

describe('bytesText', () => {
	it('uses B, KB, MB and GB', () => {
		expect(bytesText(512)).toBe('512 B');
		expect(bytesText(1536)).toBe('1.5 KB');
		expect(bytesText(12 * 1024 * 1024)).toBe('12 MB');
	});
});
