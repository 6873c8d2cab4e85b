// Mass actions confirmed on what one tab saw, run after another tab changed the selection.

import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS, type ProductSelection } from '$lib/domain/productQuery';
import { newSource } from '$lib/domain/types';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('stale-plans');
const some = (...skus: string[]): ProductSelection => ({
	mode: 'some',
	keys: skus.map((s) => s.toLowerCase())
});
const row = (source: string, quantity: string) => ({ source, quantity, status: '' as const, notifyQty: '' });

/** Tabs A and B; P-1 and P-2 each hold 4 units at eu-1. */
async function twoTabs() {
	const a = openEngine();
	const b = openEngine(a.name);
	value(await a.engine.saveSource(newSource('eu-1', 'EU 1'), null));
	for (const sku of ['P-1', 'P-2']) {
		value(await a.engine.createProduct({ sku, name: sku, barcodes: [] }));
		value(await a.engine.saveProduct(sku, { name: sku, barcodes: [], items: [row('eu-1', '4')] }));
	}
	await b.engine.start();
	const units = async (sku: string) =>
		(await openEngine(a.name).engine.getProduct(sku))?.product.items.map((i) => [i.source, i.quantity]);
	return { a: a.engine, b: b.engine, units };
}

describe('mass actions planned on a stale selection', () => {
	it('refuses Unassign when the confirmed figures no longer hold, and runs on the new ones', async () => {
		const { a, b, units } = await twoTabs();
		const selection = some('P-1', 'P-2');
		const preview = await b.previewUnassign(selection, ['eu-1']);
		expect(preview).toMatchObject({ items: 2, units: 8 });
		value(await a.saveProduct('P-1', { name: 'P-1', barcodes: [], items: [row('eu-1', '30')] }));
		await new Promise((resolve) => setTimeout(resolve, 50)); // A's message reaches B
		const seen = { products: 2, unassign: { items: preview.items, units: preview.units } };
		const refused = await b.unassignSources('job-1', selection, ['eu-1'], undefined, seen);
		expect(refused).toMatchObject({
			status: 'failed',
			message:
				'Another tab or device changed the selected products: this now removes 2 source items holding 34 units, not 2 source items holding 8 units. Nothing was changed: check the new figures and confirm again.'
		});
		expect(await units('P-1')).toEqual([['eu-1', 30]]);
		const fresh = await b.previewUnassign(selection, ['eu-1']);
		const again = await b.unassignSources('job-2', selection, ['eu-1'], undefined, {
			products: 2,
			unassign: { items: fresh.items, units: fresh.units }
		});
		expect(again.status).toBe('done');
		expect(await units('P-1')).toEqual([]);
	});

	it('refuses a transfer when the selection lost a product deleted in another tab', async () => {
		const { a, b, units } = await twoTabs();
		value(await b.saveSource(newSource('eu-2', 'EU 2'), null));
		value(await a.deleteProduct('P-2'));
		await new Promise((resolve) => setTimeout(resolve, 50));
		const input = { origin: 'eu-1', destination: 'eu-2', unassignOrigin: false };
		const refused = await b.transferInventory('job-1', some('P-1', 'P-2'), input, undefined, { products: 2 });
		expect(refused).toMatchObject({
			status: 'failed',
			message:
				'The selection changed in another tab or device: it now holds 1 product, not 2. Nothing was changed: check the selection and try again.'
		});
		expect(await units('P-1')).toEqual([['eu-1', 4]]);
	});

	it('refuses, inside the write, a plan on a product another tab changed before this tab heard of it', async () => {
		const { a, b, units } = await twoTabs();
		value(await b.saveSource(newSource('eu-2', 'EU 2'), null));
		const all = { mode: 'all' as const, query: ALL_PRODUCTS, except: [] };
		value(await a.saveProduct('P-1', { name: 'P-1', barcodes: [], items: [row('eu-1', '9')] }));
		// B runs at once: its memory still says 4, the transaction finds 9 in storage.
		const input = { origin: 'eu-1', destination: 'eu-2', unassignOrigin: false };
		const refused = await b.transferInventory('job-1', all, input, undefined, { products: 2 });
		expect(refused).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/^Another tab changed these products/)
		});
		expect(await units('P-1')).toEqual([['eu-1', 9]]);
		expect(await units('P-2')).toEqual([['eu-1', 4]]);
	});
});
