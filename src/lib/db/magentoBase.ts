// The Magento base as stored: entries spread over a fixed number of buckets by a hash of the key (so a
// pull of a million items writes a few hundred records and a send of 20 items a few), packed with the
// product codec. Each pull or undo also keeps its base changes beside the operation's item changes,
// so undoing it puts items and base back together.

import type { Table } from 'dexie';
import type { BaseChange, BaseEntry } from '$lib/domain/magento/types';
import type { Product, Source } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import { packProducts, unpackPresent, unpackProducts, type PackedProducts } from './productCodec';
import type { StockroomDb } from './schema';

export const BASE_BUCKETS = 256;
const CHANGES_PER_CHUNK = 5000;
const TRACKED_KEY = 'tracked';
const SEQ_KEY = 'baseSeq';

export interface BaseBucketRecord {
	bucket: number;
	packed: PackedProducts;
}

export interface BaseChangeChunkRecord {
	opId: number;
	chunk: number;
	keys: string[];
	before: PackedProducts;
	after: PackedProducts;
	/** Chunk 0 only: the pulled sources before and after. */
	tracked?: { before: string[]; after: string[] };
}

/** Small records of the Magento connection; the token among them never leaves this device. */
export interface MagentoRecord {
	key: string;
	value: unknown;
}

export interface StoredBase {
	tracked: string[];
	entries: Map<string, BaseEntry>;
	seq: number;
}

export function bucketOf(key: string): number {
	let hash = 2166136261;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
	return (hash >>> 0) % BASE_BUCKETS;
}

const toProduct = (entry: BaseEntry): Product => ({
	sku: entry.sku,
	name: '',
	barcodes: [],
	items: entry.items.map((item) => ({ ...item, notifyQty: null }))
});

const toEntry = (product: Product): BaseEntry => ({
	sku: product.sku,
	items: product.items.map(({ source, quantity, status }) => ({ source, quantity, status }))
});

/** The tables a base write touches (sources too: a pull writes Magento's sources with its base). */
export function baseTables(db: StockroomDb): Table[] {
	return [db.magentoBase, db.magentoBaseChanges, db.magento, db.sources];
}

export async function readBaseSeq(db: StockroomDb): Promise<number> {
	return ((await db.magento.get(SEQ_KEY))?.value as number | undefined) ?? 0;
}

export async function readBase(db: StockroomDb): Promise<StoredBase> {
	return db.transaction('r', baseTables(db), async () => {
		const entries = new Map<string, BaseEntry>();
		for (const record of await db.magentoBase.toArray()) {
			for (const product of unpackPresent(record.packed)) entries.set(skuKey(product.sku), toEntry(product));
		}
		const tracked = ((await db.magento.get(TRACKED_KEY))?.value as string[] | undefined) ?? [];
		return { tracked, entries, seq: await readBaseSeq(db) };
	});
}

/**
 * Writes base changes in one transaction over `baseTables` (joining the caller's, such as the stock
 * write of a pull, when there is one), and, with an operation, records them for its undo; a pull also
 * writes Magento's `sources`. Returns the new base sequence.
 */
export function writeBase(
	db: StockroomDb,
	changes: readonly BaseChange[],
	tracked: { before: string[]; after: string[] },
	opId: number | null,
	sources: readonly Source[] = []
): Promise<number> {
	return db.transaction('rw', baseTables(db), () => writeBaseRecords(db, changes, tracked, opId, sources));
}

async function writeBaseRecords(
	db: StockroomDb,
	changes: readonly BaseChange[],
	tracked: { before: string[]; after: string[] },
	opId: number | null,
	sources: readonly Source[]
): Promise<number> {
	if (sources.length > 0) await db.sources.bulkPut([...sources]);
	const byBucket = new Map<number, BaseChange[]>();
	for (const change of changes) {
		const bucket = bucketOf(change.key);
		let list = byBucket.get(bucket);
		if (!list) byBucket.set(bucket, (list = []));
		list.push(change);
	}
	const buckets = [...byBucket.keys()];
	const stored = await db.magentoBase.bulkGet(buckets);
	const puts: BaseBucketRecord[] = [];
	const deletes: number[] = [];
	buckets.forEach((bucket, i) => {
		const entries = new Map<string, BaseEntry>();
		for (const product of stored[i] ? unpackPresent(stored[i]!.packed) : []) {
			entries.set(skuKey(product.sku), toEntry(product));
		}
		for (const change of byBucket.get(bucket)!) {
			if (change.after) entries.set(change.key, change.after);
			else entries.delete(change.key);
		}
		if (entries.size === 0) deletes.push(bucket);
		else puts.push({ bucket, packed: packProducts([...entries.values()].map(toProduct)) });
	});
	if (puts.length > 0) await db.magentoBase.bulkPut(puts);
	if (deletes.length > 0) await db.magentoBase.bulkDelete(deletes);
	await db.magento.put({ key: TRACKED_KEY, value: tracked.after });
	if (opId !== null) {
		const records: BaseChangeChunkRecord[] = [];
		for (
			let start = 0, chunk = 0;
			start === 0 || start < changes.length;
			start += CHANGES_PER_CHUNK, chunk++
		) {
			const part = changes.slice(start, start + CHANGES_PER_CHUNK);
			records.push({
				opId,
				chunk,
				keys: part.map((c) => c.key),
				before: packProducts(part.map((c) => (c.before ? toProduct(c.before) : null))),
				after: packProducts(part.map((c) => (c.after ? toProduct(c.after) : null))),
				...(chunk === 0 ? { tracked } : {})
			});
		}
		await db.magentoBaseChanges.bulkPut(records);
	}
	const seq = (await readBaseSeq(db)) + 1;
	await db.magento.put({ key: SEQ_KEY, value: seq });
	return seq;
}

export interface RecordedBaseChanges {
	changes: BaseChange[];
	tracked: { before: string[]; after: string[] };
}

/** The base changes an operation recorded; null when it made none (not a Magento pull or its undo). */
export async function readBaseChanges(db: StockroomDb, opId: number): Promise<RecordedBaseChanges | null> {
	const records = await db.magentoBaseChanges.where('opId').equals(opId).sortBy('chunk');
	if (records.length === 0) return null;
	const changes: BaseChange[] = [];
	for (const record of records) {
		const before = unpackProducts(record.before);
		const after = unpackProducts(record.after);
		record.keys.forEach((key, i) =>
			changes.push({
				key,
				before: before[i] ? toEntry(before[i]!) : null,
				after: after[i] ? toEntry(after[i]!) : null
			})
		);
	}
	return { changes, tracked: records[0].tracked ?? { before: [], after: [] } };
}
