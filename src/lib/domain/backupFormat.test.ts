import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_VERSION,
	backupFooter,
	backupHeader,
	backupLine,
	readBackup,
	type BackupTable
} from './backupFormat';
import { defaultSource, newSource } from './types';

const sha256 = async (data: string | ArrayBuffer) =>
	createHash('sha256')
		.update(typeof data === 'string' ? data : new Uint8Array(data))
		.digest('hex');
const read = (text: string) => readBackup(text, sha256);

const created = new Date(Date.UTC(2026, 10, 22, 14, 2, 33));

const rows = {
	sources: [defaultSource(), { ...newSource('eu-1', 'EU 1'), latitude: 52.5, country: 'DE' }] as object[],
	settings: [{ key: 'settings', value: { defaultNotifyQty: 3 } }] as object[],
	pages: [
		{
			id: 1,
			firstKey: 'mb-01',
			products: [
				{
					sku: 'MB-01',
					name: 'Duffle "Bag"\nwith a new line',
					barcodes: ['0730143312691'],
					items: [{ source: 'default', quantity: 2.5, status: 1, notifyQty: null }]
				}
			]
		}
	] as object[],
	operations: [
		{ id: 1, at: 1_700_000_000_000, kind: 'create-product', summary: 'x', products: 1, items: 1, chunks: 1 }
	] as object[],
	opChanges: [{ opId: 1, chunk: 0, changes: [] }] as object[],
	counts: [
		{ id: 'c1', source: 'default', blind: false, status: 'open', createdAt: 1_700_000_000_000 }
	] as object[],
	countLines: [{ countId: 'c1', key: 'mb-01', counted: 2 }] as object[]
};
type Content = typeof rows;

/** Header and row lines, sealed with a footer that counts `lines` and checksums them as a backup does. */
async function sealed(lines: string[], counts = countsOf(rows)): Promise<string> {
	const body = lines.join('\n') + '\n';
	return body + (await backupFooter(body, counts, sha256)) + '\n';
}

function countsOf(content: Content): Record<BackupTable, number> {
	return Object.fromEntries(BACKUP_TABLES.map((t) => [t, content[t].length])) as Record<BackupTable, number>;
}

function rowLines(content: Content, header = backupHeader(created)): string[] {
	const lines = [header];
	for (const table of BACKUP_TABLES) for (const row of content[table]) lines.push(backupLine(table, row));
	return lines;
}

function backupText(content = rows, header = backupHeader(created)): Promise<string> {
	return sealed(rowLines(content, header), countsOf(content));
}

const withProduct = (product: object): Content => ({
	...rows,
	pages: [{ id: 1, firstKey: 'mb-01', products: [product] }]
});
const duffle = (rows.pages[0] as { products: object[] }).products[0] as {
	sku: string;
	items: object[];
};

describe('backup header', () => {
	it('names the format, its version and when it was made', () => {
		expect(JSON.parse(backupHeader(created))).toEqual({
			format: 'stockroom-backup',
			version: 2,
			createdAt: '2026-11-22T14:02:33.000Z'
		});
		expect(BACKUP_FORMAT).toBe('stockroom-backup');
		expect(BACKUP_VERSION).toBe(2);
	});

	it('writes one table row per line', () => {
		const line = backupLine('pages', rows.pages[0]);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({ table: 'pages', row: rows.pages[0] });
	});
});

describe('readBackup', () => {
	it('reads back every row of every table, in order, with what it holds', async () => {
		const result = await read(await backupText());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect([...result.rows.keys()]).toEqual([...BACKUP_TABLES]);
		for (const table of BACKUP_TABLES) expect(result.rows.get(table)).toEqual(rows[table]);
		expect(result.summary).toEqual({
			createdAt: '2026-11-22T14:02:33.000Z',
			products: 1,
			items: 1,
			sources: 2,
			operations: 1
		});
	});

	it('reads a file whose lines end in CRLF, and empty tables', async () => {
		const text = (await backupText({ ...rows, operations: [], opChanges: [] })).replace(/\n/g, '\r\n');
		const result = await read(text);
		expect(result.ok && result.rows.get('operations')).toEqual([]);
		expect(result.ok && result.rows.get('sources')).toEqual(rows.sources);
	});

	it('refuses an empty file', async () => {
		expect(await read('')).toEqual({ ok: false, message: 'The file is empty.' });
		expect(await read('\n  \n')).toEqual({ ok: false, message: 'The file is empty.' });
	});

	it.each([
		['a CSV file', 'source_code,sku,status,quantity\ndefault,MB-01,1,5\n'],
		['JSON of another kind', '{"format":"something-else","version":1}\n'],
		['JSON that is not an object', 'null\n'],
		['a JSON array', '[1,2,3]\n']
	])('refuses %s as not a backup', async (_, text) => {
		expect(await read(text)).toEqual({ ok: false, message: 'This file is not a Stockroom backup.' });
	});

	it('refuses a backup from a newer version', async () => {
		const header = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION + 1, createdAt: '' });
		expect(await read(await backupText(rows, header))).toEqual({
			ok: false,
			message: 'This backup was made by a newer version of Stockroom. Update the app first.'
		});
	});

	it('refuses a backup of version 1, which has no checksum', async () => {
		const header = JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: '' });
		const text = rowLines(rows, header).join('\n') + '\n';
		expect(await read(text)).toEqual({
			ok: false,
			message:
				'This backup was made by an older version of Stockroom and has no checksum, so it can not be checked. Nothing was restored.'
		});
	});

	it('refuses a backup cut off at a line boundary, whichever line', async () => {
		const lines = (await backupText()).trimEnd().split('\n');
		for (let keep = 1; keep < lines.length; keep++) {
			expect(await read(lines.slice(0, keep).join('\n') + '\n')).toEqual({
				ok: false,
				message:
					'This backup is incomplete: its last line is missing, so the file was cut off. Nothing was restored.'
			});
		}
	});

	it('refuses a backup edited after it was made, and one cut in the middle of a line', async () => {
		const text = await backupText();
		const changed = {
			ok: false,
			message: expect.stringMatching(/^This backup was changed after it was made/)
		};
		expect(await read(text.replace('"quantity":2.5', '"quantity":"abc"'))).toEqual(changed);
		expect(await read(text.replace('"sku":"MB-01"', '"sku":""'))).toEqual(changed);
		expect(await read(text.replace('Duffle', 'Duff'))).toEqual(changed);
		// Cut inside the footer line: the footer can not be read, so the end is missing.
		expect(await read(text.slice(0, text.length - 20))).toEqual({
			ok: false,
			message: expect.stringMatching(/^This backup is incomplete/)
		});
	});

	it('refuses a damaged line, naming it (even with a checksum that matches it)', async () => {
		const lines = rowLines(rows);
		lines[2] = lines[2].slice(0, 20);
		expect(await read(await sealed(lines))).toEqual({
			ok: false,
			message: 'The backup is damaged at line 3. Nothing was restored.'
		});
	});

	it('refuses a row of an unknown table or a row that is not a record', async () => {
		for (const extra of [
			{ table: 'secrets', row: {} },
			{ table: 'pages', row: 5 },
			{ table: 'pages', row: null }
		]) {
			const lines = [...rowLines(rows), JSON.stringify(extra)];
			expect(await read(await sealed(lines))).toEqual({
				ok: false,
				message: `The backup is damaged at line ${lines.length}. Nothing was restored.`
			});
		}
	});

	it('refuses a backup whose row counts differ from those its footer declares', async () => {
		const lines = rowLines(rows);
		lines.splice(3, 1); // the settings row
		expect(await read(await sealed(lines))).toEqual({
			ok: false,
			message: 'The backup declares 1 settings rows but holds 0. Nothing was restored.'
		});
	});

	it('reads a backup whose footer does not name a table it has no rows of (a table added later)', async () => {
		const content = { ...rows, countLines: [] };
		const { countLines: _none, ...older } = countsOf(content);
		const result = await read(await sealed(rowLines(content), older as Record<BackupTable, number>));
		expect(result.ok && result.rows.get('countLines')).toEqual([]);
	});

	it('refuses a backup with no default source', async () => {
		expect(await read(await backupText({ ...rows, sources: [rows.sources[1]] }))).toEqual({
			ok: false,
			message: 'The backup has no default source. Nothing was restored.'
		});
	});

	it.each([
		['an empty SKU', { ...duffle, sku: '' }, 'SKU is empty.'],
		[
			'a padded SKU',
			{ ...duffle, sku: ' MB-01' },
			'product " MB-01": SKU " MB-01" has leading or trailing spaces.'
		],
		[
			'a quantity that is text',
			{ ...duffle, items: [{ source: 'default', quantity: 'abc', status: 1, notifyQty: null }] },
			'SKU "MB-01" at source "default": quantity "abc" is not a number with at most 4 decimals within ±99,999,999.9999.'
		],
		[
			'a quantity with 5 decimals',
			{ ...duffle, items: [{ source: 'default', quantity: 1.23456, status: 1, notifyQty: null }] },
			'SKU "MB-01" at source "default": quantity 1.23456 is not a number with at most 4 decimals within ±99,999,999.9999.'
		],
		[
			'a status 2',
			{ ...duffle, items: [{ source: 'default', quantity: 1, status: 2, notifyQty: null }] },
			'SKU "MB-01" at source "default": status 2 must be 0 (out of stock) or 1 (in stock).'
		],
		[
			'an item on a source the backup does not have',
			{ ...duffle, items: [{ source: 'xx-9', quantity: 1, status: 1, notifyQty: null }] },
			'SKU "MB-01" at source "xx-9": the source does not exist in the backup.'
		]
	])('refuses, naming line and value, a product with %s (checksum intact)', async (_, product, problem) => {
		const content = withProduct(product);
		expect(await read(await backupText(content))).toEqual({
			ok: false,
			message: `Line 5 of the backup: ${problem} Nothing was restored.`
		});
	});

	it('refuses pages out of order, overlapping, or with a wrong first key', async () => {
		const page = (id: number, ...skus: string[]) => ({
			id,
			firstKey: skus[0].toLowerCase(),
			products: skus.map((sku) => ({ ...duffle, sku }))
		});
		const cases: [object[], RegExp][] = [
			[[page(1, 'B-1', 'A-1')], /SKU "A-1" is out of order or appears twice/],
			[[page(1, 'A-1', 'C-1'), page(2, 'B-1')], /also appear on another page/],
			[[{ ...page(1, 'A-1'), firstKey: 'zz' }], /first key is not that of SKU "A-1"/]
		];
		for (const [pages, message] of cases) {
			const result = await read(await backupText({ ...rows, pages }));
			expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
		}
	});

	it('refuses history changes or count lines that belong to nothing in the backup', async () => {
		expect(
			await read(await backupText({ ...rows, opChanges: [{ opId: 9, chunk: 0, changes: [] }] }))
		).toMatchObject({
			ok: false,
			message: expect.stringMatching(/belong to no operation/)
		});
		expect(
			await read(await backupText({ ...rows, countLines: [{ countId: 'other', key: 'mb-01', counted: 1 }] }))
		).toMatchObject({ ok: false, message: expect.stringMatching(/belongs to no count/) });
	});
});
