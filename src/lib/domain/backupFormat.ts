// The backup file: one JSON record per line, so that a large catalogue is written and read in parts.
// Line 1 is the header; every other line is { table, row }.

export const BACKUP_FORMAT = 'stockroom-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_TABLES = [
	'sources',
	'settings',
	'pages',
	'operations',
	'opChanges',
	'counts',
	'countLines'
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	createdAt: string;
}

export type BackupRead = { ok: true; rows: Map<BackupTable, unknown[]> } | { ok: false; message: string };

export function backupHeader(now: Date): string {
	const header: BackupHeader = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: now.toISOString()
	};
	return JSON.stringify(header);
}

export function backupLine(table: BackupTable, row: unknown): string {
	return JSON.stringify({ table, row });
}

/** Reads a whole backup, refusing anything that is not one, before anything is replaced. */
export function readBackup(text: string): BackupRead {
	const lines = text.split('\n');
	if (lines.every((line) => line.trim() === '')) return { ok: false, message: 'The file is empty.' };
	let header: Partial<BackupHeader>;
	try {
		header = JSON.parse(lines[0]);
	} catch {
		return { ok: false, message: 'This file is not a Stockroom backup.' };
	}
	if (header?.format !== BACKUP_FORMAT) return { ok: false, message: 'This file is not a Stockroom backup.' };
	if (typeof header.version !== 'number')
		return { ok: false, message: 'This file is not a Stockroom backup.' };
	if (header.version > BACKUP_VERSION) {
		return {
			ok: false,
			message: 'This backup was made by a newer version of Stockroom. Update the app first.'
		};
	}
	const rows = new Map<BackupTable, unknown[]>(BACKUP_TABLES.map((t) => [t, []]));
	for (let i = 1; i < lines.length; i++) {
		if (lines[i].trim() === '') continue;
		let record: { table?: string; row?: unknown };
		try {
			record = JSON.parse(lines[i]);
		} catch {
			return { ok: false, message: `The backup is damaged at line ${i + 1}; nothing was restored.` };
		}
		const table = rows.get(record.table as BackupTable);
		if (!table || typeof record.row !== 'object' || record.row === null) {
			return { ok: false, message: `The backup is damaged at line ${i + 1}; nothing was restored.` };
		}
		table.push(record.row);
	}
	if (!(rows.get('sources') ?? []).some((s) => (s as { code?: string }).code === 'default')) {
		return { ok: false, message: 'The backup has no default source; nothing was restored.' };
	}
	return { ok: true, rows };
}
