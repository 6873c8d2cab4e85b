import { describe, expect, it } from 'vitest';
import {
	cloneProduct,
	historyEntry,
	itemChanges,
	productChange,
	removedSourcesStillUsed,
	sameItem,
	sameProduct,
	OPERATION_KIND_LABELS
} from './changeSet';
import { newSource, type Product } from './types';

const duffle: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['111', '222'],
	items: [
		{ source: 'default', quantity: 5, status: 1, notifyQty: null },
		{ source: 'eu-1', quantity: 0, status: 0, notifyQty: 2 }
	]
};

describe('sameItem and sameProduct', () => {
	it('compares items by quantity, status and notify quantity', () => {
		const a = duffle.items[0];
		expect(sameItem(a, { ...a })).toBe(true);
		expect(sameItem(a, { ...a, quantity: 6 })).toBe(false);
		expect(sameItem(a, { ...a, status: 0 })).toBe(false);
		expect(sameItem(a, { ...a, notifyQty: 1 })).toBe(false);
		expect(sameItem(a, undefined)).toBe(false);
		expect(sameItem(undefined, undefined)).toBe(true);
	});

	it('sees a product as the same whatever the order of its items', () => {
		expect(sameProduct(duffle, cloneProduct(duffle))).toBe(true);
		expect(sameProduct(duffle, { ...duffle, items: [...duffle.items].reverse() })).toBe(true);
	});

	it('sees any difference in SKU spelling, name, barcodes or items', () => {
		expect(sameProduct(duffle, { ...duffle, sku: 'mb-01' })).toBe(false);
		expect(sameProduct(duffle, { ...duffle, name: 'Duffle Bag' })).toBe(false);
		expect(sameProduct(duffle, { ...duffle, barcodes: ['111'] })).toBe(false);
		expect(sameProduct(duffle, { ...duffle, barcodes: ['222', '111'] })).toBe(false);
		expect(sameProduct(duffle, { ...duffle, items: [duffle.items[0]] })).toBe(false);
		expect(
			sameProduct(duffle, {
				...duffle,
				items: [duffle.items[0], { ...duffle.items[1], source: 'eu-2' }]
			})
		).toBe(false);
	});

	it('treats null and undefined as "no product"', () => {
		expect(sameProduct(null, undefined)).toBe(true);
		expect(sameProduct(null, duffle)).toBe(false);
		expect(sameProduct(duffle, null)).toBe(false);
	});
});

describe('productChange', () => {
	it('drops a change that changes nothing', () => {
		expect(productChange(duffle, cloneProduct(duffle))).toBeNull();
		expect(productChange(null, null)).toBeNull();
	});

	it('keys a change by the lower-cased SKU', () => {
		expect(productChange(null, duffle)).toEqual({ key: 'mb-01', before: null, after: duffle });
		expect(productChange(duffle, null)).toEqual({ key: 'mb-01', before: duffle, after: null });
	});
});

describe('itemChanges', () => {
	it('lists every item of a created product with no before', () => {
		expect(itemChanges({ key: 'mb-01', before: null, after: duffle })).toEqual([
			{
				sku: 'MB-01',
				source: 'default',
				before: null,
				after: { quantity: 5, status: 1, notifyQty: null }
			},
			{ sku: 'MB-01', source: 'eu-1', before: null, after: { quantity: 0, status: 0, notifyQty: 2 } }
		]);
	});

	it('lists every item of a deleted product with no after', () => {
		expect(
			itemChanges({ key: 'mb-01', before: duffle, after: null }).map((c) => [c.source, c.after])
		).toEqual([
			['default', null],
			['eu-1', null]
		]);
	});

	it('lists only the items that differ: edited, assigned and unassigned', () => {
		const after: Product = {
			...duffle,
			name: 'renamed, which is no item change',
			items: [
				{ source: 'default', quantity: 3, status: 1, notifyQty: null },
				{ source: 'eu-2', quantity: 1, status: 1, notifyQty: null }
			]
		};
		expect(itemChanges({ key: 'mb-01', before: duffle, after })).toEqual([
			{
				sku: 'MB-01',
				source: 'default',
				before: { quantity: 5, status: 1, notifyQty: null },
				after: { quantity: 3, status: 1, notifyQty: null }
			},
			{ sku: 'MB-01', source: 'eu-1', before: { quantity: 0, status: 0, notifyQty: 2 }, after: null },
			{ sku: 'MB-01', source: 'eu-2', before: null, after: { quantity: 1, status: 1, notifyQty: null } }
		]);
	});

	it('keeps in history only the items an update changed, and counts item changes', () => {
		const renamed = { ...duffle, name: 'Other' };
		const counts = [
			{ key: 'mb-01', before: null, after: duffle },
			{ key: 'mb-01', before: duffle, after: renamed },
			{ key: 'x', before: { ...duffle, sku: 'X' }, after: null }
		].map((change) => historyEntry(change).items);
		expect(counts).toEqual([2, 0, 2]);
		const moved = {
			...duffle,
			items: duffle.items.map((item) => (item.source === 'default' ? { ...item, quantity: 9 } : item))
		};
		const { entry, items } = historyEntry({ key: 'mb-01', before: duffle, after: moved });
		expect(items).toBe(1);
		expect(entry.before!.items.map((i) => i.source)).toEqual(['default']);
		expect(entry.after!.items).toEqual([{ ...duffle.items[0], quantity: 9 }]);
		expect(itemChanges(entry)).toEqual(itemChanges({ key: 'mb-01', before: duffle, after: moved }));
	});
});

describe('cloneProduct', () => {
	it('copies deeply enough that editing the copy leaves the original alone', () => {
		const copy = cloneProduct(duffle);
		copy.items[0].quantity = 99;
		copy.barcodes.push('333');
		expect(duffle.items[0].quantity).toBe(5);
		expect(duffle.barcodes).toEqual(['111', '222']);
		expect(copy).not.toEqual(duffle);
	});
});

it('labels every operation kind', () => {
	expect(OPERATION_KIND_LABELS['create-product']).toBe('New product');
	expect(Object.values(OPERATION_KIND_LABELS).every((label) => label.length > 0)).toBe(true);
});

describe('removedSourcesStillUsed', () => {
	const at = (sku: string, source: string): Product => ({
		sku,
		name: '',
		barcodes: [],
		items: [{ source, quantity: 1, status: 1, notifyQty: null }]
	});
	const gone = (code: string) => ({ code, before: newSource(code, code), after: null });

	it('names a removed source that a product not in the set still holds', () => {
		const products: [string, Product][] = [
			['a', at('A', 'north')],
			['b', at('B', 'south')]
		];
		const set = {
			kind: 'delete-product' as const,
			summary: '',
			changes: [{ key: 'a', before: products[0][1], after: null }],
			sourceChanges: [gone('north'), gone('south')]
		};
		expect(removedSourcesStillUsed(set, products)).toEqual(['south']);
	});

	it('counts what the set itself puts on a removed source', () => {
		const set = {
			kind: 'edit' as const,
			summary: '',
			changes: [{ key: 'c', before: null, after: at('C', 'north') }],
			sourceChanges: [gone('north')]
		};
		expect(removedSourcesStillUsed(set, [])).toEqual(['north']);
	});
});
