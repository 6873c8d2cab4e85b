// The IndexedDB schema. Products are stored grouped in pages (architecture.md: one record per source
// item costs ~100 µs to write; a page of a thousand products costs about the same as one item).

import Dexie, { type EntityTable } from 'dexie';
import type { ProductChange } from '$lib/domain/changeSet';
import type { OperationRecord } from '$lib/domain/history';
import type { Product, Source } from '$lib/domain/types';

export interface PageRecord {
	id: number;
	/** Key (lower-cased SKU) of the first product; a page holds keys up to the next page's firstKey. */
	firstKey: string;
	/** Sorted by key. */
	products: Product[];
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

export interface ChangeChunkRecord {
	opId: number;
	chunk: number;
	changes: ProductChange[];
}

export const DATABASE_NAME = 'stockroom';
export const SCHEMA_VERSION = 1;

export class StockroomDb extends Dexie {
	pages!: EntityTable<PageRecord, 'id'>;
	sources!: EntityTable<Source, 'code'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	operations!: EntityTable<OperationRecord, 'id'>;
	opChanges!: Dexie.Table<ChangeChunkRecord, [number, number]>;

	constructor(name = DATABASE_NAME) {
		super(name);
		this.version(1).stores({
			pages: 'id, firstKey',
			sources: 'code',
			settings: 'key',
			operations: '++id, at',
			opChanges: '[opId+chunk], opId'
		});
	}
}
