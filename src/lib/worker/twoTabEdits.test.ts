// Two tabs on one database, each with its own engine (as each browser tab has its own worker).

import { describe, expect, it } from 'vitest';
import type { ProductEdit } from '$lib/domain/productEdits';
import { newSource, type Product } from '$lib/domain/types';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('two-tabs');

/** The edit the product page sends for `product` with `change` applied to its form. */
function form(product: Product, change: (edit: ProductEdit) => void = () => {}): ProductEdit {
	const edit: ProductEdit = {
		name: product.name,
		barcodes: [...product.barcodes],
		items: product.items.map((item) => ({
			source: item.source,
			quantity: String(item.quantity),
			status: String(item.status) as '0' | '1',
			notifyQty: item.notifyQty === null ? '' : String(item.notifyQty)
		}))
	};
	change(edit);
	return edit;
}

const setQuantity = (source: string, quantity: string) => (edit: ProductEdit) => {
	const item = edit.items.find((i) => i.source === source)!;
	item.quantity = quantity;
	item.status = '';
};

/** Tab A and tab B on one database holding MB-01 at Back Room (56) and Drop Shipper (10). */
async function twoTabs() {
	const a = openEngine();
	const b = openEngine(a.name);
	value(await a.engine.saveSource(newSource('back', 'Back Room'), null));
	value(await a.engine.saveSource(newSource('drop', 'Drop Shipper'), null));
	value(await a.engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: ['111'] }));
	const created = (await a.engine.getProduct('MB-01'))!.product;
	value(
		await a.engine.saveProduct(
			'MB-01',
			{
				...form(created),
				items: [
					{ source: 'back', quantity: '56', status: '', notifyQty: '' },
					{ source: 'drop', quantity: '10', status: '', notifyQty: '' }
				]
			},
			created
		)
	);
	await b.engine.start();
	const stored = async () => (await openEngine(a.name).engine.getProduct('MB-01'))!.product;
	return { a: a.engine, b: b.engine, stored };
}

const quantities = (product: Product) =>
	Object.fromEntries(product.items.map((item) => [item.source, item.quantity]));

describe('two tabs editing one product', () => {
	it('keeps a field the other tab saved when this tab saves a different field', async () => {
		const { a, b, stored } = await twoTabs();
		const loadedInB = (await b.getProduct('MB-01'))!.product;
		const loadedInA = (await a.getProduct('MB-01'))!.product;
		value(await a.saveProduct('MB-01', form(loadedInA, setQuantity('back', '70')), loadedInA));
		// B saves at once, before A's message reaches it: the merge must happen against storage.
		const saved = await b.saveProduct('MB-01', form(loadedInB, setQuantity('drop', '80')), loadedInB);
		expect(saved.ok).toBe(true);
		expect(quantities(await stored())).toEqual({ back: 70, drop: 80 });
	});

	it('refuses the second save of one field, with both values, and keeps the first', async () => {
		const { a, b, stored } = await twoTabs();
		const loadedInB = (await b.getProduct('MB-01'))!.product;
		const loadedInA = (await a.getProduct('MB-01'))!.product;
		value(await a.saveProduct('MB-01', form(loadedInA, setQuantity('back', '111')), loadedInA));
		const saved = await b.saveProduct('MB-01', form(loadedInB, setQuantity('back', '222')), loadedInB);
		expect(saved).toMatchObject({
			ok: false,
			conflicts: [{ field: 'items.back.quantity', loaded: 56, theirs: 111, yours: 222 }]
		});
		expect(saved.ok || saved.message).toMatch(/Another tab or device changed a field of MB-01/);
		expect(quantities(await stored())).toEqual({ back: 111, drop: 10 });
	});

	it('refuses conflicting names and barcodes the same way, and saves after "Use mine"', async () => {
		const { a, b, stored } = await twoTabs();
		const loadedInB = (await b.getProduct('MB-01'))!.product;
		const loadedInA = (await a.getProduct('MB-01'))!.product;
		const renamed = (name: string, code: string) => (edit: ProductEdit) => {
			edit.name = name;
			edit.barcodes = [code];
		};
		value(await a.saveProduct('MB-01', form(loadedInA, renamed('From A', '333')), loadedInA));
		const saved = await b.saveProduct('MB-01', form(loadedInB, renamed('From B', '444')), loadedInB);
		expect(saved).toMatchObject({
			ok: false,
			conflicts: [
				{ field: 'name', theirs: 'From A', yours: 'From B' },
				{ field: 'barcodes', theirs: '333', yours: '444' }
			]
		});
		expect(await stored()).toMatchObject({ name: 'From A', barcodes: ['333'] });
		// "Use mine": the editor takes their values as what it loaded for those fields and saves again.
		const rebased = { ...loadedInB, name: 'From A', barcodes: ['333'] };
		value(await b.saveProduct('MB-01', form(loadedInB, renamed('From B', '444')), rebased));
		expect(await stored()).toMatchObject({ name: 'From B', barcodes: ['444'] });
	});

	it('never writes a field the user did not touch, even from a stale form', async () => {
		const { a, b, stored } = await twoTabs();
		const loadedInB = (await b.getProduct('MB-01'))!.product;
		const loadedInA = (await a.getProduct('MB-01'))!.product;
		value(await a.saveProduct('MB-01', { ...form(loadedInA), name: 'Renamed by A' }, loadedInA));
		const saved = await b.saveProduct('MB-01', form(loadedInB, setQuantity('back', '57')), loadedInB);
		expect(saved.ok).toBe(true);
		expect(await stored()).toMatchObject({
			name: 'Renamed by A',
			items: [{ quantity: 57 }, { quantity: 10 }]
		});
	});

	it('says so when the other tab deleted the product', async () => {
		const { a, b } = await twoTabs();
		const loadedInB = (await b.getProduct('MB-01'))!.product;
		value(await a.deleteProduct('MB-01'));
		const saved = await b.saveProduct('MB-01', form(loadedInB, setQuantity('back', '1')), loadedInB);
		expect(saved.ok || saved.message).toMatch(/no longer exists: it was deleted/);
	});
});
