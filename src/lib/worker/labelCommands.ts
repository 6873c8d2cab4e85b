// Labels: the products of a grid selection (or one SKU) with what a label shows, in SKU order.

import type { ProductSelection } from '$lib/domain/productQuery';
import { skuKey } from '$lib/domain/types';
import type { Store } from './store';

/** More labels than this in one go is a print job nobody meant (about 40 A4 sheets). */
export const MAX_LABELS = 1000;

export interface LabelProduct {
	sku: string;
	name: string;
	barcodes: string[];
}

export function labelCommands(store: Store) {
	return {
		async labelProducts(
			selection: ProductSelection | { sku: string }
		): Promise<{ products: LabelProduct[]; total: number }> {
			await store.start();
			const keys =
				'sku' in selection
					? [skuKey(selection.sku)]
					: store.queries.selectedKeys(selection, store.sources, store.settings.defaultNotifyQty);
			const products = keys
				.slice(0, MAX_LABELS)
				.map((key) => store.inventory.get(key))
				.filter((product) => product !== undefined)
				.map(({ sku, name, barcodes }) => ({ sku, name, barcodes: [...barcodes] }));
			return { products, total: keys.length };
		}
	};
}
