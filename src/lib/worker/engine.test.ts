import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { newSource } from '$lib/domain/types';
import { engineFactory } from './testing';

const openEngine = engineFactory('engine-test');

describe('engine', () => {
	it('starts with the default source and an empty catalogue', async () => {
		const { engine } = openEngine();
		expect(await engine.start()).toEqual({ products: 0, sources: 1 });
		const [summary] = await engine.sourceUsage();
		expect(summary.source).toMatchObject({ code: 'default', name: 'Default Source', enabled: true });
		expect(await engine.getSources()).toEqual([summary.source]);
	});

	it('creates a product on the default source, edits it and finds it after reopening', async () => {
		const { engine, name } = openEngine();
		const created = await engine.createProduct({ sku: 'MB-01', name: 'Duffle', barcodes: ['0730143312691'] });
		expect(created.ok).toBe(true);
		await engine.saveSource(newSource('eu-1', 'EU 1'), null);
		const saved = await engine.saveProduct('mb-01', {
			name: 'Duffle Bag',
			barcodes: ['0730143312691'],
			items: [
				{ source: 'default', quantity: '5', status: '', notifyQty: '' },
				{ source: 'eu-1', quantity: '2.5', status: '0', notifyQty: '3' }
			]
		});
		expect(saved.ok).toBe(true);
		const reopened = openEngine(name).engine;
		const detail = await reopened.getProduct('MB-01');
		expect(detail?.product).toEqual({
			sku: 'MB-01',
			name: 'Duffle Bag',
			barcodes: ['0730143312691'],
			items: [
				{ source: 'default', quantity: 5, status: 1, notifyQty: null },
				{ source: 'eu-1', quantity: 2.5, status: 0, notifyQty: 3 }
			]
		});
		const window = await reopened.queryProducts({ ...ALL_PRODUCTS, search: '0730143312691' }, 0, 10);
		expect(window.rows.map((r) => r.sku)).toEqual(['MB-01']);
		expect(window.rows[0].total).toBe(5);
	});

	it('rejects a duplicate SKU ignoring case with a message naming it', async () => {
		const { engine } = openEngine();
		await engine.createProduct({ sku: 'MB-01', name: '', barcodes: [] });
		const again = await engine.createProduct({ sku: 'mb-01', name: '', barcodes: [] });
		expect(again).toMatchObject({ ok: false, message: 'A product with SKU "mb-01" already exists.' });
	});

	it('windows, filters and sorts a large catalogue', async () => {
		const { engine } = openEngine();
		expect(await engine.addSampleData(5000, 4)).toBe(5000);
		const all = await engine.queryProducts(ALL_PRODUCTS, 100, 50);
		expect(all.total).toBe(5000);
		expect(all.rows).toHaveLength(50);
		expect(all.rows[0].sku).toBe('SAMPLE-0101');
		const byTotal = await engine.queryProducts({ ...ALL_PRODUCTS, sort: 'total', descending: true }, 0, 3);
		expect(byTotal.rows[0].total).toBeGreaterThanOrEqual(byTotal.rows[1].total);
		const out = await engine.queryProducts({ ...ALL_PRODUCTS, source: 'shop-1', stock: 'out' }, 0, 5000);
		for (const row of out.rows) {
			expect(row.items.find((i) => i.source === 'shop-1')?.status).toBe(0);
		}
	});

	it('blocks deleting a source that holds items and the default source', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(10, 2);
		expect(await engine.deleteSource('wh-north')).toMatchObject({ ok: false });
		expect(await engine.deleteSource('default')).toMatchObject({
			ok: false,
			message: 'The default source can not be deleted.'
		});
	});

	it('shows another tab a change without a reload', async () => {
		const first = openEngine();
		const second = openEngine(first.name);
		await second.engine.start();
		const seen = new Promise<string[]>(
			(resolve) => void second.engine.subscribe((topics) => resolve(topics))
		);
		await first.engine.createProduct({ sku: 'X-1', name: 'Cross tab', barcodes: [] });
		expect(await seen).toContain('products');
		expect((await second.engine.getProduct('x-1'))?.product.name).toBe('Cross tab');
	});
});
