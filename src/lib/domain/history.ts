// History records as stored and shown: one operation per command, its product changes kept in chunks.

import type { OperationKind, SourceChange } from './changeSet';

export interface OperationRecord {
	id: number;
	/** Epoch milliseconds. */
	at: number;
	kind: OperationKind;
	summary: string;
	products: number;
	items: number;
	/** How many change chunks hold its product changes. */
	chunks: number;
	undoOf?: number;
	undoneBy?: number;
	/** Sources created or removed with the stock (few, so kept in the record itself). */
	sourceChanges?: SourceChange[];
}

/** Retention: keep the last 100 operations, and every operation of the last 30 days. */
export const KEEP_OPERATIONS = 100;
export const KEEP_DAYS = 30;

export function operationsToPrune(
	operations: readonly Pick<OperationRecord, 'id' | 'at'>[],
	now: number
): number[] {
	const newestFirst = [...operations].sort((a, b) => b.id - a.id);
	const cutoff = now - KEEP_DAYS * 24 * 60 * 60 * 1000;
	return newestFirst
		.slice(KEEP_OPERATIONS)
		.filter((op) => op.at < cutoff)
		.map((op) => op.id);
}
