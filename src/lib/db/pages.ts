// Reading and writing pages: the only code that knows pages are stored packed.

import { packProducts, unpackPresent } from './productCodec';
import type { PageRecord, StockroomDb, StoredPage } from './schema';

export function toPageRecord(page: StoredPage): PageRecord {
	return { id: page.id, firstKey: page.firstKey, packed: packProducts(page.products) };
}

export function fromPageRecord(record: PageRecord): StoredPage {
	return { id: record.id, firstKey: record.firstKey, products: unpackPresent(record.packed) };
}

export async function readAllPages(db: StockroomDb): Promise<StoredPage[]> {
	return (await db.pages.toArray()).map(fromPageRecord);
}

export async function readPages(
	db: StockroomDb,
	ids: readonly number[]
): Promise<(StoredPage | undefined)[]> {
	return (await db.pages.bulkGet([...ids])).map((record) => (record ? fromPageRecord(record) : undefined));
}
