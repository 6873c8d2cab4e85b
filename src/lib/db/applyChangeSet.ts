// The one way stock changes reach IndexedDB: a change set is applied in a single read-write transaction
// that re-reads the pages it touches, checks they still hold what the change was computed from, writes
// the pages and the history operation, and commits. Anything thrown before the commit changes nothing.

import type { Table } from 'dexie';
import {
	historyEntry,
	sameProduct,
	sameSource,
	type ChangeSet,
	type ProductChange,
	type SourceChange
} from '$lib/domain/changeSet';
import { applyFieldChanges, type FieldConflict } from '$lib/domain/fieldChanges';
import type { OperationRecord } from '$lib/domain/history';
import type { Product } from '$lib/domain/types';
import { inItemOrder, skuKey } from '$lib/domain/types';
import { applyToPage, pageIndexFor, PAGE_MAX, PAGE_MIN, splitProducts } from './pageLayout';
import { packChanges } from './historyChunks';
import { readAllPages, readPages, toPageRecord } from './pages';
import type { StockroomDb, StoredPage } from './schema';

export const CHANGES_PER_CHUNK = 2000;

/** The stored data no longer matches what the change was computed from (another tab wrote first). */
export class StaleDataError extends Error {
	constructor(readonly keys: string[]) {
		super(`${keys.length} product(s) changed in another tab since this change was prepared.`);
		this.name = 'StaleDataError';
	}
}

/** A hand edit touched a field that another tab or device changed after the editor loaded it. */
export class EditConflictError extends Error {
	constructor(
		readonly key: string,
		/** Empty when the product itself was deleted meanwhile. */
		readonly conflicts: FieldConflict[]
	) {
		super(`${key}: ${conflicts.length} field(s) changed elsewhere since the editor loaded them.`);
		this.name = 'EditConflictError';
	}
}

export interface PageWrite {
	id: number;
	firstKey: string;
	keys: string[];
}

export interface AppliedChangeSet {
	/** Null when the change set changed nothing (no history entry is written then). */
	operation: OperationRecord | null;
	/** The changes as written: a field edit resolved against what was stored. */
	changes: ProductChange[];
	written: PageWrite[];
	deleted: number[];
	/** The database's write sequence after this change. */
	seq: number;
}

/**
 * The caller's copy of the pages, as of write sequence `seq`. When the database is still at that
 * sequence nobody else has written since, so the pages need not be read back (reading 1,000,000 items
 * costs about a second); otherwise they are re-read and checked against each change's `before`.
 */
export interface KnownPages {
	seq: number;
	products(pageId: number): readonly Product[] | undefined;
}

export interface ApplyOptions {
	now?: number;
	/** Checked between steps; throwing aborts the transaction. */
	checkpoint?: () => void;
	known?: KnownPages;
	/** Another record that must change with the stock or not at all (a count marked applied). */
	alongside?: AlongsideWrite;
}

export interface AlongsideWrite {
	tables: Table[];
	/** Runs inside the transaction, after the operation is recorded (null when nothing changed). */
	write: (operationId: number | null) => Promise<unknown>;
}

export const WRITE_SEQ_KEY = 'writeSeq';

/** Reads the write sequence; every committed change set increments it. */
export async function readWriteSeq(db: StockroomDb): Promise<number> {
	return ((await db.settings.get(WRITE_SEQ_KEY))?.value as number | undefined) ?? 0;
}

/** Every page and the write sequence, read in one transaction so the two agree. */
export async function readInventorySnapshot(db: StockroomDb): Promise<{ pages: StoredPage[]; seq: number }> {
	return db.transaction('r', [db.pages, db.settings], async () => ({
		pages: await readAllPages(db),
		seq: await readWriteSeq(db)
	}));
}

export async function applyChangeSet(
	db: StockroomDb,
	set: ChangeSet,
	options: ApplyOptions = {}
): Promise<AppliedChangeSet> {
	const checkpoint = options.checkpoint ?? (() => {});
	const sourceChanges = set.sourceChanges ?? [];
	if (set.changes.length === 0 && sourceChanges.length === 0) {
		await options.alongside?.write(null);
		return unchanged(options.known?.seq ?? (await readWriteSeq(db)));
	}
	for (const change of set.changes) {
		if (change.after) change.after.items = inItemOrder(change.after.items);
	}
	const tables = [
		db.pages,
		db.operations,
		db.opChanges,
		db.settings,
		...(sourceChanges.length > 0 ? [db.sources] : []),
		...(options.alongside?.tables ?? [])
	];
	return db.transaction('rw', tables, async () => {
		const seq = await readWriteSeq(db);
		const known = options.known && options.known.seq === seq ? options.known : undefined;
		const loadPages = async (ids: number[]): Promise<Product[][]> => {
			const fromMemory = ids.map((id) => known?.products(id));
			const missing = ids.filter((_, i) => !fromMemory[i]);
			const stored = await readPages(db, missing);
			const read = new Map(missing.map((id, i) => [id, stored[i]?.products ?? []]));
			return ids.map((id, i) => [...(fromMemory[i] ?? read.get(id)!)]);
		};
		const layout = await readLayout(db);
		checkpoint();
		const grouped = groupByPage(layout, set.changes);
		const working = new Map<number, Product[]>();
		const loaded = await loadPages([...grouped.keys()]);
		for (const [i, id] of [...grouped.keys()].entries()) working.set(id, loaded[i]);
		checkpoint();

		const stale: string[] = [];
		const resolved: ProductChange[] = [];
		for (const [id, changes] of grouped) {
			const current = new Map(working.get(id)!.map((p) => [skuKey(p.sku), p]));
			const updates = new Map<string, Product | null>();
			for (const change of changes.values()) {
				const stored = current.get(change.key) ?? null;
				const written = change.fields ? mergeFields(change, stored) : change;
				if (!change.fields && !sameProduct(stored, change.before)) stale.push(change.key);
				if (!written) continue;
				updates.set(change.key, written.after);
				resolved.push(written);
			}
			working.set(id, applyToPage(working.get(id)!, updates));
		}
		if (stale.length > 0) throw new StaleDataError(stale);
		if (resolved.length === 0 && sourceChanges.length === 0) return unchanged(seq);
		await writeSourceChanges(db, sourceChanges);
		checkpoint();

		const deleted = await mergeSmallPages(layout, working, loadPages);
		splitLargePages(layout, working);
		const records: StoredPage[] = [];
		for (const [id, products] of working) {
			if (products.length === 0) {
				deleted.push(id);
				continue;
			}
			records.push({ id, firstKey: skuKey(products[0].sku), products });
		}
		await db.pages.bulkPut(records.map(toPageRecord));
		if (deleted.length > 0) await db.pages.bulkDelete(deleted);
		checkpoint();

		const operation = await recordOperation(db, { ...set, changes: resolved }, options.now ?? Date.now());
		await db.settings.put({ key: WRITE_SEQ_KEY, value: seq + 1 });
		await options.alongside?.write(operation.id);
		checkpoint();
		return {
			operation,
			changes: resolved,
			written: records.map((r) => ({
				id: r.id,
				firstKey: r.firstKey,
				keys: r.products.map((p) => skuKey(p.sku))
			})),
			deleted,
			seq: seq + 1
		};
	});
}

function unchanged(seq: number): AppliedChangeSet {
	return { operation: null, changes: [], written: [], deleted: [], seq };
}

/** A field edit against the product as stored in this transaction; null when it changes nothing. */
function mergeFields(change: ProductChange, stored: Product | null): ProductChange | null {
	const merged = applyFieldChanges(stored, change.fields!);
	if (!merged.ok) throw new EditConflictError(change.key, merged.deleted ? [] : merged.conflicts);
	if (sameProduct(stored, merged.product)) return null;
	merged.product.items = inItemOrder(merged.product.items);
	return { key: change.key, before: stored, after: merged.product };
}

/** Writes the sources that change with the stock, after checking each is still as the change expects. */
async function writeSourceChanges(db: StockroomDb, changes: readonly SourceChange[]) {
	if (changes.length === 0) return;
	const current = await db.sources.bulkGet(changes.map((change) => change.code));
	const stale = changes.filter((change, i) => !sameSource(current[i], change.before));
	if (stale.length > 0) throw new StaleDataError(stale.map((change) => change.code));
	const put = changes.flatMap((change) => (change.after ? [change.after] : []));
	const removed = changes.filter((change) => !change.after).map((change) => change.code);
	if (put.length > 0) await db.sources.bulkPut(put);
	if (removed.length > 0) await db.sources.bulkDelete(removed);
}

interface Layout {
	ids: number[];
	firstKeys: string[];
	nextId: number;
}

async function readLayout(db: StockroomDb): Promise<Layout> {
	const ids = (await db.pages.orderBy('firstKey').primaryKeys()) as number[];
	const firstKeys = (await db.pages.orderBy('firstKey').keys()) as string[];
	return { ids, firstKeys, nextId: ids.reduce((max, id) => Math.max(max, id), 0) + 1 };
}

function groupByPage(
	layout: Layout,
	changes: readonly ProductChange[]
): Map<number, Map<string, ProductChange>> {
	if (layout.ids.length === 0) {
		layout.ids.push(layout.nextId++);
		layout.firstKeys.push('');
	}
	const grouped = new Map<number, Map<string, ProductChange>>();
	for (const change of changes) {
		const id = layout.ids[pageIndexFor(layout.firstKeys, change.key)];
		let group = grouped.get(id);
		if (!group) grouped.set(id, (group = new Map()));
		group.set(change.key, change);
	}
	return grouped;
}

/** A page that shrank below a quarter of its target joins its previous (or, for the first, next) page. */
async function mergeSmallPages(
	layout: Layout,
	working: Map<number, Product[]>,
	loadPages: (ids: number[]) => Promise<Product[][]>
): Promise<number[]> {
	const deleted: number[] = [];
	for (const id of [...working.keys()]) {
		const products = working.get(id);
		if (!products || products.length >= PAGE_MIN || layout.ids.length < 2) continue;
		const at = layout.ids.indexOf(id);
		const neighbourAt = at > 0 ? at - 1 : at + 1;
		const neighbourId = layout.ids[neighbourAt];
		if (!working.has(neighbourId)) working.set(neighbourId, (await loadPages([neighbourId]))[0]);
		const [keepAt, dropAt] = at > 0 ? [neighbourAt, at] : [at, neighbourAt];
		const keepId = layout.ids[keepAt];
		const dropId = layout.ids[dropAt];
		working.set(keepId, [...working.get(keepId)!, ...working.get(dropId)!]);
		working.delete(dropId);
		layout.ids.splice(dropAt, 1);
		layout.firstKeys.splice(dropAt, 1);
		deleted.push(dropId);
	}
	return deleted;
}

function splitLargePages(layout: Layout, working: Map<number, Product[]>) {
	for (const [id, products] of [...working]) {
		if (products.length <= PAGE_MAX) continue;
		const [first, ...rest] = splitProducts(products);
		working.set(id, first);
		for (const piece of rest) working.set(layout.nextId++, piece);
	}
}

async function recordOperation(db: StockroomDb, set: ChangeSet, at: number): Promise<OperationRecord> {
	const chunks = Math.ceil(set.changes.length / CHANGES_PER_CHUNK);
	const entries: ProductChange[] = [];
	let items = 0;
	for (const change of set.changes) {
		const kept = historyEntry(change);
		entries.push(kept.entry);
		items += kept.items;
	}
	const draft: Omit<OperationRecord, 'id'> = {
		at,
		kind: set.kind,
		summary: set.summary,
		products: set.changes.length,
		items,
		chunks,
		...(set.undoOf !== undefined ? { undoOf: set.undoOf } : {}),
		...(set.sourceChanges?.length ? { sourceChanges: set.sourceChanges } : {})
	};
	const id = (await db.operations.add(draft as OperationRecord)) as number;
	const records = [];
	for (let chunk = 0; chunk < chunks; chunk++) {
		const start = chunk * CHANGES_PER_CHUNK;
		records.push(packChanges(id, chunk, entries.slice(start, start + CHANGES_PER_CHUNK)));
	}
	await db.opChanges.bulkAdd(records);
	if (set.undoOf !== undefined) {
		const undone = await db.operations.get(set.undoOf);
		await db.operations.update(set.undoOf, { undoneBy: id });
		// Undoing an undo redoes its operation, which can then be undone again directly. In this
		// transaction, so the marks never disagree with the stock.
		if (undone?.undoOf !== undefined) await db.operations.update(undone.undoOf, { undoneBy: undefined });
	}
	return { ...draft, id };
}
