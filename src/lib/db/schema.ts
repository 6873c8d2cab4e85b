// The IndexedDB schema. Products are stored grouped in pages (docs/domain-rules.md, Storage: one record per source
// item costs ~100 µs to write; a page of a thousand products costs about the same as one item).

import Dexie, { type EntityTable } from 'dexie';
import type { ProductChange } from '$lib/domain/changeSet';
import type { Count, CountLine } from '$lib/domain/count/count';
import type { OperationRecord } from '$lib/domain/history';
import type { SyncLogRecord } from '$lib/domain/magento/types';
import type { Product, Source } from '$lib/domain/types';
import type { BaseBucketRecord, BaseChangeChunkRecord, MagentoRecord } from './magentoBase';
import { packProducts, type PackedProducts } from './productCodec';

/** A page as stored (version 2): its products packed into columns (productCodec.ts). */
export interface PageRecord {
	id: number;
	/** Key (lower-cased SKU) of the first product; a page holds keys up to the next page's firstKey. */
	firstKey: string;
	/** Sorted by key. */
	packed: PackedProducts;
}

/** A page as the rest of the app sees it. */
export interface StoredPage {
	id: number;
	firstKey: string;
	products: Product[];
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

/** An operation's product changes, a chunk at a time: keys, and the products before and after, packed. */
export interface ChangeChunkRecord {
	opId: number;
	chunk: number;
	keys: string[];
	before: PackedProducts;
	after: PackedProducts;
}

/** Version 1 kept changes as objects; such chunks are still read (and restored from backups). */
export interface LegacyChangeChunkRecord {
	opId: number;
	chunk: number;
	changes: ProductChange[];
}

export const DATABASE_NAME = 'stockroom';
export const SCHEMA_VERSION = 4;

export class StockroomDb extends Dexie {
	pages!: EntityTable<PageRecord, 'id'>;
	sources!: EntityTable<Source, 'code'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	operations!: EntityTable<OperationRecord, 'id'>;
	opChanges!: Dexie.Table<ChangeChunkRecord | LegacyChangeChunkRecord, [number, number]>;
	counts!: EntityTable<Count, 'id'>;
	countLines!: Dexie.Table<CountLine, [string, string]>;
	magentoBase!: EntityTable<BaseBucketRecord, 'bucket'>;
	magentoBaseChanges!: Dexie.Table<BaseChangeChunkRecord, [number, number]>;
	magento!: EntityTable<MagentoRecord, 'key'>;
	magentoLog!: EntityTable<SyncLogRecord, 'id'>;

	constructor(name = DATABASE_NAME) {
		super(name);
		this.version(1).stores({
			pages: 'id, firstKey',
			sources: 'code',
			settings: 'key',
			operations: '++id, at',
			opChanges: '[opId+chunk], opId'
		});
		// Version 2 packs each page's products into columns; history chunks of version 1 stay readable.
		this.version(2)
			.stores({})
			.upgrade((tx) =>
				tx
					.table('pages')
					.toCollection()
					.modify((page: Partial<PageRecord> & { products?: Product[] }) => {
						page.packed = packProducts(page.products ?? []);
						delete page.products;
					})
			);
		// Version 3 adds stock takes: a count, and one record per counted line (rewritten on each scan).
		this.version(3).stores({
			counts: 'id, status, createdAt',
			countLines: '[countId+key], countId'
		});
		// Version 4 adds the Magento connection: the base (what Magento last held), its changes per
		// operation (for undo), the connection record (with the token: never backed up) and the sync log.
		this.version(4).stores({
			magentoBase: 'bucket',
			magentoBaseChanges: '[opId+chunk], opId',
			magento: 'key',
			magentoLog: '++id, at'
		});
	}
}
