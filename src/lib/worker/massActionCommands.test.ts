import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS, type ProductSelection } from '$lib/domain/productQuery';
import { newSource, type Product } from '$lib/domain/types';
import type { Progress } from './jobs';
import type { EngineApi } from './api';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('mass-actions-test');

const some = (...skus: string[]): ProductSelection => ({
	mode: 'some',
	keys: skus.map((s) => s.toLowerCase())
});

async function items(engine: EngineApi, sku: string) {
	return (await engine.getProduct(sku))?.product.items ?? null;
}

/** Three products: A at default 5 and eu-1 4; B at eu-1 2; C at default 1. */
async function seeded() {
	const opened = openEngine();
	const { engine } = opened;
	await engine.saveSource(newSource('eu-1', 'EU 1'), null);
	await engine.saveSource(newSource('eu-2', 'EU 2'), null);
	for (const sku of ['A', 'B', 'C'])
		await engine.createProduct({ sku, name: `Product ${sku}`, barcodes: [] });
	const set = (sku: string, rows: [string, string][]) =>
		engine.saveProduct(sku, {
			name: `Product ${sku}`,
			barcodes: [],
			items: rows.map(([source, quantity]) => ({ source, quantity, status: '', notifyQty: '' }))
		});
	value(
		await set('A', [
			['default', '5'],
			['eu-1', '4']
		])
	);
	value(await set('B', [['eu-1', '2']]));
	value(await set('C', [['default', '1']]));
	return opened;
}

describe('mass actions through the engine', () => {
	it('assigns sources to every product matching a search, as one undoable operation', async () => {
		const { engine } = await seeded();
		const selection: ProductSelection = {
			mode: 'all',
			query: { ...ALL_PRODUCTS, search: 'product' },
			except: ['c']
		};
		const progress: Progress[] = [];
		const result = value(
			await engine.assignSources('job-1', selection, ['eu-2', 'eu-1'], (p) => progress.push(p))
		);
		expect(result.message).toBe('2 source assignments added; 2 already assigned.');
		expect(result.counts).toEqual({ products: 2, added: 2, alreadyAssigned: 2 });
		expect(result.operation).toEqual(expect.any(Number));
		expect(progress.at(-1)).toMatchObject({ phase: 'Saving' });
		expect(await items(engine, 'B')).toEqual([
			{ source: 'eu-1', quantity: 2, status: 1, notifyQty: null },
			{ source: 'eu-2', quantity: 0, status: 0, notifyQty: null }
		]);
		expect(await items(engine, 'C')).toEqual([
			{ source: 'default', quantity: 1, status: 1, notifyQty: null }
		]);
		const { rows } = await engine.listOperations(0, 1);
		expect(rows[0]).toMatchObject({ id: result.operation, kind: 'assign', products: 2, items: 2 });
	});

	it('previews and unassigns, leaving products that lack the source untouched', async () => {
		const { engine } = await seeded();
		const selection = some('A', 'B', 'C');
		expect(await engine.previewUnassign(selection, ['eu-1'])).toEqual({
			products: 3,
			items: 2,
			units: 6,
			leftWithoutSource: 1,
			unitsLost: true
		});
		const result = value(await engine.unassignSources('job', selection, ['eu-1']));
		expect(result.message).toBe('2 source items removed (6 units).');
		expect(await items(engine, 'A')).toEqual([
			{ source: 'default', quantity: 5, status: 1, notifyQty: null }
		]);
		expect(await items(engine, 'B')).toEqual([]);
	});

	it('transfers, skipping products without the origin, and the result survives a reopen', async () => {
		const { engine, name } = await seeded();
		const result = value(
			await engine.transferInventory('job', some('A', 'B', 'C'), {
				origin: 'eu-1',
				destination: 'eu-2',
				unassignOrigin: true
			})
		);
		expect(result.message).toBe(
			'Transferred 6 units of 2 products from EU 1 to EU 2; 1 product skipped (not assigned to EU 1).'
		);
		const reopened = openEngine(name).engine;
		expect(await items(reopened, 'A')).toEqual([
			{ source: 'default', quantity: 5, status: 1, notifyQty: null },
			{ source: 'eu-2', quantity: 4, status: 1, notifyQty: null }
		]);
		expect(await items(reopened, 'B')).toEqual([{ source: 'eu-2', quantity: 2, status: 1, notifyQty: null }]);
	});

	it('refuses the same origin and destination without writing anything', async () => {
		const { engine } = await seeded();
		const before = await engine.listOperations(0, 100);
		const result = await engine.transferInventory('job', some('A'), {
			origin: 'eu-1',
			destination: 'eu-1',
			unassignOrigin: false
		});
		expect(result).toEqual({
			status: 'failed',
			message: 'Origin and destination must be different sources.'
		});
		expect((await engine.listOperations(0, 100)).total).toBe(before.total);
	});

	it('reports a transfer that changes nothing without a history entry', async () => {
		const { engine } = await seeded();
		const result = value(
			await engine.transferInventory('job', some('C'), {
				origin: 'eu-1',
				destination: 'eu-2',
				unassignOrigin: false
			})
		);
		expect(result.operation).toBeNull();
		expect(result.counts).toEqual({ products: 0, units: 0, skipped: 1 });
	});

	it('changes nothing when cancelled', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(50_000, 2);
		const before: Product[] = [(await engine.getProduct('SAMPLE-00001'))!.product];
		const selection: ProductSelection = { mode: 'all', query: ALL_PRODUCTS, except: [] };
		const running = engine.transferInventory('cancel-me', selection, {
			origin: 'default',
			destination: 'wh-north',
			unassignOrigin: false
		});
		engine.cancelJob('cancel-me');
		expect(await running).toEqual({ status: 'cancelled' });
		expect((await engine.getProduct('SAMPLE-00001'))?.product).toEqual(before[0]);
	});
});
