import { describe, expect, it } from 'vitest';
import { itemChanges } from './changeSet';
import {
	assignSources,
	disabledSourceWarnings,
	previewUnassign,
	transferInventory,
	unassignSources
} from './massActions';
import type { Outcome } from './outcome';
import { newSource, type Product, type SourceItem } from './types';

const SOURCES = [
	newSource('default', 'Default Source'),
	newSource('eu-1', 'EU 1'),
	newSource('eu-2', 'EU 2'),
	{ ...newSource('eu-3', 'EU 3'), enabled: false }
];

function item(
	source: string,
	quantity: number,
	status: 0 | 1 = quantity > 0 ? 1 : 0,
	notifyQty: number | null = null
): SourceItem {
	return { source, quantity, status, notifyQty };
}

function product(sku: string, ...items: SourceItem[]): Product {
	return { sku, name: `${sku} name`, barcodes: [], items };
}

function value<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
	return outcome.value;
}

function afterOf(plan: { set: { changes: { key: string; after: Product | null }[] } }, key: string) {
	return plan.set.changes.find((c) => c.key === key)?.after;
}

describe('assignSources', () => {
	it('adds a 0-quantity, out-of-stock item for each missing pair and counts the rest', () => {
		const products = [product('A', item('default', 5)), product('B', item('eu-1', 3, 1, 2)), product('C')];
		const plan = value(assignSources(products, ['eu-1', 'eu-2'], SOURCES));
		expect(plan.counts).toEqual({ products: 3, added: 5, alreadyAssigned: 1 });
		expect(plan.message).toBe('5 source assignments added; 1 already assigned.');
		expect(afterOf(plan, 'a')?.items).toEqual([
			item('default', 5),
			{ source: 'eu-1', quantity: 0, status: 0, notifyQty: null },
			{ source: 'eu-2', quantity: 0, status: 0, notifyQty: null }
		]);
		expect(plan.set.kind).toBe('assign');
		expect(plan.set.summary).toBe(
			'EU 1, EU 2 assigned to 3 products: 5 source assignments added; 1 already assigned.'
		);
	});

	it('leaves an existing item untouched (assign over an existing item)', () => {
		const existing = item('eu-1', 7.5, 1, 3);
		const plan = value(assignSources([product('A', existing)], ['eu-1'], SOURCES));
		expect(plan.set.changes).toEqual([]);
		expect(plan.message).toBe('0 source assignments added; 1 already assigned.');
	});

	it('says one assignment in the singular and ignores a source chosen twice', () => {
		const plan = value(assignSources([product('A')], ['eu-1', 'eu-1'], SOURCES));
		expect(plan.message).toBe('1 source assignment added; 0 already assigned.');
	});

	it('refuses an empty choice, an unknown source and an empty selection', () => {
		expect(assignSources([product('A')], [], SOURCES)).toMatchObject({
			ok: false,
			message: 'Choose at least one source.'
		});
		expect(assignSources([product('A')], ['nowhere'], SOURCES)).toMatchObject({
			ok: false,
			message: 'Source "nowhere" does not exist.'
		});
		expect(assignSources([], ['eu-1'], SOURCES)).toMatchObject({
			ok: false,
			message: 'No products are selected.'
		});
	});
});

describe('unassignSources', () => {
	const products = [
		product('A', item('default', 5), item('eu-1', 2.5)),
		product('B', item('eu-1', 0)),
		product('C', item('default', 1)),
		product('D', item('eu-1', -1), item('eu-2', 4))
	];

	it('previews items, units and the products left with no source', () => {
		expect(previewUnassign(products, ['eu-1'])).toEqual({
			products: 4,
			items: 3,
			units: 1.5,
			leftWithoutSource: 1,
			unitsLost: true
		});
		expect(previewUnassign([product('B', item('eu-1', 0))], ['eu-1'])).toMatchObject({
			unitsLost: false,
			units: 0
		});
	});

	it('removes the chosen items and keeps products that lack the source as they are', () => {
		const plan = value(unassignSources(products, ['eu-1'], SOURCES));
		expect(plan.message).toBe('3 source items removed (1.5 units).');
		expect(plan.set.changes.map((c) => c.key)).toEqual(['a', 'b', 'd']);
		expect(afterOf(plan, 'a')?.items).toEqual([item('default', 5)]);
		expect(afterOf(plan, 'b')?.items).toEqual([]);
		expect(plan.set.changes.flatMap(itemChanges)).toHaveLength(3);
	});

	it('changes nothing when no selected product holds the source', () => {
		const plan = value(unassignSources([product('C', item('default', 1))], ['eu-2'], SOURCES));
		expect(plan.set.changes).toEqual([]);
		expect(plan.message).toBe('0 source items removed (0 units).');
	});

	it('rounds the units removed to 4 decimals', () => {
		const plan = value(
			unassignSources([product('A', item('eu-1', 0.1)), product('B', item('eu-1', 0.2))], ['eu-1'], SOURCES)
		);
		expect(plan.counts.units).toBe(0.3);
		expect(plan.message).toBe('2 source items removed (0.3 units).');
	});
});

describe('transferInventory', () => {
	const move = { origin: 'eu-1', destination: 'eu-2', unassignOrigin: false };

	it('adds the origin quantity to the destination and zeroes the origin', () => {
		const plan = value(
			transferInventory([product('A', item('eu-1', 4, 1, 2), item('eu-2', 3, 1, 9))], move, SOURCES)
		);
		expect(afterOf(plan, 'a')?.items).toEqual([item('eu-1', 0, 0, 2), item('eu-2', 7, 1, 9)]);
		expect(plan.message).toBe(
			'Transferred 4 units of 1 product from EU 1 to EU 2; 0 products skipped (not assigned to EU 1).'
		);
		expect(plan.set.summary).toBe('Transferred 4 units of 1 product from EU 1 to EU 2');
		expect(plan.set.kind).toBe('transfer');
	});

	it('creates a missing destination with the origin notify quantity and removes the origin when asked', () => {
		const plan = value(
			transferInventory(
				[product('A', item('default', 1), item('eu-1', 6, 1, 5))],
				{ ...move, unassignOrigin: true },
				SOURCES
			)
		);
		expect(afterOf(plan, 'a')?.items).toEqual([item('default', 1), item('eu-2', 6, 1, 5)]);
		expect(plan.set.summary).toBe('Transferred 6 units of 1 product from EU 1 to EU 2; EU 1 unassigned');
	});

	it('keeps the destination status when the sum is not positive, and creates it out of stock', () => {
		const plan = value(
			transferInventory(
				[
					product('A', item('eu-1', -2), item('eu-2', 1, 1)),
					product('B', item('eu-1', 0), item('eu-2', 0, 1)),
					product('C', item('eu-1', 0, 1))
				],
				move,
				SOURCES
			)
		);
		expect(afterOf(plan, 'a')?.items).toEqual([item('eu-1', 0, 0), item('eu-2', -1, 1)]);
		// B held 0 out of stock at the origin and 0 in stock at the destination: nothing to change.
		expect(afterOf(plan, 'b')).toBeUndefined();
		expect(afterOf(plan, 'c')?.items).toEqual([item('eu-1', 0, 0), item('eu-2', 0, 0)]);
		expect(plan.counts).toEqual({ products: 3, units: -2, skipped: 0 });
	});

	it('sets the destination in stock when the sum becomes positive, whatever the origin status', () => {
		const plan = value(
			transferInventory([product('A', item('eu-1', 3, 0), item('eu-2', 0, 0))], move, SOURCES)
		);
		expect(afterOf(plan, 'a')?.items).toEqual([item('eu-1', 0, 0), item('eu-2', 3, 1)]);
	});

	it('skips and counts products without the origin, including those holding neither source', () => {
		const plan = value(
			transferInventory(
				[
					product('A', item('eu-1', 2)),
					product('B', item('eu-2', 5)),
					product('C', item('default', 1)),
					product('D')
				],
				move,
				SOURCES
			)
		);
		expect(plan.set.changes.map((c) => c.key)).toEqual(['a']);
		expect(plan.counts).toEqual({ products: 1, units: 2, skipped: 3 });
		expect(plan.message).toBe(
			'Transferred 2 units of 1 product from EU 1 to EU 2; 3 products skipped (not assigned to EU 1).'
		);
		expect(plan.set.summary).toBe(
			'Transferred 2 units of 1 product from EU 1 to EU 2; 3 skipped (not at EU 1)'
		);
	});

	it('rounds the sum to 4 decimals', () => {
		const plan = value(
			transferInventory([product('A', item('eu-1', 0.1), item('eu-2', 0.2))], move, SOURCES)
		);
		expect(afterOf(plan, 'a')?.items.find((i) => i.source === 'eu-2')?.quantity).toBe(0.3);
		const units = value(
			transferInventory([product('A', item('eu-1', 0.1)), product('B', item('eu-1', 0.2))], move, SOURCES)
		).counts.units;
		expect(units).toBe(0.3);
	});

	it('refuses the same source twice, an unknown source, and a sum beyond the quantity range', () => {
		expect(transferInventory([product('A')], { ...move, destination: 'eu-1' }, SOURCES)).toMatchObject({
			ok: false,
			message: 'Origin and destination must be different sources.'
		});
		expect(transferInventory([product('A')], { ...move, destination: 'mars' }, SOURCES)).toMatchObject({
			ok: false,
			message: 'Source "mars" does not exist.'
		});
		const full = transferInventory([product('A', item('eu-1', 99_999_999), item('eu-2', 5))], move, SOURCES);
		expect(full).toMatchObject({ ok: false });
		expect(full.ok ? '' : full.message).toContain('A would hold 100,000,004 units at EU 2');
	});

	it('counts a transfer of an all-skipped selection without changing anything', () => {
		const plan = value(transferInventory([product('A', item('default', 1))], move, SOURCES));
		expect(plan.set.changes).toEqual([]);
		expect(plan.message).toBe(
			'Transferred 0 units of 0 products from EU 1 to EU 2; 1 product skipped (not assigned to EU 1).'
		);
	});
});

describe('disabledSourceWarnings', () => {
	it('warns about each disabled source chosen', () => {
		expect(disabledSourceWarnings(['eu-1', 'eu-3'], SOURCES)).toEqual([
			'EU 3 is disabled: its stock does not count in product quantities until it is enabled again.'
		]);
		expect(disabledSourceWarnings(['eu-1'], SOURCES)).toEqual([]);
	});
});
