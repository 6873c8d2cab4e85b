import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import type { EngineApi } from './api';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('sample-data-test');

async function usage(engine: EngineApi) {
	return (await engine.sourceUsage()).map((s) => [s.source.code, s.items]);
}

async function items(engine: EngineApi) {
	const rows = (await engine.queryProducts(ALL_PRODUCTS, 0, 100_000)).rows;
	return rows.reduce((sum, row) => sum + row.items.length, 0);
}

/** A product of the user's own with stock at the sample source wh-north. */
async function stockAtNorth(engine: EngineApi) {
	value(await engine.createProduct({ sku: 'MINE-1', name: 'Mine', barcodes: [] }));
	const items = [{ source: 'wh-north', quantity: '3', status: '' as const, notifyQty: '' }];
	value(await engine.saveProduct('MINE-1', { name: 'Mine', barcodes: [], items }));
}

describe('sample data', () => {
	it('adds the sample sources and products as one operation, undone as one', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(30, 4);
		const history = await engine.listOperations(0, 10);
		expect(history.total).toBe(1);
		expect(history.rows[0].sourceChanges?.map((c) => c.code)).toEqual([
			'wh-north',
			'shop-1',
			'backroom',
			'dropship'
		]);
		value(await engine.undoOperation(history.rows[0].id));
		expect(await usage(engine)).toEqual([['default', 0]]);
		expect(await engine.hasSampleData()).toBe(false);
	});

	it('removes products and sample sources as one operation whose undo brings back both', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(60, 4);
		const before = await usage(engine);
		expect(before).toHaveLength(5);
		expect(await items(engine)).toBe(300);

		const removed = value(await engine.removeSampleData());
		expect(removed).toMatchObject({ products: 60, sources: 4 });
		expect(await usage(engine)).toEqual([['default', 0]]);
		expect((await engine.listOperations(0, 10)).total).toBe(2);

		value(await engine.undoOperation(removed.operation!));
		// 300 items on the five sources they were on, and those sources exist again.
		expect(await usage(engine)).toEqual(before);
		expect(await items(engine)).toBe(300);
	});

	it('keeps a sample source another product still uses', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(5, 2);
		await stockAtNorth(engine);
		const removed = value(await engine.removeSampleData());
		expect(removed).toMatchObject({ products: 5, sources: 1 });
		expect((await engine.getSources()).map((s) => s.code)).toEqual(['default', 'wh-north']);
	});

	it("refuses to undo adding samples once a sample source holds another product's stock", async () => {
		const { engine } = openEngine();
		await engine.addSampleData(5, 1);
		const added = (await engine.listOperations(0, 1)).rows[0];
		await stockAtNorth(engine);
		const undone = await engine.undoOperation(added.id);
		expect(undone.ok).toBe(false);
		if (!undone.ok)
			expect(undone.message).toMatch(/source North Warehouse now holds stock of other products/);
		expect(await engine.hasSampleData()).toBe(true);
		expect((await engine.getSources()).map((s) => s.code)).toEqual(['default', 'wh-north']);
	});

	it('refuses to undo a removal when a source of the same code was created meanwhile', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(5, 1);
		const removed = value(await engine.removeSampleData());
		value(
			await engine.saveSource(
				{ ...(await engine.getSources())[0], code: 'wh-north', name: 'My own north' },
				null
			)
		);
		const undone = await engine.undoOperation(removed.operation!);
		expect(undone.ok).toBe(false);
		if (!undone.ok) expect(undone.message).toContain('source My own north');
		expect(await engine.hasSampleData()).toBe(false);
	});
});
