import { describe, expect, it } from 'vitest';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_VERSION,
	backupHeader,
	backupLine,
	readBackup
} from './backupFormat';
import { defaultSource, newSource } from './types';

const created = new Date(Date.UTC(2026, 10, 22, 14, 2, 33));

const rows = {
	sources: [defaultSource(), { ...newSource('eu-1', 'EU 1'), latitude: 52.5, country: 'DE' }],
	settings: [{ key: 'settings', value: { defaultNotifyQty: 3 } }],
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
	],
	operations: [
		{ id: 1, at: 1_700_000_000_000, kind: 'create-product', summary: 'x', products: 1, items: 1, chunks: 1 }
	],
	opChanges: [{ opId: 1, chunk: 0, changes: [] }],
	counts: [{ id: 'c1', source: 'default', blind: false, status: 'open', createdAt: 1_700_000_000_000 }],
	countLines: [{ countId: 'c1', key: 'mb-01', counted: 2 }]
};

function backupText(content = rows, header = backupHeader(created)): string {
	const lines = [header];
	for (const table of BACKUP_TABLES) for (const row of content[table]) lines.push(backupLine(table, row));
	return lines.join('\n') + '\n';
}

describe('backup header', () => {
	it('names the format, its version and when it was made', () => {
		expect(JSON.parse(backupHeader(created))).toEqual({
			format: 'stockroom-backup',
			version: 1,
			createdAt: '2026-11-22T14:02:33.000Z'
		});
		expect(BACKUP_FORMAT).toBe('stockroom-backup');
		expect(BACKUP_VERSION).toBe(1);
	});

	it('writes one table row per line', () => {
		const line = backupLine('pages', rows.pages[0]);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({ table: 'pages', row: rows.pages[0] });
	});
});

describe('readBackup', () => {
	it('reads back every row of every table, in order', () => {
		const read = readBackup(backupText());
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect([...read.rows.keys()]).toEqual([...BACKUP_TABLES]);
		for (const table of BACKUP_TABLES) expect(read.rows.get(table)).toEqual(rows[table]);
	});

	it('reads a file whose lines end in CRLF, and empty tables', () => {
		const text = backupText({ ...rows, operations: [], opChanges: [] }).replace(/\n/g, '\r\n');
		const read = readBackup(text);
		expect(read.ok && read.rows.get('operations')).toEqual([]);
		expect(read.ok && read.rows.get('sources')).toEqual(rows.sources);
	});

	it('refuses an empty file', () => {
		expect(readBackup('')).toEqual({ ok: false, message: 'The file is empty.' });
		expect(readBackup('\n  \n')).toEqual({ ok: false, message: 'The file is empty.' });
	});

	it.each([
		['a CSV file', 'source_code,sku,status,quantity\ndefault,MB-01,1,5\n'],
		['JSON of another kind', '{"format":"something-else","version":1}\n'],
		['JSON that is not an object', 'null\n'],
		['a JSON array', '[1,2,3]\n']
	])('refuses %s as not a backup', (_, text) => {
		expect(readBackup(text)).toEqual({ ok: false, message: 'This file is not a Stockroom backup.' });
	});

	it('refuses a backup from a newer version', () => {
		const header = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION + 1, createdAt: '' });
		expect(readBackup(backupText(rows, header))).toEqual({
			ok: false,
			message: 'This backup was made by a newer version of Stockroom. Update the app first.'
		});
	});

	it('refuses a damaged line, naming it', () => {
		const lines = backupText().split('\n');
		lines[2] = lines[2].slice(0, 20);
		expect(readBackup(lines.join('\n'))).toEqual({
			ok: false,
			message: 'The backup is damaged at line 3; nothing was restored.'
		});
	});

	it('refuses a row of an unknown table or a row that is not a record', () => {
		const unknown = backupText() + JSON.stringify({ table: 'secrets', row: {} }) + '\n';
		const damagedAt = unknown.trim().split('\n').length;
		expect(readBackup(unknown)).toEqual({
			ok: false,
			message: `The backup is damaged at line ${damagedAt}; nothing was restored.`
		});
		const notRecord = backupText() + JSON.stringify({ table: 'pages', row: 5 }) + '\n';
		expect(readBackup(notRecord)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/damaged at line/)
		});
		const nullRow = backupText() + JSON.stringify({ table: 'pages', row: null }) + '\n';
		expect(readBackup(nullRow)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/damaged at line/)
		});
	});

	it('refuses a backup with no default source', () => {
		expect(readBackup(backupText({ ...rows, sources: [rows.sources[1]] }))).toEqual({
			ok: false,
			message: 'The backup has no default source; nothing was restored.'
		});
	});
});
