// Test helpers for the storage layer: fresh databases (closed after each test) and numbered products.

import { afterEach } from 'vitest';
import type { ChangeSet } from '$lib/domain/changeSet';
import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import { readAllPages } from './pages';
import { StockroomDb } from './schema';

let databases: StockroomDb[] = [];
let counter = 0;
export function openDb(): StockroomDb {
	const db = new StockroomDb(`apply-change-set-${Date.now()}-${++counter}`);
	databases.push(db);
	return db;
}

afterEach(() => {
	databases.forEach((db) => db.close());
	databases = [];
});

export const sku = (n: number) => `P-${String(n).padStart(5, '0')}`;
export const product = (n: number, quantity = 1): Product => ({
	sku: sku(n),
	name: `Product ${n}`,
	barcodes: [],
	items: [{ source: 'default', quantity, status: quantity > 0 ? 1 : 0, notifyQty: null }]
});
export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export function created(numbers: number[]): ChangeSet {
	return {
		kind: 'import',
		summary: `${numbers.length} added`,
		changes: numbers.map((n) => ({ key: skuKey(sku(n)), before: null, after: product(n) }))
	};
}

export function removed(numbers: number[]): ChangeSet {
	return {
		kind: 'delete-product',
		summary: `${numbers.length} removed`,
		changes: numbers.map((n) => ({ key: skuKey(sku(n)), before: product(n), after: null }))
	};
}

export async function snapshot(db: StockroomDb) {
	return {
		pages: await readAllPages(db),
		operations: await db.operations.toArray(),
		opChanges: await db.opChanges.toArray()
	};
}
