import { describe, expect, it } from 'vitest';
import type { ChangeSet, ProductChange } from './changeSet';
import { transferInventory, unassignSources } from './massActions';
import { newSource, skuKey, type Product, type SourceItem } from './types';
import { describeChanged, planUndo } from './undo';

const SOURCES = [
	newSource('default', 'Default Source'),
	newSource('eu-1', 'EU 1'),
	newSource('eu-2', 'EU 2')
];

function item(source: string, quantity: number, status: 0 | 1 = quantity > 0 ? 1 : 0): SourceItem {
	return { source, quantity, status, notifyQty: null };
}

function product(sku: string, ...items: SourceItem[]): Product {
	return { sku, name: sku, barcodes: [], items };
}

/** A tiny stand-in for the store: products by key, changed by applying change sets. */
class Catalogue {
	products = new Map<string, Product>();
	constructor(...products: Product[]) {
		for (const p of products) this.products.set(skuKey(p.sku), p);
	}
	get = (key: string) => this.products.get(key);
	apply(changes: readonly ProductChange[]) {
		for (const change of changes) {
			if (change.after) this.products.set(change.key, change.after);
			else this.products.delete(change.key);
		}
	}
	snapshot() {
		return structuredClone([...this.products.entries()]);
	}
}

function planned(
	outcome: { ok: true; value: { set: ChangeSet } } | { ok: false; message: string }
): ChangeSet {
	if (!outcome.ok) throw new Error(outcome.message);
	return outcome.value.set;
}

const op = (id: number, set: ChangeSet) => ({ id, summary: set.summary });

describe('planUndo', () => {
	it('reverts a transfer and restores the catalogue exactly', () => {
		const catalogue = new Catalogue(
			product('A', item('eu-1', 4), item('eu-2', 1)),
			product('B', item('eu-1', 2))
		);
		const original = catalogue.snapshot();
		const set = planned(
			transferInventory(
				[...catalogue.products.values()],
				{ origin: 'eu-1', destination: 'eu-2', unassignOrigin: true },
				SOURCES
			)
		);
		catalogue.apply(set.changes);
		const plan = planUndo(op(7, set), set.changes, catalogue.get);
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		expect(plan.set.kind).toBe('undo');
		expect(plan.set.undoOf).toBe(7);
		expect(plan.set.summary).toBe(`Undo of #7: ${set.summary}`);
		catalogue.apply(plan.set.changes);
		expect(catalogue.snapshot()).toEqual(original);
	});

	it('refuses after a later change to one of its items and names it', () => {
		const catalogue = new Catalogue(product('A', item('eu-1', 4)), product('B', item('eu-1', 2)));
		const set = planned(
			transferInventory(
				[...catalogue.products.values()],
				{ origin: 'eu-1', destination: 'eu-2', unassignOrigin: false },
				SOURCES
			)
		);
		catalogue.apply(set.changes);
		const later = catalogue.get('b')!;
		catalogue.apply([
			{ key: 'b', before: later, after: { ...later, items: [item('eu-1', 0, 0), item('eu-2', 9)] } }
		]);
		const plan = planUndo(op(1, set), set.changes, catalogue.get);
		expect(plan).toEqual({ ok: false, changed: [{ sku: 'B', source: 'eu-2' }] });
	});

	it('keeps later changes to other sources of the same product', () => {
		const catalogue = new Catalogue(product('A', item('default', 1), item('eu-1', 4)));
		const set = planned(unassignSources([catalogue.get('a')!], ['eu-1'], SOURCES));
		catalogue.apply(set.changes);
		const later = catalogue.get('a')!;
		catalogue.apply([{ key: 'a', before: later, after: { ...later, items: [item('default', 8)] } }]);
		const plan = planUndo(op(1, set), set.changes, catalogue.get);
		if (!plan.ok) throw new Error('refused');
		catalogue.apply(plan.set.changes);
		expect(catalogue.get('a')?.items).toEqual([item('default', 8), item('eu-1', 4)]);
	});

	it('restores removed items in their original order', () => {
		const catalogue = new Catalogue(product('A', item('eu-1', 4), item('default', 1), item('eu-2', 3)));
		const set = planned(unassignSources([catalogue.get('a')!], ['eu-1', 'eu-2'], SOURCES));
		catalogue.apply(set.changes);
		const plan = planUndo(op(1, set), set.changes, catalogue.get);
		if (!plan.ok) throw new Error('refused');
		catalogue.apply(plan.set.changes);
		expect(catalogue.get('a')?.items.map((i) => i.source)).toEqual(['eu-1', 'default', 'eu-2']);
	});

	it('undoes an undo (a redo), and then the redo again', () => {
		const catalogue = new Catalogue(product('A', item('eu-1', 4)));
		const start = catalogue.snapshot();
		const set = planned(
			transferInventory(
				[catalogue.get('a')!],
				{ origin: 'eu-1', destination: 'eu-2', unassignOrigin: false },
				SOURCES
			)
		);
		catalogue.apply(set.changes);
		const transferred = catalogue.snapshot();
		const undo = planUndo(op(1, set), set.changes, catalogue.get);
		if (!undo.ok) throw new Error('refused');
		catalogue.apply(undo.set.changes);
		expect(catalogue.snapshot()).toEqual(start);
		const redo = planUndo(op(2, undo.set), undo.set.changes, catalogue.get);
		if (!redo.ok) throw new Error('refused');
		expect(redo.set.undoOf).toBe(2);
		catalogue.apply(redo.set.changes);
		expect(catalogue.snapshot()).toEqual(transferred);
		const again = planUndo(op(3, redo.set), redo.set.changes, catalogue.get);
		if (!again.ok) throw new Error('refused');
		catalogue.apply(again.set.changes);
		expect(catalogue.snapshot()).toEqual(start);
	});

	it('re-creates a deleted product, and refuses when it has been created again since', () => {
		const gone = product('A', item('default', 3));
		const deletion: ProductChange[] = [{ key: 'a', before: gone, after: null }];
		const catalogue = new Catalogue();
		const plan = planUndo({ id: 4, summary: 'Product A deleted' }, deletion, catalogue.get);
		expect(plan.ok && plan.set.changes).toEqual([{ key: 'a', before: null, after: gone }]);
		catalogue.apply([{ key: 'a', before: null, after: product('A') }]);
		expect(planUndo({ id: 4, summary: '' }, deletion, catalogue.get)).toEqual({
			ok: false,
			changed: [{ sku: 'A', source: null }]
		});
	});

	it('deletes a created product unless something was added to it since', () => {
		const created = product('A', item('default', 0));
		const creation: ProductChange[] = [{ key: 'a', before: null, after: created }];
		const catalogue = new Catalogue(created);
		const plan = planUndo({ id: 1, summary: '' }, creation, catalogue.get);
		expect(plan.ok && plan.set.changes).toEqual([{ key: 'a', before: created, after: null }]);
		catalogue.apply([
			{ key: 'a', before: created, after: { ...created, items: [item('default', 0), item('eu-1', 5)] } }
		]);
		expect(planUndo({ id: 1, summary: '' }, creation, catalogue.get)).toEqual({
			ok: false,
			changed: [{ sku: 'A', source: 'eu-1' }]
		});
	});

	it('refuses when the product touched by the operation was deleted since', () => {
		const catalogue = new Catalogue(product('A', item('eu-1', 4)));
		const set = planned(unassignSources([catalogue.get('a')!], ['eu-1'], SOURCES));
		catalogue.apply(set.changes);
		catalogue.products.delete('a');
		expect(planUndo(op(1, set), set.changes, catalogue.get)).toEqual({
			ok: false,
			changed: [{ sku: 'A', source: null }]
		});
	});

	it('restores a product name an edit changed, unless it was renamed again since', () => {
		const before = product('A', item('default', 1));
		const after = { ...before, name: 'Renamed' };
		const edit: ProductChange[] = [{ key: 'a', before, after }];
		const catalogue = new Catalogue(after);
		const plan = planUndo({ id: 1, summary: '' }, edit, catalogue.get);
		expect(plan.ok && plan.set.changes[0].after?.name).toBe('A');
		catalogue.apply([{ key: 'a', before: after, after: { ...after, name: 'Third' } }]);
		expect(planUndo({ id: 1, summary: '' }, edit, catalogue.get)).toEqual({
			ok: false,
			changed: [{ sku: 'A', source: null }]
		});
	});
});

describe('describeChanged', () => {
	const name = (code: string) => ({ 'eu-1': 'EU 1', 'eu-2': 'EU 2' })[code] ?? code;
	it('names the items, then says how many more', () => {
		expect(describeChanged([{ sku: 'A', source: 'eu-1' }], name)).toBe('A at EU 1');
		expect(
			describeChanged(
				[
					{ sku: 'A', source: 'eu-1' },
					{ sku: 'B', source: null }
				],
				name
			)
		).toBe('A at EU 1 and B (product)');
		const many = Array.from({ length: 7 }, (_, i) => ({ sku: `S${i}`, source: 'eu-2' }));
		expect(describeChanged(many, name)).toBe(
			'S0 at EU 2, S1 at EU 2, S2 at EU 2, S3 at EU 2, S4 at EU 2 and 2 more'
		);
	});
});

describe('planUndo: sources created or removed with the stock', () => {
	const north = newSource('wh-north', 'North Warehouse');
	const removal = {
		id: 7,
		summary: 'Sample data removed',
		sourceChanges: [{ code: 'wh-north', before: north, after: null }]
	};

	it('recreates a removed source in the undo', () => {
		const plan = planUndo(
			removal,
			[],
			() => undefined,
			() => undefined
		);
		expect(plan).toMatchObject({
			ok: true,
			set: { undoOf: 7, sourceChanges: [{ code: 'wh-north', before: null, after: north }] }
		});
	});

	it('refuses, naming the source, when a source of that code exists again', () => {
		const plan = planUndo(
			removal,
			[],
			() => undefined,
			() => ({ ...north, name: 'Mine' })
		);
		expect(plan).toEqual({ ok: false, changed: [{ sku: null, source: 'wh-north' }] });
		if (!plan.ok) expect(describeChanged(plan.changed, () => 'Mine')).toBe('source Mine');
	});
});
