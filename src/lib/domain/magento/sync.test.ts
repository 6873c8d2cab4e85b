import { describe, expect, it } from 'vitest';
import type { Product } from '../types';
import { countChanges, pendingChanges } from './changes';
import { planPull } from './pull';
import { checkSend, inBatches, itemId, planSend } from './send';
import type { BaseEntry, BaseView } from './types';

const product = (sku: string, items: [string, number, 0 | 1][]): Product => ({
	sku,
	name: '',
	barcodes: [],
	items: items.map(([source, quantity, status]) => ({ source, quantity, status, notifyQty: null }))
});
const entry = (sku: string, items: [string, number, 0 | 1][]): BaseEntry => ({
	sku,
	items: items.map(([source, quantity, status]) => ({ source, quantity, status }))
});

function view(entries: BaseEntry[], tracked: string[]): BaseView {
	const map = new Map(entries.map((e) => [e.sku.toLowerCase(), e]));
	return { tracked: new Set(tracked), get: (key) => map.get(key), keys: () => map.keys() };
}
function local(products: Product[]) {
	const map = new Map(products.map((p) => [p.sku.toLowerCase(), p]));
	return { keys: map.keys(), get: (key: string) => map.get(key) };
}

describe('changes not sent', () => {
	it('are items of pulled sources that differ from the base: updated, created or removed here', () => {
		const here = local([
			product('A', [
				['eu-1', 5, 1],
				['eu-2', 1, 1],
				['own', 9, 1]
			]),
			product('B', [['eu-1', 0, 0]])
		]);
		const base = view(
			[entry('a', [['eu-1', 5, 1]]), entry('B', [['eu-1', 2, 1]]), entry('C', [['eu-2', 4, 1]])],
			['eu-1', 'eu-2']
		);
		const changes = pendingChanges(here.keys, here.get, base);
		expect(changes.map((c) => `${c.sku}@${c.source}:${c.kind}`)).toEqual([
			'a@eu-2:new', // Magento's spelling of the SKU is kept
			'B@eu-1:update',
			'C@eu-2:removal' // the product was deleted here
		]);
		expect(countChanges(changes)).toEqual({ updates: 1, created: 1, removals: 1 });
	});

	it('are none before any pull, whatever is here', () => {
		const here = local([product('A', [['eu-1', 5, 1]])]);
		expect(pendingChanges(here.keys, here.get, view([], []))).toEqual([]);
	});
});

describe('pull', () => {
	const pulled = ['eu-1'];

	it("takes Magento's value where nothing is pending, keeps notify quantities and other sources, removes what Magento lacks", () => {
		const a = {
			...product('A', [
				['eu-1', 1, 1],
				['own', 3, 1]
			])
		};
		a.items[0].notifyQty = 4;
		const here = local([a, product('B', [['eu-1', 2, 1]])]);
		const base = view([entry('A', [['eu-1', 1, 1]]), entry('B', [['eu-1', 2, 1]])], ['eu-1']);
		const magento = new Map([
			['a', entry('A', [['eu-1', 7, 0]])],
			['n', entry('N', [['eu-1', 3, 1]])]
		]);
		const plan = planPull(here.keys, here.get, base, pulled, magento);
		expect(plan.changes.map((c) => [c.key, c.after?.items])).toEqual([
			[
				'a',
				[
					{ source: 'eu-1', quantity: 7, status: 0, notifyQty: 4 },
					{ source: 'own', quantity: 3, status: 1, notifyQty: null }
				]
			],
			['n', [{ source: 'eu-1', quantity: 3, status: 1, notifyQty: null }]],
			['b', []]
		]);
		expect(plan.base.map((c) => [c.key, c.after])).toEqual([
			['a', entry('A', [['eu-1', 7, 0]])],
			['n', entry('N', [['eu-1', 3, 1]])],
			['b', null]
		]);
		expect(plan.conflicts).toEqual([]);
	});

	it('keeps a change not sent; a conflict when Magento moved too; settled when both agree', () => {
		const here = local([
			product('A', [['eu-1', 9, 1]]),
			product('B', [['eu-1', 9, 1]]),
			product('C', [['eu-1', 4, 1]])
		]);
		const base = view(
			[entry('A', [['eu-1', 1, 1]]), entry('B', [['eu-1', 1, 1]]), entry('C', [['eu-1', 1, 1]])],
			['eu-1']
		);
		const magento = new Map([
			['a', entry('A', [['eu-1', 1, 1]])], // unchanged in Magento: still pending, no conflict
			['b', entry('B', [['eu-1', 2, 1]])], // moved in Magento: conflict, nothing overwritten
			['c', entry('C', [['eu-1', 4, 1]])] // moved to the value here: no longer pending
		]);
		const plan = planPull(here.keys, here.get, base, pulled, magento);
		expect(plan.changes).toEqual([]);
		expect(plan.base).toEqual([
			{ key: 'c', before: entry('C', [['eu-1', 1, 1]]), after: entry('C', [['eu-1', 4, 1]]) }
		]);
		expect(plan.conflicts).toEqual([
			{
				sku: 'B',
				source: 'eu-1',
				received: { quantity: 1, status: 1 },
				magento: { quantity: 2, status: 1 },
				here: { quantity: 9, status: 1 }
			}
		]);
	});

	it('on the first pull of a source takes Magento as it is: nothing here was ever received from it', () => {
		const here = local([product('A', [['eu-1', 9, 1]])]);
		const plan = planPull(
			here.keys,
			here.get,
			view([], []),
			pulled,
			new Map([['a', entry('A', [['eu-1', 2, 1]])]])
		);
		expect(plan.changes[0].after?.items).toEqual([
			{ source: 'eu-1', quantity: 2, status: 1, notifyQty: null }
		]);
		expect(plan.tracked).toEqual(['eu-1']);
	});
});

describe('send check', () => {
	const changes = () => {
		const here = local([
			product('A', [['eu-1', 9, 1]]),
			product('B', [['eu-1', 3, 1]]),
			product('N', [['eu-1', 1, 1]]),
			product('D', [['eu-1', 6, 1]])
		]);
		const base = view(
			[
				entry('A', [['eu-1', 1, 1]]),
				entry('B', [['eu-1', 1, 1]]),
				entry('D', [['eu-1', 1, 1]]),
				entry('R', [['eu-1', 1, 1]])
			],
			['eu-1']
		);
		return pendingChanges(here.keys, here.get, base);
	};

	it('sorts changes into ready, conflicts, unknown products and already in Magento', () => {
		const now = new Map([
			[itemId('A', 'eu-1'), { quantity: 1, status: 1 as const }],
			[itemId('B', 'eu-1'), { quantity: 2, status: 1 as const }],
			[itemId('D', 'eu-1'), { quantity: 6, status: 1 as const }],
			[itemId('R', 'eu-1'), { quantity: 1, status: 1 as const }]
		]);
		const check = checkSend(changes(), now, new Set(['a', 'b', 'd']));
		expect(check.ready.map((c) => c.sku)).toEqual(['A', 'R']);
		expect(check.conflicts.map((c) => [c.change.sku, c.magento])).toEqual([
			['B', { quantity: 2, status: 1 }]
		]);
		expect(check.unknown.map((c) => c.sku)).toEqual(['N']);
		expect(check.alreadyThere.map((c) => c.sku)).toEqual(['D']);
		const plan = planSend(check, new Map());
		expect(plan.upserts).toEqual([{ sku: 'A', source_code: 'eu-1', quantity: 9, status: 1 }]);
		expect(plan.deletes).toEqual([{ sku: 'R', source_code: 'eu-1' }]);
		expect(planSend(check, new Map([[itemId('B', 'eu-1'), 'here']])).upserts).toHaveLength(2);
		expect(planSend(check, new Map([[itemId('b', 'eu-1'), 'magento']])).takeMagento).toHaveLength(1);
	});

	it('splits rows into batches of at most the given size', () => {
		expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(inBatches([], 20)).toEqual([]);
	});
});
