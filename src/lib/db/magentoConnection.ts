// The connection record (Store URL, store code, token) and the sync log. The token is kept only in
// this origin's IndexedDB: backups skip these tables, and Disconnect deletes the record.

import type { Connection } from '$lib/domain/magento/connection';
import type { SyncLogRecord } from '$lib/domain/magento/types';
import type { StockroomDb } from './schema';

const CONNECTION_KEY = 'connection';
const LOG_KEEP = 500;

export interface StoredConnection extends Connection {
	/** Source codes Magento had at Connect, for the pull's choice. */
	sources: string[];
}

export async function readConnection(db: StockroomDb): Promise<StoredConnection | null> {
	return ((await db.magento.get(CONNECTION_KEY))?.value as StoredConnection | undefined) ?? null;
}

export async function saveConnection(db: StockroomDb, connection: StoredConnection) {
	await db.magento.put({ key: CONNECTION_KEY, value: connection });
}

export async function deleteConnection(db: StockroomDb) {
	await db.magento.delete(CONNECTION_KEY);
}

export async function addSyncLog(db: StockroomDb, line: Omit<SyncLogRecord, 'id'>) {
	await db.transaction('rw', db.magentoLog, async () => {
		await db.magentoLog.add(line as SyncLogRecord);
		const count = await db.magentoLog.count();
		if (count > LOG_KEEP) {
			const old = await db.magentoLog
				.orderBy('id')
				.limit(count - LOG_KEEP)
				.primaryKeys();
			await db.magentoLog.bulkDelete(old);
		}
	});
}

export async function readSyncLog(db: StockroomDb, limit: number): Promise<SyncLogRecord[]> {
	return db.magentoLog.orderBy('id').reverse().limit(limit).toArray();
}
