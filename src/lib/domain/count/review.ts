// Review and Apply of a count (docs/domain-rules.md, Stock taking): per line expected (now), counted and variance;
// the products not counted; and the one change set that sets the counted quantities.

import { productChange, type ChangeSet, type ProductChange } from '../changeSet';
import { addQuantities, deriveStatus } from '../quantity';
import { inItemOrder, type Product } from '../types';
import { formatCount } from '../wording';
import { quantityAt, withinNarrowing, type Count, type CountLine } from './count';

export type UncountedChoice = 'leave' | 'zero';

export interface ReviewLine {
	key: string;
	sku: string;
	name: string;
	/** The item's quantity now; null when the product is not at the source (applying adds it). */
	expected: number | null;
	counted: number;
	/** counted − expected (expected null counts as 0). */
	variance: number;
	/** The item's quantity changed since the line was first scanned (a transfer, another count…). */
	changedSinceCounting: boolean;
}

export interface UncountedProduct {
	key: string;
	sku: string;
	name: string;
	expected: number;
}

export interface CountReview {
	lines: ReviewLine[];
	/** Codes that matched no product (or whose product was deleted since): flagged, not applied. */
	unknown: string[];
	/** Products at the source, within the narrowing, that were not counted. */
	uncounted: UncountedProduct[];
	/** Lines whose counted quantity differs from the expected one. */
	differing: number;
	changedSinceCounting: number;
}

/** `products` lists the catalogue (any order); `product` finds one by key. */
export function reviewCount(
	count: Count,
	lines: readonly CountLine[],
	product: (key: string) => Product | undefined,
	products: Iterable<Product>
): CountReview {
	const reviewLines: ReviewLine[] = [];
	const unknown: string[] = [];
	const counted = new Set<string>();
	for (const line of lines) {
		const current = line.known ? product(line.key) : undefined;
		if (!current) {
			unknown.push(line.code);
			continue;
		}
		counted.add(line.key);
		const expected = quantityAt(current, count.source);
		reviewLines.push({
			key: line.key,
			sku: current.sku,
			name: current.name,
			expected,
			counted: line.counted,
			variance: addQuantities(line.counted, -(expected ?? 0)),
			changedSinceCounting: expected !== line.expectedAtScan
		});
	}
	reviewLines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const uncounted: UncountedProduct[] = [];
	for (const candidate of products) {
		const expected = quantityAt(candidate, count.source);
		if (expected === null || !withinNarrowing(candidate, count)) continue;
		const key = candidate.sku.toLowerCase();
		if (counted.has(key)) continue;
		uncounted.push({ key, sku: candidate.sku, name: candidate.name, expected });
	}
	uncounted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return {
		lines: reviewLines,
		unknown: unknown.sort(),
		uncounted,
		differing: reviewLines.filter((line) => line.variance !== 0 || line.expected === null).length,
		changedSinceCounting: reviewLines.filter((line) => line.changedSinceCounting).length
	};
}

/** The product with its item at `source` set to `quantity`, status derived, notifyQty kept. */
export function withCountedQuantity(current: Product, source: string, quantity: number): Product {
	const status = deriveStatus(quantity);
	const at = current.items.findIndex((item) => item.source === source);
	const items =
		at >= 0
			? current.items.map((item, i) => (i === at ? { ...item, quantity, status } : item))
			: inItemOrder([...current.items, { source, quantity, status, notifyQty: null }]);
	return { ...current, items };
}

export interface PlannedCount {
	set: ChangeSet;
	/** Items set to their counted quantity, items set to 0 as not counted, unknown codes left out. */
	counted: number;
	zeroed: number;
	unknown: number;
	message: string;
}

/** Apply: one change set (kind `count`) from the review as it is now. */
export function planCountApply(
	count: Count,
	review: CountReview,
	choice: UncountedChoice,
	product: (key: string) => Product | undefined,
	sourceName: string
): PlannedCount {
	const changes: ProductChange[] = [];
	const add = (key: string, quantity: number) => {
		const current = product(key);
		if (!current) return;
		const change = productChange(current, withCountedQuantity(current, count.source, quantity));
		if (change) changes.push(change);
	};
	for (const line of review.lines) add(line.key, line.counted);
	const zeroed = choice === 'zero' ? review.uncounted.length : 0;
	if (choice === 'zero') for (const item of review.uncounted) add(item.key, 0);
	const parts = [`${formatCount(review.lines.length, 'product')} counted`];
	if (zeroed > 0) parts.push(`${formatCount(zeroed, 'product')} not counted set to 0`);
	const summary = `Stock take at ${sourceName}: ${parts.join(', ')}; ${formatCount(changes.length, 'item')} changed`;
	const left = review.unknown.length;
	const message = left > 0 ? `${summary}. ${formatCount(left, 'unknown code')} left out.` : `${summary}.`;
	return {
		set: { kind: 'count', summary, changes },
		counted: review.lines.length,
		zeroed,
		unknown: left,
		message
	};
}
