import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { newSource } from '$lib/domain/types';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('queries-test');

/** One product held only at `eu-1`, with 5 units in stock. */
async function oneProductAtOneSource() {
	const opened = openEngine();
	const { engine } = opened;
	value(await engine.saveSource(newSource('eu-1', 'EU 1'), null));
	value(await engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: [] }));
	value(
		await engine.saveProduct('MB-01', {
			name: 'Duffle',
			barcodes: [],
			items: [{ source: 'eu-1', quantity: '5', status: '', notifyQty: '' }]
		})
	);
	return opened;
}

describe('the grid query cache', () => {
	it('answers again after the only source holding a product is disabled', async () => {
		const { engine } = await oneProductAtOneSource();
		const inStock = { ...ALL_PRODUCTS, stock: 'in' as const };
		expect((await engine.queryProducts(inStock, 0, 10)).total).toBe(1);
		value(await engine.saveSource({ ...newSource('eu-1', 'EU 1'), enabled: false }, 'eu-1'));
		expect((await engine.queryProducts(inStock, 0, 10)).total).toBe(0);
		const byTotal = await engine.queryProducts({ ...ALL_PRODUCTS, sort: 'total' }, 0, 10);
		expect(byTotal.rows[0].total).toBe(0);
	});

	it('answers again after the default notify quantity is raised', async () => {
		const { engine } = await oneProductAtOneSource();
		const low = { ...ALL_PRODUCTS, stock: 'low' as const };
		expect((await engine.queryProducts(low, 0, 10)).total).toBe(0);
		value(await engine.saveDefaultNotifyQty('10'));
		expect((await engine.queryProducts(low, 0, 10)).total).toBe(1);
		value(await engine.saveDefaultNotifyQty('1'));
		expect((await engine.queryProducts(low, 0, 10)).total).toBe(0);
	});

	it('answers again after another tab disables a source', async () => {
		const { engine, name } = await oneProductAtOneSource();
		const other = openEngine(name).engine;
		const inStock = { ...ALL_PRODUCTS, stock: 'in' as const };
		expect((await engine.queryProducts(inStock, 0, 10)).total).toBe(1);
		const seen = new Promise<void>((resolve) => void engine.subscribe(() => resolve()));
		value(await other.saveSource({ ...newSource('eu-1', 'EU 1'), enabled: false }, 'eu-1'));
		await seen;
		expect((await engine.queryProducts(inStock, 0, 10)).total).toBe(0);
	});
});

describe('the grid after edits (the query index is patched in place, or rebuilt when products come)', () => {
	const draft = (name: string, quantity: string) => ({
		name,
		barcodes: [],
		items: [{ source: 'default', quantity, status: '' as const, notifyQty: '' }]
	});
	const skus = (window: { rows: { sku: string }[] }) => window.rows.map((row) => row.sku);

	it('moves an edited product in the total and name orders, and shows a new one', async () => {
		const { engine } = openEngine();
		for (const [sku, name, quantity] of [
			['A-1', 'Cedar', '5'],
			['A-2', 'Birch', '1'],
			['A-3', 'Aspen', '9']
		]) {
			value(await engine.createProduct({ sku, name, barcodes: [] }));
			value(await engine.saveProduct(sku, draft(name, quantity)));
		}
		const byTotal = { ...ALL_PRODUCTS, sort: 'total' as const };
		const byName = { ...ALL_PRODUCTS, sort: 'name' as const };
		expect(skus(await engine.queryProducts(byTotal, 0, 10))).toEqual(['A-2', 'A-1', 'A-3']);
		expect(skus(await engine.queryProducts(byName, 0, 10))).toEqual(['A-3', 'A-2', 'A-1']);

		value(await engine.saveProduct('A-2', draft('Zelkova', '20')));
		expect(skus(await engine.queryProducts(byTotal, 0, 10))).toEqual(['A-1', 'A-3', 'A-2']);
		expect(skus(await engine.queryProducts(byName, 0, 10))).toEqual(['A-3', 'A-1', 'A-2']);
		const low = await engine.queryProducts({ ...ALL_PRODUCTS, stock: 'low' }, 0, 10);
		expect(skus(low)).toEqual([]);

		value(await engine.createProduct({ sku: 'A-0', name: 'Alder', barcodes: [] }));
		expect(skus(await engine.queryProducts(byName, 0, 10))).toEqual(['A-0', 'A-3', 'A-1', 'A-2']);
		expect(skus(await engine.queryProducts({ ...ALL_PRODUCTS, stock: 'out' }, 0, 10))).toEqual(['A-0']);
	});
});
