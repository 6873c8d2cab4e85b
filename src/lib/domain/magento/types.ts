// What Stockroom knows of a Magento store: per item, the value it last received from or sent to
// Magento (the base), and which sources it has pulled (only those can have changes to send).

import type { StockStatus } from '../types';

/** An item's value as Magento stores it: notify quantities stay on this device. */
export interface ItemValue {
	quantity: number;
	status: StockStatus;
}

export interface BaseItem extends ItemValue {
	source: string;
}

/** One product's base: the SKU as Magento spells it, and its items at pulled sources. */
export interface BaseEntry {
	sku: string;
	items: BaseItem[];
}

/** A read-only view of the base: entries by product key, and the sources pulled so far. */
export interface BaseView {
	tracked: ReadonlySet<string>;
	get(key: string): BaseEntry | undefined;
	keys(): Iterable<string>;
}

/** A base entry before and after a pull or a send (null: none). */
export interface BaseChange {
	key: string;
	before: BaseEntry | null;
	after: BaseEntry | null;
}

/** A source item as the REST API answers it (snake_case, as Magento names the fields). */
export interface MagentoSourceItem {
	sku: string;
	source_code: string;
	quantity: number;
	status: number;
}

export interface MagentoSource {
	source_code: string;
	name: string;
	enabled: boolean;
}

export function sameValue(a: ItemValue | null | undefined, b: ItemValue | null | undefined): boolean {
	if (!a || !b) return !a && !b;
	return a.quantity === b.quantity && a.status === b.status;
}

export function findBaseItem(entry: BaseEntry | undefined | null, source: string): BaseItem | undefined {
	if (!entry) return undefined;
	for (const item of entry.items) if (item.source === source) return item;
	return undefined;
}

export function sameEntry(a: BaseEntry | null | undefined, b: BaseEntry | null | undefined): boolean {
	if (!a || !b) return !a && !b;
	if (a.sku !== b.sku || a.items.length !== b.items.length) return false;
	return a.items.every((item) => sameValue(item, findBaseItem(b, item.source)));
}

/** Magento answers status as a number; anything but 1 is out of stock. */
export function toStatus(value: number): StockStatus {
	return value === 1 ? 1 : 0;
}

/** One line of the sync log: a connect, pull or send, and how it ended. */
export interface SyncLogRecord {
	id: number;
	at: number;
	kind: 'connect' | 'pull' | 'send';
	ok: boolean;
	summary: string;
}
