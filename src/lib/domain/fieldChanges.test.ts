import { describe, expect, it } from 'vitest';
import { applyFieldChanges, changedFields, fieldLabel, fieldText } from './fieldChanges';
import type { Product } from './types';

const loaded: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['111', '222'],
	items: [
		{ source: 'back', quantity: 56, status: 1, notifyQty: null },
		{ source: 'drop', quantity: 10, status: 1, notifyQty: 3 }
	]
};

const withItem = (product: Product, source: string, patch: Partial<Product['items'][number]>) => ({
	...product,
	items: product.items.map((item) => (item.source === source ? { ...item, ...patch } : item))
});

describe('changedFields', () => {
	it('lists only the fields that differ, each with the loaded value', () => {
		const mine = { ...withItem(loaded, 'drop', { quantity: 80 }), name: 'Duffle Bag' };
		expect(changedFields(loaded, mine)).toEqual([
			{ field: 'name', from: 'Duffle', to: 'Duffle Bag' },
			{ field: 'items.drop.quantity', from: 10, to: 80 }
		]);
	});

	it('describes an unassigned source as its three fields going away, an assigned one as appearing', () => {
		const mine = {
			...loaded,
			items: [loaded.items[0], { source: 'new', quantity: 4, status: 1 as const, notifyQty: null }]
		};
		expect(changedFields(loaded, mine)).toEqual([
			{ field: 'items.drop.quantity', from: 10, to: undefined },
			{ field: 'items.drop.status', from: 1, to: undefined },
			{ field: 'items.drop.notifyQty', from: 3, to: undefined },
			{ field: 'items.new.quantity', from: undefined, to: 4 },
			{ field: 'items.new.status', from: undefined, to: 1 },
			{ field: 'items.new.notifyQty', from: undefined, to: null }
		]);
	});
});

describe('applyFieldChanges', () => {
	it('keeps a field someone else changed when this edit did not touch it', () => {
		const theirs = withItem(loaded, 'back', { quantity: 70 });
		const mine = withItem(loaded, 'drop', { quantity: 80 });
		const merged = applyFieldChanges(theirs, changedFields(loaded, mine));
		expect(merged).toEqual({
			ok: true,
			product: withItem(withItem(loaded, 'back', { quantity: 70 }), 'drop', { quantity: 80 })
		});
	});

	it('refuses a field both changed, naming the loaded, their and my value', () => {
		const theirs = withItem(loaded, 'back', { quantity: 111 });
		const mine = withItem(loaded, 'back', { quantity: 222 });
		expect(applyFieldChanges(theirs, changedFields(loaded, mine))).toEqual({
			ok: false,
			deleted: false,
			conflicts: [{ field: 'items.back.quantity', loaded: 56, theirs: 111, yours: 222 }]
		});
	});

	it('refuses names and barcodes changed on both sides', () => {
		const theirs = { ...loaded, name: 'Theirs', barcodes: ['333'] };
		const mine = { ...loaded, name: 'Mine', barcodes: ['111'] };
		const merged = applyFieldChanges(theirs, changedFields(loaded, mine));
		expect(merged).toMatchObject({
			ok: false,
			conflicts: [
				{ field: 'name', theirs: 'Theirs', yours: 'Mine' },
				{ field: 'barcodes', theirs: '333', yours: '111' }
			]
		});
	});

	it('accepts a field the other side already set to the same value', () => {
		const both = withItem(loaded, 'back', { quantity: 70 });
		expect(applyFieldChanges(both, changedFields(loaded, both))).toEqual({ ok: true, product: both });
	});

	it('refuses a quantity change on a source another tab unassigned meanwhile', () => {
		const theirs = { ...loaded, items: [loaded.items[0]] };
		const mine = withItem(loaded, 'drop', { quantity: 80 });
		expect(applyFieldChanges(theirs, changedFields(loaded, mine))).toMatchObject({
			ok: false,
			conflicts: [{ field: 'items.drop.quantity', theirs: undefined, yours: 80 }]
		});
	});

	it('reports a product deleted meanwhile', () => {
		const mine = { ...loaded, name: 'x' };
		expect(applyFieldChanges(null, changedFields(loaded, mine))).toEqual({ ok: false, deleted: true });
	});
});

describe('conflict wording', () => {
	it('names a field and shows its value as the page does', () => {
		const names = (code: string) => ({ back: 'Back Room' })[code] ?? code;
		expect(fieldLabel('items.back.quantity', names)).toBe('Back Room quantity');
		expect(fieldLabel('items.back.notifyQty', names)).toBe('Back Room notify quantity');
		expect(fieldText('items.back.status', 0, 1)).toBe('Out of stock');
		expect(fieldText('items.back.notifyQty', null, 5)).toBe('default (5)');
		expect(fieldText('items.back.quantity', undefined, 1)).toBe('not assigned');
	});
});
