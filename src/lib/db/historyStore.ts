// Reading and pruning the history's operations (writing them is applyChangeSet's job, with the stock).

import { KEEP_OPERATIONS, operationsToPrune, type OperationRecord } from '$lib/domain/history';
import type { StockroomDb } from './schema';

export function countOperations(db: StockroomDb): Promise<number> {
	return db.operations.count();
}

/** A window of operations, newest first. */
export function readOperationsNewestFirst(
	db: StockroomDb,
	offset: number,
	limit: number
): Promise<OperationRecord[]> {
	return db.operations.orderBy('id').reverse().offset(offset).limit(limit).toArray();
}

export async function readOperation(db: StockroomDb, id: number): Promise<OperationRecord | undefined> {
	return db.operations.get(id);
}

/** The newest operation that is not an undo and has not been undone: what Ctrl+Z takes back. */
export function readLatestUndoable(db: StockroomDb): Promise<OperationRecord | undefined> {
	return db.operations
		.orderBy('id')
		.reverse()
		.filter((op) => op.kind !== 'undo' && op.undoneBy === undefined)
		.first();
}

/** Deletes the operations (and their changes) beyond the retention, in one transaction; returns their ids. */
export async function pruneOperations(db: StockroomDb, now: number): Promise<number[]> {
	if ((await db.operations.count()) <= KEEP_OPERATIONS) return [];
	const ids = operationsToPrune(await db.operations.toArray(), now);
	if (ids.length === 0) return [];
	await db.transaction('rw', [db.operations, db.opChanges, db.magentoBaseChanges], async () => {
		await db.operations.bulkDelete(ids);
		await db.opChanges.where('opId').anyOf(ids).delete();
		await db.magentoBaseChanges.where('opId').anyOf(ids).delete();
	});
	return ids;
}
