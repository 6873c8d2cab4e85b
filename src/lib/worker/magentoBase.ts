// The worker's copy of the Magento base (one per store, shared by the Magento commands and undo), kept
// current with the database's base sequence so another tab's pull or send is seen.

import {
	baseTables,
	readBase,
	readBaseChanges,
	readBaseSeq,
	writeBase,
	type StoredBase
} from '$lib/db/magentoBase';
import type { AlongsideWrite } from '$lib/db/applyChangeSet';
import type { BaseChange, BaseEntry, BaseView } from '$lib/domain/magento/types';
import { sameEntry } from '$lib/domain/magento/types';
import type { Source } from '$lib/domain/types';
import type { Store } from './store';

export class MagentoBase implements BaseView {
	#stored: StoredBase = { tracked: [], entries: new Map(), seq: -1 };
	tracked: ReadonlySet<string> = new Set();

	constructor(private readonly store: Store) {}

	/** Re-reads the base when another tab (or a restore) wrote it since. */
	async fresh(): Promise<this> {
		const seq = await readBaseSeq(this.store.db);
		if (seq !== this.#stored.seq) this.#take(await readBase(this.store.db));
		return this;
	}

	get(key: string): BaseEntry | undefined {
		return this.#stored.entries.get(key);
	}

	keys(): Iterable<string> {
		return this.#stored.entries.keys();
	}

	get trackedList(): string[] {
		return this.#stored.tracked;
	}

	/**
	 * A write of `changes` for `store.commit` (with the operation, recorded for its undo). Memory follows
	 * only when the caller says the commit went through (`committed`), so a failure leaves it as it was.
	 */
	alongside(
		changes: BaseChange[],
		tracked: string[],
		sources: Source[] = []
	): { write: AlongsideWrite; committed: () => void } {
		const db = this.store.db;
		const before = this.#stored.tracked;
		let seq = -1;
		return {
			write: {
				tables: baseTables(db),
				write: async (opId) => {
					seq = await writeBase(db, changes, { before, after: tracked }, opId, sources);
				}
			},
			committed: () => this.#apply(changes, tracked, seq)
		};
	}

	/** Writes base changes on their own (what a send batch made Magento accept). */
	async write(changes: BaseChange[]) {
		const db = this.store.db;
		const tracked = this.#stored.tracked;
		const seq = await writeBase(db, changes, { before: tracked, after: tracked }, null);
		this.#apply(changes, tracked, seq);
	}

	/** The inverse of an operation's base changes, or why it can not be undone; null: it has none. */
	async undoOf(
		opId: number
	): Promise<
		{ ok: true; write: AlongsideWrite; committed: () => void } | { ok: false; skus: string[] } | null
	> {
		await this.fresh();
		const recorded = await readBaseChanges(this.store.db, opId);
		if (!recorded) return null;
		const moved = recorded.changes.filter((change) => !sameEntry(this.get(change.key), change.after));
		if (moved.length > 0) return { ok: false, skus: moved.map((c) => (c.after ?? c.before)!.sku) };
		const inverse = recorded.changes.map((c) => ({ key: c.key, before: c.after, after: c.before }));
		return { ok: true, ...this.alongside(inverse, recorded.tracked.before) };
	}

	#apply(changes: readonly BaseChange[], tracked: string[], seq: number) {
		const entries = this.#stored.entries;
		for (const change of changes) {
			if (change.after) entries.set(change.key, change.after);
			else entries.delete(change.key);
		}
		// Another tab's write in between means memory missed it: re-read on next use.
		const followed = seq === this.#stored.seq + 1;
		this.#take({ tracked, entries, seq: followed ? seq : -1 });
	}

	#take(stored: StoredBase) {
		this.#stored = stored;
		this.tracked = new Set(stored.tracked);
	}
}

const bases = new WeakMap<Store, MagentoBase>();

export function magentoBase(store: Store): MagentoBase {
	let base = bases.get(store);
	if (!base) bases.set(store, (base = new MagentoBase(store)));
	return base;
}
