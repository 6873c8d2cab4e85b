// History: operations newest first, each one's item changes paged from its stored chunks, undo (which is
// an operation itself), and pruning in the background (at least 100 operations or 30 days are kept).

import { itemChanges, removedSourcesStillUsed, type ItemChange } from '$lib/domain/changeSet';
import type { OperationRecord } from '$lib/domain/history';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { sourceName } from '$lib/domain/productQuery';
import { describeChanged, planUndo } from '$lib/domain/undo';
import { formatCount } from '$lib/domain/wording';
import { readChangeChunk, readOperationChanges } from '$lib/db/historyChunks';
import {
	countOperations,
	pruneOperations,
	readLatestUndoable,
	readOperation,
	readOperationsNewestFirst
} from '$lib/db/historyStore';
import { magentoBase } from './magentoBase';
import { UserError, type Store } from './store';

export interface OperationPage {
	/** Operations in the history. */
	total: number;
	offset: number;
	/** Newest first. */
	rows: OperationRecord[];
}

export interface ChangePage {
	/** Item changes of the operation. */
	total: number;
	offset: number;
	rows: ItemChange[];
}

export interface UndoResult {
	message: string;
	/** The undo's own operation (which can be undone in turn). */
	operation: number;
}

const PRUNE_DELAY_MS = 2000;

export function historyCommands(store: Store) {
	/** Per operation, how many item changes each of its chunks holds (learnt as chunks are read). */
	const chunkItems = new Map<number, number[]>();

	let pruneTimer: ReturnType<typeof setTimeout> | null = null;
	async function prune(now = Date.now()): Promise<number> {
		const ids = await pruneOperations(store.db, now);
		for (const id of ids) chunkItems.delete(id);
		return ids.length;
	}
	store.subscribe((topics) => {
		if (!topics.includes('history') || pruneTimer !== null) return;
		pruneTimer = setTimeout(() => {
			pruneTimer = null;
			// Background work: a closed database (tab closing, tests ending) is no reason to complain.
			prune().catch(() => {});
		}, PRUNE_DELAY_MS);
	});

	async function undo(operation: OperationRecord | undefined): Promise<Outcome<UndoResult>> {
		if (!operation) return fail('This operation is no longer in the history.');
		if (operation.undoneBy !== undefined) {
			return fail(`This operation was already undone (by #${operation.undoneBy}). Undo that one to redo it.`);
		}
		const plan = planUndo(
			operation,
			await readOperationChanges(store.db, operation.id),
			(key) => store.inventory.get(key),
			(code) => store.source(code)
		);
		const name = (code: string) => sourceName(store.sources, code);
		if (!plan.ok) {
			return fail(
				`Nothing was undone: ${formatCount(plan.changed.length, 'item')} changed since this operation: ` +
					`${describeChanged(plan.changed, name)}.`
			);
		}
		if (plan.set.changes.length === 0 && !plan.set.sourceChanges)
			return fail('Nothing to undo: the operation changed no stock.');
		const stillUsed = removedSourcesStillUsed(plan.set, store.inventory.products.entries());
		if (stillUsed.length > 0) {
			return fail(
				`Nothing was undone: ${stillUsed.map((code) => `source ${name(code)}`).join(', ')} now holds stock ` +
					'of other products. Unassign or transfer that stock first.'
			);
		}
		// A pull's base goes back with its items (and forward again when its undo is undone).
		const base = await magentoBase(store).undoOf(operation.id);
		if (base && !base.ok) {
			return fail(
				`Nothing was undone: ${formatCount(base.skus.length, 'product')} changed in Magento's records since ` +
					`(sent or received again): ${base.skus.slice(0, 5).join(', ')}${base.skus.length > 5 ? ' and more' : ''}.`
			);
		}
		try {
			// Undoing an undo also clears the redone operation's mark, in the same transaction (db layer).
			const applied = await store.commit(plan.set, undefined, base?.write);
			base?.committed();
			return succeed({ message: `Undone: ${operation.summary}`, operation: applied.operation!.id });
		} catch (error) {
			if (error instanceof UserError) return fail(error.message);
			throw error;
		}
	}

	return {
		async listOperations(offset: number, limit: number): Promise<OperationPage> {
			await store.start();
			const total = await countOperations(store.db);
			const rows = await readOperationsNewestFirst(store.db, offset, limit);
			return { total, offset, rows };
		},

		async getOperation(opId: number): Promise<OperationRecord | null> {
			await store.start();
			return (await readOperation(store.db, opId)) ?? null;
		},

		/** Item-level rows (SKU, source, before, after), read from only the chunks the window needs. */
		async operationChanges(opId: number, offset: number, limit: number): Promise<ChangePage> {
			await store.start();
			const operation = await readOperation(store.db, opId);
			if (!operation) return { total: 0, offset, rows: [] };
			const counts = chunkItems.get(opId) ?? [];
			chunkItems.set(opId, counts);
			const rows: ItemChange[] = [];
			let seen = 0;
			for (let chunk = 0; chunk < operation.chunks && rows.length < limit; chunk++) {
				const known = counts[chunk];
				if (known !== undefined && seen + known <= offset) {
					seen += known;
					continue;
				}
				const items = (await readChangeChunk(store.db, opId, chunk)).flatMap(itemChanges);
				counts[chunk] = items.length;
				const from = Math.max(0, offset - seen);
				rows.push(...items.slice(from, from + limit - rows.length));
				seen += items.length;
			}
			return { total: operation.items, offset, rows };
		},

		async undoOperation(opId: number): Promise<Outcome<UndoResult>> {
			await store.start();
			return undo(await readOperation(store.db, opId));
		},

		/** Ctrl+Z: undoes the newest operation that is not an undo and not undone yet. */
		async undoLast(): Promise<Outcome<UndoResult>> {
			await store.start();
			const latest = await readLatestUndoable(store.db);
			if (!latest) return fail('Nothing to undo.');
			return undo(latest);
		},

		/** Removes operations beyond the retention (runs by itself after changes; exposed for tests). */
		async pruneHistory(now?: number): Promise<number> {
			await store.start();
			return prune(now);
		}
	};
}
