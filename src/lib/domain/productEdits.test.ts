import { describe, expect, it } from 'vitest';
import { createProduct, editProduct, type ProductEdit } from './productEdits';
import { defaultSource, newSource, type Product } from './types';

const sources = [
	defaultSource(),
	newSource('eu-1', 'EU 1'),
	{ ...newSource('eu-2', 'EU 2'), enabled: false }
];
const noOwner = () => null;

const current: Product = {
	sku: 'MB-01',
	name: 'Duffle',
	barcodes: ['0730143312691'],
	items: [{ source: 'default', quantity: 5, status: 1, notifyQty: null }]
};

function edit(items: ProductEdit['items'], name = 'Duffle', barcodes = ['0730143312691']): ProductEdit {
	return { name, barcodes, items };
}

describe('createProduct', () => {
	it('assigns a new product to the default source with quantity 0, out of stock', () => {
		expect(
			createProduct({ sku: 'MB-01', name: '  Duffle Bag ', barcodes: ['123'] }, () => false, noOwner)
		).toEqual({
			ok: true,
			product: {
				sku: 'MB-01',
				name: 'Duffle Bag',
				barcodes: ['123'],
				items: [{ source: 'default', quantity: 0, status: 0, notifyQty: null }]
			}
		});
	});

	it('refuses a taken SKU and a barcode of another product', () => {
		expect(
			createProduct(
				{ sku: 'mb-01', name: '', barcodes: ['123'] },
				(sku) => sku.toLowerCase() === 'mb-01',
				() => 'MB-09'
			)
		).toEqual({
			ok: false,
			errors: [
				{ field: 'sku', message: 'A product with SKU "mb-01" already exists.' },
				{ field: 'barcodes', message: 'Barcode "123" already belongs to MB-09.' }
			]
		});
	});

	it('refuses an empty SKU', () => {
		expect(createProduct({ sku: '', name: 'x', barcodes: [] }, () => false, noOwner)).toEqual({
			ok: false,
			errors: [{ field: 'sku', message: 'SKU is empty.' }]
		});
	});
});

describe('editProduct', () => {
	it('derives the status from the quantity when the status was not touched', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'default', quantity: '0', status: '', notifyQty: '' },
				{ source: 'eu-1', quantity: '2.5', status: '', notifyQty: '' },
				{ source: 'eu-2', quantity: '-1', status: '', notifyQty: '' }
			]),
			sources,
			noOwner
		);
		expect(result).toEqual({
			ok: true,
			product: {
				sku: 'MB-01',
				name: 'Duffle',
				barcodes: ['0730143312691'],
				items: [
					{ source: 'default', quantity: 0, status: 0, notifyQty: null },
					{ source: 'eu-1', quantity: 2.5, status: 1, notifyQty: null },
					{ source: 'eu-2', quantity: -1, status: 0, notifyQty: null }
				]
			}
		});
	});

	it('keeps an explicit status whatever the quantity', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'default', quantity: '0', status: '1', notifyQty: '' },
				{ source: 'eu-1', quantity: '7', status: '0', notifyQty: '' }
			]),
			sources,
			noOwner
		);
		expect(result.ok && result.product.items).toEqual([
			{ source: 'default', quantity: 0, status: 1, notifyQty: null },
			{ source: 'eu-1', quantity: 7, status: 0, notifyQty: null }
		]);
	});

	it('reads the notify quantity, empty meaning the default setting', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'default', quantity: '5', status: '', notifyQty: ' 3.5 ' },
				{ source: 'eu-1', quantity: '5', status: '', notifyQty: '   ' }
			]),
			sources,
			noOwner
		);
		expect(result.ok && result.product.items.map((i) => i.notifyQty)).toEqual([3.5, null]);
	});

	it('unassigns a source left out, keeps the SKU, and trims the name', () => {
		const result = editProduct(
			current,
			edit([{ source: 'eu-1', quantity: '1', status: '', notifyQty: '' }], '  Duffle Bag  ', []),
			sources,
			noOwner
		);
		expect(result).toEqual({
			ok: true,
			product: {
				sku: 'MB-01',
				name: 'Duffle Bag',
				barcodes: [],
				items: [{ source: 'eu-1', quantity: 1, status: 1, notifyQty: null }]
			}
		});
	});

	it('keys item errors by source and field, with the message a user sees', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'default', quantity: 'ten', status: '', notifyQty: '' },
				{ source: 'eu-1', quantity: '1.23456', status: '', notifyQty: '1,5' }
			]),
			sources,
			noOwner
		);
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'items.default.quantity', message: 'Quantity "ten" is not a number.' },
				{ field: 'items.eu-1.quantity', message: 'Quantity "1.23456" has more than 4 decimal places.' },
				{
					field: 'items.eu-1.notifyQty',
					message: 'Notify quantity "1,5" is not a number (use a dot for decimals).'
				}
			]
		});
	});

	it('refuses an unknown source and a quantity out of range', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'nowhere', quantity: '1', status: '', notifyQty: '' },
				{ source: 'default', quantity: '100000000', status: '', notifyQty: '' }
			]),
			sources,
			noOwner
		);
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'items.nowhere.source', message: 'Source "nowhere" does not exist.' },
				{ field: 'items.default.quantity', message: 'Quantity is out of range.' }
			]
		});
	});

	it('refuses a barcode that belongs to another product but not one of its own', () => {
		const owner = (code: string) => (code === '111' ? 'MB-02' : code === '0730143312691' ? 'MB-01' : null);
		const items = [{ source: 'default', quantity: '5', status: '' as const, notifyQty: '' }];
		expect(editProduct(current, edit(items, 'Duffle', ['0730143312691']), sources, owner).ok).toBe(true);
		expect(editProduct(current, edit(items, 'Duffle', ['0730143312691', '111']), sources, owner)).toEqual({
			ok: false,
			errors: [{ field: 'barcodes', message: 'Barcode "111" already belongs to MB-02.' }]
		});
	});

	it('takes a source listed twice only once', () => {
		const result = editProduct(
			current,
			edit([
				{ source: 'default', quantity: '1', status: '', notifyQty: '' },
				{ source: 'default', quantity: '2', status: '', notifyQty: '' }
			]),
			sources,
			noOwner
		);
		expect(result.ok && result.product.items).toEqual([
			{ source: 'default', quantity: 1, status: 1, notifyQty: null }
		]);
	});
});
