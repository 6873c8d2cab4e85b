// A backup holds plain JSON: packed pages and history chunks are unpacked for it and packed again on
// restore (typed arrays do not survive JSON).

import type { BackupTable } from '$lib/domain/backupFormat';
import { packChanges, unpackChanges } from './historyChunks';
import { fromPageRecord, toPageRecord } from './pages';
import type { ChangeChunkRecord, LegacyChangeChunkRecord, PageRecord, StoredPage } from './schema';

export function rowForBackup(table: BackupTable, row: unknown): unknown {
	if (table === 'pages') return fromPageRecord(row as PageRecord);
	if (table === 'opChanges') {
		const chunk = row as ChangeChunkRecord | LegacyChangeChunkRecord;
		return { opId: chunk.opId, chunk: chunk.chunk, changes: unpackChanges(chunk) };
	}
	return row;
}

export function rowFromBackup(table: BackupTable, row: unknown): unknown {
	if (table === 'pages') return toPageRecord(row as StoredPage);
	if (table === 'opChanges') {
		const { opId, chunk, changes } = row as LegacyChangeChunkRecord;
		return packChanges(opId, chunk, changes);
	}
	return row;
}
