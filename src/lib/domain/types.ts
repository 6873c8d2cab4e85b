// The inventory model shared by every layer (Magento MSI's sources, products and source items).

export type StockStatus = 0 | 1;

export const DEFAULT_SOURCE_CODE = 'default';
export const DEFAULT_SOURCE_NAME = 'Default Source';

export interface Source {
	code: string;
	name: string;
	enabled: boolean;
	description: string;
	country: string;
	region: string;
	city: string;
	street: string;
	postcode: string;
	contactName: string;
	email: string;
	phone: string;
	latitude: number | null;
	longitude: number | null;
}

/** One row per (SKU, source). `notifyQty` null means "use the default notify quantity setting". */
export interface SourceItem {
	source: string;
	quantity: number;
	status: StockStatus;
	notifyQty: number | null;
}

export interface Product {
	sku: string;
	name: string;
	barcodes: string[];
	items: SourceItem[];
}

export interface Settings {
	defaultNotifyQty: number;
}

export const DEFAULT_SETTINGS: Settings = { defaultNotifyQty: 1 };

/** SKUs are matched ignoring case, as in Magento's database; the key is how a product is found. */
export function skuKey(sku: string): string {
	return sku.toLowerCase();
}

export function newSource(code: string, name: string): Source {
	return {
		code,
		name,
		enabled: true,
		description: '',
		country: '',
		region: '',
		city: '',
		street: '',
		postcode: '',
		contactName: '',
		email: '',
		phone: '',
		latitude: null,
		longitude: null
	};
}

export function defaultSource(): Source {
	return newSource(DEFAULT_SOURCE_CODE, DEFAULT_SOURCE_NAME);
}

/**
 * The one order of a product's items: the default source first, then by source code. Every write
 * stores items in this order, so a product reads the same whichever command (or undo) produced it.
 */
export function compareItemSources(a: string, b: string): number {
	if (a === b) return 0;
	if (a === DEFAULT_SOURCE_CODE) return -1;
	if (b === DEFAULT_SOURCE_CODE) return 1;
	return a < b ? -1 : 1;
}

export function inItemOrder(items: SourceItem[]): SourceItem[] {
	for (let i = 1; i < items.length; i++) {
		if (compareItemSources(items[i - 1].source, items[i].source) > 0) {
			return [...items].sort((a, b) => compareItemSources(a.source, b.source));
		}
	}
	return items;
}
