// An operation's product changes as stored: chunks of packed before/after products.

import type { ProductChange } from '$lib/domain/changeSet';
import { packProducts, unpackProducts } from './productCodec';
import type { ChangeChunkRecord, LegacyChangeChunkRecord, StockroomDb } from './schema';

export function packChanges(
	opId: number,
	chunk: number,
	changes: readonly ProductChange[]
): ChangeChunkRecord {
	return {
		opId,
		chunk,
		keys: changes.map((change) => change.key),
		before: packProducts(changes.map((change) => change.before)),
		after: packProducts(changes.map((change) => change.after))
	};
}

export function unpackChanges(record: ChangeChunkRecord | LegacyChangeChunkRecord): ProductChange[] {
	if ('changes' in record) return record.changes;
	const before = unpackProducts(record.before);
	const after = unpackProducts(record.after);
	return record.keys.map((key, i) => ({ key, before: before[i], after: after[i] }));
}

export async function readChangeChunk(
	db: StockroomDb,
	opId: number,
	chunk: number
): Promise<ProductChange[]> {
	const record = await db.opChanges.get([opId, chunk]);
	return record ? unpackChanges(record) : [];
}

export async function readOperationChanges(db: StockroomDb, opId: number): Promise<ProductChange[]> {
	const chunks = await db.opChanges.where('opId').equals(opId).sortBy('chunk');
	return chunks.flatMap(unpackChanges);
}
