import { describe, expect, it } from 'vitest';
import type { Product } from '$lib/domain/types';
import { packProducts, unpackProducts } from './productCodec';

const duffle: Product = {
	sku: '24-MB01',
	name: 'Joust Duffle Bag, "large"',
	barcodes: ['0730143312691', '4006381333931'],
	items: [
		{ source: 'default', quantity: 100, status: 1, notifyQty: null },
		{ source: 'wh-north', quantity: -2.5, status: 0, notifyQty: 0 },
		{ source: 'shop-1', quantity: 99_999_999.9999, status: 1, notifyQty: 3.25 }
	]
};
const bare: Product = { sku: 'x', name: '', barcodes: [], items: [] };

describe('packProducts / unpackProducts', () => {
	it('round-trips products, null slots, empty names and barcodes, nulls and zero notify quantities', () => {
		const products = [duffle, null, bare, { ...duffle, sku: '24-MB02', items: duffle.items.slice(1) }];
		expect(unpackProducts(packProducts(products))).toEqual(products);
	});

	it('stores items in typed columns with a shared source dictionary', () => {
		const packed = packProducts([duffle, { ...duffle, sku: 'B' }]);
		expect(packed.sources).toEqual(['default', 'wh-north', 'shop-1']);
		expect(Array.from(packed.itemSource)).toEqual([0, 1, 2, 0, 1, 2]);
		expect(Array.from(packed.itemStart)).toEqual([0, 3, 6]);
		expect(packed.quantity).toBeInstanceOf(Float64Array);
	});

	it('keeps an empty list empty', () => {
		expect(unpackProducts(packProducts([]))).toEqual([]);
	});
});
