import { describe, expect, it } from 'vitest';
import type { Product } from '../types';
import { scanLine, type Count, type CountLine } from './count';
import { planCountApply, reviewCount, withCountedQuantity } from './review';

const item = (source: string, quantity: number, notifyQty: number | null = null) => ({
	source,
	quantity,
	status: (quantity > 0 ? 1 : 0) as 0 | 1,
	notifyQty
});
const catalogue: Product[] = [
	{ sku: 'MB-01', name: 'Duffle', barcodes: [], items: [item('default', 1), item('shop', 5, 2)] },
	{ sku: 'MB-02', name: 'Pack', barcodes: [], items: [item('shop', 3)] },
	{ sku: 'WT-09', name: 'Watch', barcodes: [], items: [item('default', 4)] },
	{ sku: 'WT-10', name: 'Clock', barcodes: [], items: [item('shop', 2)] }
];
const byKey = (products: Product[]) => (key: string) => products.find((p) => p.sku.toLowerCase() === key);
const count: Count = {
	id: 'c1',
	source: 'shop',
	narrowing: { skuPrefix: '', onlyAtSource: false },
	blind: false,
	status: 'open',
	createdAt: 0
};

function scans(products: Product[], entries: [string, number][]): CountLine[] {
	const lines = new Map<string, CountLine>();
	entries.forEach(([code, amount], i) => {
		const product = byKey(products)(code.toLowerCase());
		const resolved = product ? { kind: 'product' as const, product } : { kind: 'unknown' as const, code };
		const key = product ? code.toLowerCase() : `?${code}`;
		lines.set(key, scanLine('c1', lines.get(key), resolved, 'shop', amount, i));
	});
	return [...lines.values()];
}

describe('reviewCount', () => {
	it('gives per line the expected quantity now, the counted one and the variance', () => {
		const lines = scans(catalogue, [
			['MB-01', 1],
			['MB-01', 1],
			['WT-09', 2],
			['XX-1', 1]
		]);
		const review = reviewCount(count, lines, byKey(catalogue), catalogue);
		expect(review.lines).toEqual([
			{
				key: 'mb-01',
				sku: 'MB-01',
				name: 'Duffle',
				expected: 5,
				counted: 2,
				variance: -3,
				changedSinceCounting: false
			},
			{
				key: 'wt-09',
				sku: 'WT-09',
				name: 'Watch',
				expected: null,
				counted: 2,
				variance: 2,
				changedSinceCounting: false
			}
		]);
		expect(review.unknown).toEqual(['XX-1']);
		expect(review.differing).toBe(2);
	});

	it('lists the products at the source that were not counted, within the narrowing', () => {
		const lines = scans(catalogue, [['MB-01', 5]]);
		expect(
			reviewCount(count, lines, byKey(catalogue), catalogue).uncounted.map((u) => [u.sku, u.expected])
		).toEqual([
			['MB-02', 3],
			['WT-10', 2]
		]);
		const narrowed = { ...count, narrowing: { skuPrefix: 'mb-', onlyAtSource: true } };
		expect(reviewCount(narrowed, lines, byKey(catalogue), catalogue).uncounted.map((u) => u.sku)).toEqual([
			'MB-02'
		]);
	});

	it('flags a line whose item changed since it was counted', () => {
		const lines = scans(catalogue, [
			['MB-01', 5],
			['MB-02', 3]
		]);
		const moved = catalogue.map((p) => (p.sku === 'MB-01' ? withCountedQuantity(p, 'shop', 9) : p));
		const review = reviewCount(count, lines, byKey(moved), moved);
		expect(review.lines.map((l) => [l.sku, l.expected, l.changedSinceCounting])).toEqual([
			['MB-01', 9, true],
			['MB-02', 3, false]
		]);
		expect(review.changedSinceCounting).toBe(1);
	});

	it('treats a line whose product was deleted since as an unknown code', () => {
		const lines = scans(catalogue, [['MB-01', 1]]);
		const review = reviewCount(count, lines, () => undefined, []);
		expect(review.unknown).toEqual(['MB-01']);
		expect(review.lines).toEqual([]);
	});
});

describe('planCountApply', () => {
	it('sets counted items, creates missing ones, derives status and keeps notifyQty', () => {
		const lines = scans(catalogue, [
			['MB-01', 0],
			['WT-09', 2],
			['XX-1', 1]
		]);
		const review = reviewCount(count, lines, byKey(catalogue), catalogue);
		const plan = planCountApply(count, review, 'leave', byKey(catalogue), 'Shop');
		expect(plan.set.kind).toBe('count');
		expect(plan.set.changes.map((c) => c.after?.items)).toEqual([
			[item('default', 1), { source: 'shop', quantity: 0, status: 0, notifyQty: 2 }],
			[item('default', 4), { source: 'shop', quantity: 2, status: 1, notifyQty: null }]
		]);
		expect(plan.message).toBe(
			'Stock take at Shop: 2 products counted; 2 items changed. 1 unknown code left out.'
		);
	});

	it('leaves products not counted unchanged by default, or sets them to 0', () => {
		const lines = scans(catalogue, [['MB-01', 5]]);
		const review = reviewCount(count, lines, byKey(catalogue), catalogue);
		expect(planCountApply(count, review, 'leave', byKey(catalogue), 'Shop').set.changes).toEqual([]);
		const zero = planCountApply(count, review, 'zero', byKey(catalogue), 'Shop');
		expect(zero.set.changes.map((c) => [c.key, c.after?.items.find((i) => i.source === 'shop')])).toEqual([
			['mb-02', { source: 'shop', quantity: 0, status: 0, notifyQty: null }],
			['wt-10', { source: 'shop', quantity: 0, status: 0, notifyQty: null }]
		]);
		expect(zero.set.summary).toBe(
			'Stock take at Shop: 1 product counted, 2 products not counted set to 0; 2 items changed'
		);
	});

	it('keeps items of other sources and sorts a created item into source order', () => {
		const product: Product = { sku: 'A', name: '', barcodes: [], items: [item('default', 1), item('zz', 2)] };
		expect(withCountedQuantity(product, 'mm', 3).items.map((i) => i.source)).toEqual(['default', 'mm', 'zz']);
	});
});
