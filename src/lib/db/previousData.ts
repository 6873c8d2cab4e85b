// The data as it was before the last restore, kept as a backup file of its own so the user can go
// back. In the Origin Private File System where the browser has one (it survives reloads and is not
// part of IndexedDB, which the restore replaces); otherwise only for as long as this worker runs.

/** One copy per database (tests and other tabs of other databases never see each other's). */
const fileName = (database: string) => `${database}-before-restore.jsonl`;

export interface PreviousData {
	/** When it was put aside (epoch ms). */
	savedAt: number;
	/** Where it is kept: `device` survives a reload, `session` only until the tab closes. */
	kept: 'device' | 'session';
}

const inSession = new Map<string, { blob: Blob; info: PreviousData }>();

async function directory(): Promise<FileSystemDirectoryHandle | null> {
	try {
		return (await globalThis.navigator?.storage?.getDirectory?.()) ?? null;
	} catch {
		return null; // no OPFS here (an old browser, a private window, tests in Node)
	}
}

/** Keeps `blob` as the previous data, replacing any earlier copy. */
export async function keepPreviousData(database: string, blob: Blob): Promise<PreviousData> {
	const savedAt = Date.now();
	const kept = (await writeToDevice(database, blob)) ? 'device' : 'session';
	const info: PreviousData = { savedAt, kept };
	inSession.set(database, { blob, info });
	return info;
}

async function writeToDevice(database: string, blob: Blob): Promise<boolean> {
	const dir = await directory();
	if (!dir) return false;
	try {
		const writable = await (await dir.getFileHandle(fileName(database), { create: true })).createWritable();
		await writable.write(blob);
		await writable.close();
		return true;
	} catch {
		return false;
	}
}

/** The previous data, from this session or the device; null when there is none. */
export async function readPreviousData(database: string): Promise<{ blob: Blob; info: PreviousData } | null> {
	const kept = inSession.get(database);
	if (kept) return kept;
	const dir = await directory();
	if (!dir) return null;
	try {
		const file = await (await dir.getFileHandle(fileName(database))).getFile();
		return { blob: file, info: { savedAt: file.lastModified, kept: 'device' } };
	} catch {
		return null;
	}
}
