import { describe, expect, it } from 'vitest';
import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import type { StoredPage } from '$lib/db/schema';
import { Inventory } from './inventory';

const product = (sku: string, barcodes: string[] = [], quantity = 1): Product => ({
	sku,
	name: `Name of ${sku}`,
	barcodes,
	items: [{ source: 'default', quantity, status: 1, notifyQty: null }]
});
const page = (id: number, products: Product[]): StoredPage => ({
	id,
	firstKey: skuKey(products[0].sku),
	products
});
const written = (record: StoredPage) => ({
	id: record.id,
	firstKey: record.firstKey,
	keys: record.products.map((p) => skuKey(p.sku))
});

function loaded() {
	const inventory = new Inventory();
	// Given out of key order on purpose: the store reads pages by id.
	inventory.load([
		page(2, [product('M-1', ['222']), product('n-2')]),
		page(1, [product('A-1', ['111']), product('b-2')]),
		page(3, [product('X-1'), product('Z-9', ['999'])])
	]);
	return inventory;
}

describe('Inventory.load', () => {
	it('indexes products by key, SKU ignoring case, and barcode', () => {
		const inventory = loaded();
		expect(inventory.size).toBe(6);
		expect(inventory.get('m-1')?.sku).toBe('M-1');
		expect(inventory.get('M-1')).toBeUndefined();
		expect(inventory.getBySku('B-2')?.sku).toBe('b-2');
		expect(inventory.barcodeOwner('222')).toBe('m-1');
		expect(inventory.barcodeOwner('22')).toBeUndefined();
		expect(inventory.pageIds().sort()).toEqual([1, 2, 3]);
	});

	it('finds a retail code in any of its lengths, whichever length was stored', () => {
		const inventory = new Inventory();
		inventory.load([page(1, [product('UPC', ['036000291452']), product('EAN8', ['96385074'])])]);
		for (const code of ['036000291452', '0036000291452', '00036000291452', '36000291452']) {
			expect(inventory.barcodeOwner(code)).toBe('upc');
		}
		expect(inventory.barcodeOwner('00000096385074')).toBe('ean8');
		expect(inventory.barcodeOwner('036000291453')).toBeUndefined();
	});

	it('lists every key in SKU order across pages', () => {
		expect(loaded().sortedKeys()).toEqual(['a-1', 'b-2', 'm-1', 'n-2', 'x-1', 'z-9']);
	});

	it('replaces everything on a second load', () => {
		const inventory = loaded();
		const version = inventory.version;
		inventory.load([page(5, [product('Q-1', ['555'])])]);
		expect(inventory.sortedKeys()).toEqual(['q-1']);
		expect(inventory.barcodeOwner('111')).toBeUndefined();
		expect(inventory.barcodeOwner('555')).toBe('q-1');
		expect(inventory.pageIds()).toEqual([5]);
		expect(inventory.version).toBeGreaterThan(version);
	});
});

describe('Inventory.applyCommitted', () => {
	it('adds a product in order and indexes its barcodes', () => {
		const inventory = loaded();
		const version = inventory.version;
		const created = product('C-3', ['333']);
		const after = page(1, [product('A-1', ['111']), product('b-2'), created]);
		inventory.applyCommitted([{ key: 'c-3', before: null, after: created }], [written(after)], []);
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'c-3', 'm-1', 'n-2', 'x-1', 'z-9']);
		expect(inventory.get('c-3')).toBe(created);
		expect(inventory.barcodeOwner('333')).toBe('c-3');
		expect(inventory.version).toBeGreaterThan(version);
	});

	it('follows a barcode change: the old code is free, the new one found', () => {
		const inventory = loaded();
		const before = inventory.get('a-1')!;
		const after = { ...before, barcodes: ['112'] };
		inventory.applyCommitted(
			[{ key: 'a-1', before, after }],
			[written(page(1, [after, product('b-2')]))],
			[]
		);
		expect(inventory.barcodeOwner('111')).toBeUndefined();
		expect(inventory.barcodeOwner('112')).toBe('a-1');
		expect(inventory.get('a-1')?.barcodes).toEqual(['112']);
	});

	it('follows a new spelling of a SKU under the same key', () => {
		const inventory = loaded();
		const before = inventory.get('m-1')!;
		const after = { ...before, sku: 'm-1' };
		inventory.applyCommitted(
			[{ key: 'm-1', before, after }],
			[written(page(2, [after, product('n-2')]))],
			[]
		);
		expect(inventory.getBySku('M-1')?.sku).toBe('m-1');
		expect(inventory.barcodeOwner('222')).toBe('m-1');
		expect(inventory.size).toBe(6);
	});

	it.each([
		['giver first', true],
		['taker first', false]
	])('moves a barcode from one product to another in one commit (%s)', (_, giverFirst) => {
		const inventory = loaded();
		const giver = inventory.get('a-1')!;
		const taker = inventory.get('b-2')!;
		const gave = { ...giver, barcodes: [] };
		const took = { ...taker, barcodes: ['111'] };
		const changes = [
			{ key: 'a-1', before: giver, after: gave },
			{ key: 'b-2', before: taker, after: took }
		];
		if (!giverFirst) changes.reverse();
		inventory.applyCommitted(changes, [written(page(1, [gave, took]))], []);
		expect(inventory.barcodeOwner('111')).toBe('b-2');
	});

	it('forgets a deleted product, its barcodes and its key', () => {
		const inventory = loaded();
		const before = inventory.get('z-9')!;
		inventory.applyCommitted([{ key: 'z-9', before, after: null }], [written(page(3, [product('X-1')]))], []);
		expect(inventory.get('z-9')).toBeUndefined();
		expect(inventory.getBySku('Z-9')).toBeUndefined();
		expect(inventory.barcodeOwner('999')).toBeUndefined();
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'm-1', 'n-2', 'x-1']);
		expect(inventory.size).toBe(5);
	});

	it('takes the page layout of a split and of a deleted page', () => {
		const inventory = loaded();
		// Page 2 gains two products and is split into 2 and 4; page 3 loses both of its products.
		const added = [product('M-0'), product('O-1')];
		const left = page(2, [added[0], product('M-1', ['222'])]);
		const right = page(4, [product('n-2'), added[1]]);
		inventory.applyCommitted(
			[
				{ key: 'm-0', before: null, after: added[0] },
				{ key: 'o-1', before: null, after: added[1] },
				{ key: 'x-1', before: inventory.get('x-1')!, after: null },
				{ key: 'z-9', before: inventory.get('z-9')!, after: null }
			],
			[written(left), written(right)],
			[3]
		);
		expect(inventory.pageIds().sort()).toEqual([1, 2, 4]);
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'm-0', 'm-1', 'n-2', 'o-1']);
		expect(inventory.size).toBe(6);
	});
});

describe('Inventory.reloadPages (another tab wrote)', () => {
	it('takes in a split page with a new product', () => {
		const inventory = loaded();
		const version = inventory.version;
		inventory.reloadPages(
			[page(1, [product('A-1', ['111'])]), page(4, [product('b-2'), product('B-3', ['444'])])],
			[]
		);
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'b-3', 'm-1', 'n-2', 'x-1', 'z-9']);
		expect(inventory.barcodeOwner('444')).toBe('b-3');
		expect(inventory.pageIds().sort()).toEqual([1, 2, 3, 4]);
		expect(inventory.version).toBeGreaterThan(version);
	});

	it('takes in a merge: the dropped page is gone, its products are found in the kept one', () => {
		const inventory = loaded();
		inventory.reloadPages(
			[page(2, [product('M-1', ['222']), product('n-2'), product('X-1'), product('Z-9', ['999'])])],
			[3]
		);
		expect(inventory.pageIds().sort()).toEqual([1, 2]);
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'm-1', 'n-2', 'x-1', 'z-9']);
		expect(inventory.barcodeOwner('999')).toBe('z-9');
		expect(inventory.size).toBe(6);
	});

	it('forgets a product deleted there, with its barcodes', () => {
		const inventory = loaded();
		inventory.reloadPages([page(2, [product('n-2')])], []);
		expect(inventory.get('m-1')).toBeUndefined();
		expect(inventory.barcodeOwner('222')).toBeUndefined();
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'n-2', 'x-1', 'z-9']);
	});

	it('forgets every product of a page deleted there', () => {
		const inventory = loaded();
		inventory.reloadPages([], [3]);
		expect(inventory.sortedKeys()).toEqual(['a-1', 'b-2', 'm-1', 'n-2']);
		expect(inventory.get('x-1')).toBeUndefined();
		expect(inventory.barcodeOwner('999')).toBeUndefined();
		expect(inventory.size).toBe(4);
	});

	it('takes new values and barcodes of products edited there, and a barcode moved between pages', () => {
		const inventory = loaded();
		// '111' moves from A-1 (page 1) to Z-9 (page 3); M-1 changes quantity.
		inventory.reloadPages(
			[
				page(3, [product('X-1'), product('Z-9', ['999', '111'])]),
				page(1, [product('A-1'), product('b-2')]),
				page(2, [product('M-1', ['222'], 40), product('n-2')])
			],
			[]
		);
		expect(inventory.barcodeOwner('111')).toBe('z-9');
		expect(inventory.barcodeOwner('222')).toBe('m-1');
		expect(inventory.get('m-1')?.items[0].quantity).toBe(40);
		expect(inventory.size).toBe(6);
	});

	it('is unaffected by a page id it never knew being deleted', () => {
		const inventory = loaded();
		inventory.reloadPages([], [42]);
		expect(inventory.size).toBe(6);
	});
});

describe('Inventory.keysWithPrefix', () => {
	function spread() {
		const inventory = new Inventory();
		// The SAMPLE- keys span two pages, with other keys before, between pages and after.
		inventory.load([
			page(5, [product('SAMPLE-0003'), product('SAMPLE-0004'), product('SAMPLER'), product('T-1')]),
			page(4, [product('A-1'), product('SAMPLE-0001'), product('SAMPLE-0002')])
		]);
		return inventory;
	}

	it('finds every key with the prefix across pages, in order, and nothing else', () => {
		const inventory = spread();
		expect(inventory.keysWithPrefix('sample-')).toEqual([
			'sample-0001',
			'sample-0002',
			'sample-0003',
			'sample-0004'
		]);
		expect(inventory.keysWithPrefix('sample-')).toEqual(
			[...inventory.products.keys()].filter((k) => k.startsWith('sample-')).sort()
		);
		expect(inventory.keysWithPrefix('zz')).toEqual([]);
	});

	it('answers whether any key has the prefix, also after the last such product is deleted', () => {
		const inventory = spread();
		expect(inventory.hasKeyWithPrefix('sample-')).toBe(true);
		expect(inventory.hasKeyWithPrefix('b')).toBe(false);
		expect(inventory.hasKeyWithPrefix('t-1')).toBe(true);
		inventory.load([page(6, [product('A-1'), product('SAMPLER')])]);
		expect(inventory.hasKeyWithPrefix('sample-')).toBe(false);
	});
});
