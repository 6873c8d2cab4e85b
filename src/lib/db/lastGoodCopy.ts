// The last-good copy: the whole database in the backup format, gzip-compressed, kept in the Origin
// Private File System (OPFS), outside IndexedDB. Chromium deletes an origin's whole IndexedDB when a
// write fails on a full disk; the OPFS copy survives that, and also a site-data clear that takes only
// IndexedDB. A copy is written under a temporary name and renamed when complete, so a half-written
// copy (a crash, a full disk) never replaces a good one: a file named `last-good-…` is always whole.
// Chromium (measured on a 12 MB disk) deletes the origin's whole storage, OPFS included, when an
// IndexedDB write fails for lack of disk space; so the newest copy also stays in the worker's memory,
// and small copies are mirrored by the page into localStorage, which that deletion leaves alone.

import {
	BACKUP_TABLES,
	backupFooter,
	backupHeader,
	backupLine,
	type BackupTable,
	type Sha256
} from '$lib/domain/backupFormat';
import { readWriteSeq } from './applyChangeSet';
import { readEveryRow } from './backupStore';
import type { StockroomDb } from './schema';

export interface CopyInfo {
	/** The database's write sequence the copy holds. */
	seq: number;
	/** When the copy was taken (ms since epoch). */
	at: number;
	products: number;
	/** Compressed size on disk. */
	bytes: number;
}

const FOLDER = 'stockroom';
const PREFIX = 'last-good-';
const SUFFIX = '.jsonl.gz';

/** False in environments without OPFS or compression streams (unit tests in Node, old browsers). */
export function copiesSupported(): boolean {
	return (
		typeof navigator !== 'undefined' &&
		typeof navigator.storage?.getDirectory === 'function' &&
		typeof CompressionStream !== 'undefined'
	);
}

async function folder(): Promise<FileSystemDirectoryHandle> {
	const root = await navigator.storage.getDirectory();
	return root.getDirectoryHandle(FOLDER, { create: true });
}

const copyName = (info: Omit<CopyInfo, 'bytes'>) =>
	`${PREFIX}${info.seq}-${info.at}-${info.products}${SUFFIX}`;

function parseName(name: string): Omit<CopyInfo, 'bytes'> | null {
	const match = /^last-good-(\d+)-(\d+)-(\d+)\.jsonl\.gz$/.exec(name);
	if (!match) return null;
	return { seq: Number(match[1]), at: Number(match[2]), products: Number(match[3]) };
}

/**
 * The copy leaves out the history (operations and their changes): it is most of the bytes after a large
 * import (a 1,000,000-row import's history made a copy take 13 s instead of a few), and what a lost
 * database must get back is the stock. A backup file holds the history too.
 */
export const COPY_TABLES = BACKUP_TABLES.filter((t) => t !== 'operations' && t !== 'opChanges');

export interface WrittenCopy {
	info: CopyInfo;
	/** The compressed copy, also kept in memory: Chromium deletes OPFS with IndexedDB on a failed write. */
	blob: Blob;
}

/**
 * A copy of the tables as one snapshot, as a backup file (with its footer: counts and checksum), then
 * compressed. `sha256` is the backup's own checksum function.
 */
export async function makeLastGoodCopy(
	db: StockroomDb,
	sha256: Sha256,
	now = Date.now()
): Promise<WrittenCopy> {
	// Read before the snapshot: the copy holds at least this write (a later one only makes it newer).
	const seq = await readWriteSeq(db);
	let products = 0;
	const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;
	// Each line becomes bytes at once: the catalogue as one string (tens of MB) would sit on the heap
	// twice while joined, and joining and encoding it would each hold the worker for a long moment.
	const encoder = new TextEncoder();
	const lines: Uint8Array[] = [encoder.encode(backupHeader(new Date(now)) + '\n')];
	await readEveryRow(
		db,
		(table, row) => {
			counts[table]++;
			if (table === 'pages') products += (row as { products: unknown[] }).products.length;
			lines.push(encoder.encode(backupLine(table, row) + '\n'));
		},
		COPY_TABLES
	);
	const body = new Blob(lines as BlobPart[]);
	lines.length = 0;
	const footer = await backupFooter(await body.arrayBuffer(), counts, sha256);
	const file = new Blob([body, footer + '\n']);
	const blob = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
	return { info: { seq, at: now, products, bytes: blob.size }, blob };
}

/** Stores the copy in OPFS under a temporary name, renames it, then removes older copies. */
export async function storeLastGoodCopy({ info, blob }: WrittenCopy): Promise<void> {
	const dir = await folder();
	const tempName = `writing-${info.at}.tmp`;
	const temp = await dir.getFileHandle(tempName, { create: true });
	try {
		await blob.stream().pipeTo(await temp.createWritable());
		await (temp as FileSystemFileHandle & { move(name: string): Promise<void> }).move(copyName(info));
	} catch (error) {
		await dir.removeEntry(tempName).catch(() => {});
		throw error;
	}
	for await (const entry of dir.keys()) {
		if (entry !== copyName(info)) await dir.removeEntry(entry).catch(() => {});
	}
}

/** The newest complete copy, or null. */
export async function findLastGoodCopy(): Promise<CopyInfo | null> {
	if (!copiesSupported()) return null;
	let best: { info: CopyInfo } | null = null;
	for await (const [name, handle] of (await folder()).entries()) {
		const parsed = parseName(name);
		if (!parsed || handle.kind !== 'file') continue;
		if (best && (best.info.seq > parsed.seq || (best.info.seq === parsed.seq && best.info.at > parsed.at))) {
			continue;
		}
		best = { info: { ...parsed, bytes: (await (handle as FileSystemFileHandle).getFile()).size } };
	}
	return best?.info ?? null;
}

/** The stored copy, compressed. */
export async function readLastGoodCopy(info: CopyInfo): Promise<Blob> {
	return (await (await folder()).getFileHandle(copyName(info))).getFile();
}

/** A compressed copy as a backup file, to hand to the ordinary restore. */
export function decompressCopy(compressed: Blob): Promise<Blob> {
	return new Response(compressed.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
}
