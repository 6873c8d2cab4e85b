// The backup file (docs/domain-rules.md, Backups): one JSON record per line, so that a large catalogue
// is written and read in parts. Line 1 is the header, every other line but the last is { table, row },
// and the last line is the footer: how many rows each table has, and a SHA-256 of every line before
// it. A file that was cut off, edited or is not a backup at all is refused before anything is replaced.

import { checkBackupRows, summarizeBackup, type BackupSummary } from './backupContent';

export const BACKUP_FORMAT = 'stockroom-backup';
/** Version 2 added the footer with counts and checksum; version 1 files had none and are refused. */
export const BACKUP_VERSION = 2;
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

export interface BackupFooter {
	footer: typeof BACKUP_FORMAT;
	counts: Record<BackupTable, number>;
	/** Lower-case hex SHA-256 of the UTF-8 text of every line before the footer, each ending in `\n`. */
	sha256: string;
}

/**
 * The SHA-256 of a text (as UTF-8) or of bytes, as lower-case hex (Web Crypto in the app; injected to
 * keep this pure).
 */
export type Sha256 = (data: string | ArrayBuffer) => Promise<string>;

export type BackupRead =
	{ ok: true; rows: Map<BackupTable, unknown[]>; summary: BackupSummary } | { ok: false; message: string };

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

/** The footer line for `body`: the header and row lines, each ending in `\n`. */
export async function backupFooter(
	body: string | ArrayBuffer,
	counts: Record<BackupTable, number>,
	sha256: Sha256
): Promise<string> {
	const footer: BackupFooter = { footer: BACKUP_FORMAT, counts, sha256: await sha256(body) };
	return JSON.stringify(footer);
}

const NOTHING = 'Nothing was restored.';
const refuse = (message: string): BackupRead => ({ ok: false, message: `${message} ${NOTHING}` });
const NOT_A_BACKUP: BackupRead = { ok: false, message: 'This file is not a Stockroom backup.' };

/**
 * Reads and checks a whole backup before anything is replaced: its header, that it is complete (the
 * footer is there), its checksum, the declared against the present row counts, and every value
 * (backupContent.ts). The first problem found is the answer.
 */
export async function readBackup(text: string, sha256: Sha256): Promise<BackupRead> {
	const lines = text.split(/\r?\n/);
	while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
	if (lines.length === 0) return { ok: false, message: 'The file is empty.' };
	const header = parseObject(lines[0]) as Partial<BackupHeader> | null;
	if (header?.format !== BACKUP_FORMAT || typeof header.version !== 'number') return NOT_A_BACKUP;
	if (header.version > BACKUP_VERSION) {
		return {
			ok: false,
			message: 'This backup was made by a newer version of Stockroom. Update the app first.'
		};
	}
	if (header.version < 2) {
		return refuse(
			'This backup was made by an older version of Stockroom and has no checksum, so it can not be checked.'
		);
	}
	const footer = parseObject(lines.at(-1)!) as Partial<BackupFooter> | null;
	if (lines.length < 2 || footer?.footer !== BACKUP_FORMAT) {
		return refuse('This backup is incomplete: its last line is missing, so the file was cut off.');
	}
	// The text up to the footer as written (LF); a copy only when line ends were changed to CRLF.
	const end = text.trimEnd();
	const body = text.includes('\r')
		? lines.slice(0, -1).join('\n') + '\n'
		: end.slice(0, end.lastIndexOf('\n') + 1);
	if (typeof footer.sha256 !== 'string' || footer.sha256 !== (await sha256(body))) {
		return refuse('This backup was changed after it was made: its checksum does not match its content.');
	}

	const rows = new Map<BackupTable, unknown[]>(BACKUP_TABLES.map((t) => [t, []]));
	const lineOf = new Map<unknown, number>();
	for (let i = 1; i < lines.length - 1; i++) {
		if (lines[i].trim() === '') continue;
		const record = parseObject(lines[i]) as { table?: string; row?: unknown } | null;
		const table = rows.get(record?.table as BackupTable);
		if (!table || typeof record?.row !== 'object' || record.row === null) {
			return refuse(`The backup is damaged at line ${i + 1}.`);
		}
		table.push(record.row);
		lineOf.set(record.row, i + 1);
	}
	for (const table of BACKUP_TABLES) {
		// A table added in a later schema is simply absent from older backups' footers: none declared.
		const declared = footer.counts?.[table] ?? 0;
		const present = rows.get(table)!.length;
		if (declared !== present) {
			return refuse(`The backup declares ${declared} ${table} rows but holds ${present}.`);
		}
	}
	const problem = checkBackupRows(rows, (row) => lineOf.get(row) ?? 0);
	if (problem) return refuse(problem);
	return { ok: true, rows, summary: summarizeBackup(header.createdAt ?? '', rows) };
}

function parseObject(line: string): object | null {
	try {
		const value: unknown = JSON.parse(line);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
	} catch {
		return null;
	}
}
