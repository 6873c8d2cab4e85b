// Products as IndexedDB stores them: columns of typed arrays and string arrays instead of one object
// per product and per item. Structured cloning costs per object, so a page of 1,000 products × 5
// sources is ~10 objects instead of ~7,000, which makes writing a million items several times faster.

import type { Product, SourceItem } from '$lib/domain/types';

export interface PackedProducts {
	/** 1 where a product is present, 0 for a null slot (a history change's missing before or after). */
	present: Uint8Array;
	skus: string[];
	names: string[];
	/** Each product's barcodes joined by a newline (barcodes never hold whitespace). */
	barcodes: string[];
	/** Product i's items are itemSource[itemStart[i] .. itemStart[i + 1]). */
	itemStart: Uint32Array;
	/** The source codes the items name; items refer to them by index. */
	sources: string[];
	itemSource: Uint16Array;
	quantity: Float64Array;
	status: Uint8Array;
	/** NaN for "use the default notify quantity". */
	notify: Float64Array;
}

export function packProducts(products: readonly (Product | null)[]): PackedProducts {
	let itemCount = 0;
	for (const product of products) itemCount += product?.items.length ?? 0;
	const packed: PackedProducts = {
		present: new Uint8Array(products.length),
		skus: [],
		names: [],
		barcodes: [],
		itemStart: new Uint32Array(products.length + 1),
		sources: [],
		itemSource: new Uint16Array(itemCount),
		quantity: new Float64Array(itemCount),
		status: new Uint8Array(itemCount),
		notify: new Float64Array(itemCount)
	};
	const sourceIndex = new Map<string, number>();
	let at = 0;
	products.forEach((product, i) => {
		packed.itemStart[i] = at;
		packed.present[i] = product ? 1 : 0;
		packed.skus.push(product?.sku ?? '');
		packed.names.push(product?.name ?? '');
		packed.barcodes.push(product ? product.barcodes.join('\n') : '');
		for (const item of product?.items ?? []) {
			let index = sourceIndex.get(item.source);
			if (index === undefined) {
				index = packed.sources.push(item.source) - 1;
				sourceIndex.set(item.source, index);
			}
			packed.itemSource[at] = index;
			packed.quantity[at] = item.quantity;
			packed.status[at] = item.status;
			packed.notify[at] = item.notifyQty ?? NaN;
			at++;
		}
	});
	packed.itemStart[products.length] = at;
	return packed;
}

export function unpackProducts(packed: PackedProducts): (Product | null)[] {
	const products: (Product | null)[] = [];
	for (let i = 0; i < packed.present.length; i++) {
		if (packed.present[i] === 0) {
			products.push(null);
			continue;
		}
		const items: SourceItem[] = [];
		for (let at = packed.itemStart[i]; at < packed.itemStart[i + 1]; at++) {
			const notify = packed.notify[at];
			items.push({
				source: packed.sources[packed.itemSource[at]],
				quantity: packed.quantity[at],
				status: packed.status[at] === 1 ? 1 : 0,
				notifyQty: Number.isNaN(notify) ? null : notify
			});
		}
		const barcodes = packed.barcodes[i];
		products.push({
			sku: packed.skus[i],
			name: packed.names[i],
			barcodes: barcodes === '' ? [] : barcodes.split('\n'),
			items
		});
	}
	return products;
}

/** For pages, where every slot holds a product. */
export function unpackPresent(packed: PackedProducts): Product[] {
	return unpackProducts(packed) as Product[];
}
