import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readBackup } from '$lib/domain/backupFormat';
import { applyChangeSet } from './applyChangeSet';
import { decompressCopy, makeLastGoodCopy } from './lastGoodCopy';
import { ensureDefaultSource } from './sourceStore';
import { created, openDb, range } from './testing';

const sha256Hex = async (data: string | ArrayBuffer) =>
	createHash('sha256')
		.update(typeof data === 'string' ? data : new Uint8Array(data))
		.digest('hex');

describe('the last-good copy', () => {
	it('is a compressed backup of the stock that reads back whole, checksum included', async () => {
		const db = openDb();
		await ensureDefaultSource(db);
		await applyChangeSet(db, created(range(0, 2500)));
		const copy = await makeLastGoodCopy(db, sha256Hex, Date.UTC(2026, 11, 2));
		expect(copy.info.products).toBe(2500);
		expect(copy.info.bytes).toBe(copy.blob.size);
		const text = await (await decompressCopy(copy.blob)).text();
		const read = await readBackup(text, sha256Hex);
		if (!read.ok) throw new Error(read.message);
		const pages = read.rows.get('pages') as { products: { sku: string }[] }[];
		expect(pages.flatMap((page) => page.products.map((p) => p.sku))).toHaveLength(2500);
		expect(read.rows.get('operations') ?? []).toEqual([]);
		// One changed byte and the checksum no longer matches.
		const tampered = text.replace('"P-01234"', '"P-01235"');
		expect(tampered).not.toBe(text);
		expect((await readBackup(tampered, sha256Hex)).ok).toBe(false);
	});
});
