// The index must answer every query exactly as the plain rules do (productMatcher over the catalogue
// in SKU order, then a stable sort by name or total), also after products were edited in place.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProductIndex } from './productIndex';
import {
	productMatcher,
	productTotal,
	type ProductQuery,
	type QueryContext,
	type StockFilter,
	type ProductSort
} from './productQuery';
import { skuKey, type Product } from './types';

function reference(products: readonly Product[], query: ProductQuery, context: QueryContext): string[] {
	const matches = productMatcher(query, context);
	const found = products
		.map((product, position) => ({ product, position, key: skuKey(product.sku) }))
		.filter(({ product, key }) => matches(product, key));
	const byName = (a: (typeof found)[number], b: (typeof found)[number]) => {
		const x = a.product.name.toLowerCase();
		const y = b.product.name.toLowerCase();
		return x < y ? -1 : x > y ? 1 : a.position - b.position;
	};
	const byTotal = (a: (typeof found)[number], b: (typeof found)[number]) =>
		productTotal(a.product, context.enabledSources) - productTotal(b.product, context.enabledSources) ||
		a.position - b.position;
	if (query.sort === 'name') found.sort(byName);
	if (query.sort === 'total') found.sort(byTotal);
	const keys = found.map((f) => f.key);
	return query.descending ? keys.reverse() : keys;
}

function answer(index: ProductIndex, query: ProductQuery, context: QueryContext): string[] {
	return Array.from(index.arrange(index.match(query, context), query, context), (p) => index.keys[p]);
}

const NAMES = ['Joust Duffle', 'joust duffle', 'Strive Pack', 'Yoga Mat', 'Didi Watch', ''];

/** Products with sources drawn from `sourceCount` codes (over 32 exercises the fallback). */
const productArb = (sourceCount: number) =>
	fc.record({
		name: fc.constantFrom(...NAMES),
		barcodes: fc.constantFrom<string[]>([], ['4006381333931'], ['0730143312691']).map((codes) => [...codes]),
		items: fc.uniqueArray(
			fc.record({
				source: fc.nat({ max: sourceCount - 1 }).map((n) => `s${n}`),
				quantity: fc.constantFrom(-2, 0, 0.5, 1, 3, 10),
				status: fc.constantFrom(0 as const, 1 as const),
				notifyQty: fc.constantFrom(null, 0, 5)
			}),
			{ selector: (item) => item.source, maxLength: 6 }
		)
	});

/** `minLength`: fast-check keeps arrays short unless told; the many-moves case needs big ones. */
const catalogueArb = (sourceCount: number, maxLength: number, minLength = 0) =>
	fc
		.array(productArb(sourceCount), { minLength, maxLength })
		.map((drafts) =>
			drafts.map((draft, i): Product => ({ sku: `SKU-${String(i).padStart(3, '0')}`, ...draft }))
		);

const queryArb = (sourceCount: number) =>
	fc.record({
		search: fc.constantFrom('', 'joust', 'SKU-00', 'sku-001', ' yoga ', '4006381333931', 'zzz'),
		source: fc.option(
			fc.nat({ max: sourceCount }).map((n) => `s${n}`),
			{ nil: null }
		),
		stock: fc.constantFrom<StockFilter>('any', 'in', 'out', 'low'),
		sort: fc.constantFrom<ProductSort>('sku', 'name', 'total'),
		descending: fc.boolean()
	});

function contextFor(products: readonly Product[], enabled: string[], defaultNotifyQty: number): QueryContext {
	return {
		enabledSources: new Set(enabled),
		defaultNotifyQty,
		barcodeOwner: (code) => {
			const owner = products.find((p) => p.barcodes.includes(code));
			return owner && skuKey(owner.sku);
		}
	};
}

/**
 * `size`: most products; edits go up to twice that. `large`: at least half that many products and as
 * many edits, so that more than 64 products move and an order is dropped and sorted again.
 */
function check(sourceCount: number, size = 40, numRuns = 300, large = false) {
	fc.assert(
		fc.property(
			catalogueArb(sourceCount, size, large ? size / 2 : 0),
			fc.array(queryArb(sourceCount), { minLength: 1, maxLength: 4 }),
			fc.array(fc.tuple(fc.nat(), productArb(sourceCount)), {
				minLength: large ? size : 0,
				maxLength: 2 * size
			}),
			fc.uniqueArray(fc.nat({ max: sourceCount - 1 }).map((n) => `s${n}`)),
			fc.constantFrom(0, 1, 4),
			(catalogue, queries, edits, enabled, defaultNotifyQty) => {
				const products = catalogue.slice();
				const index = new ProductIndex(
					products.map((p) => skuKey(p.sku)),
					products.slice()
				);
				const context = contextFor(products, enabled, defaultNotifyQty);
				// Ask first so that masks and orders exist, then edit in place, then ask again.
				for (const query of queries)
					expect(answer(index, query, context)).toEqual(reference(products, query, context));
				if (products.length === 0) return;
				const changed = edits.map(([n, draft]) => {
					const position = n % products.length;
					products[position] = { ...draft, sku: products[position].sku };
					return { position, product: products[position] };
				});
				index.replace(changed);
				const after = contextFor(products, enabled, defaultNotifyQty);
				for (const query of queries)
					expect(answer(index, query, after)).toEqual(reference(products, query, after));
			}
		),
		{ numRuns }
	);
}

/** Products come and go (and some change): the new index starts its sorts from the old one's orders. */
function checkCarriedOver(sourceCount: number) {
	fc.assert(
		fc.property(
			catalogueArb(sourceCount, 60),
			fc.array(queryArb(sourceCount), { minLength: 1, maxLength: 4 }),
			fc.array(fc.boolean(), { maxLength: 60 }),
			fc.array(productArb(sourceCount), { maxLength: 20 }),
			fc.array(fc.tuple(fc.nat(), productArb(sourceCount)), { maxLength: 10 }),
			fc.uniqueArray(fc.nat({ max: sourceCount - 1 }).map((n) => `s${n}`)),
			(catalogue, queries, kept, added, edits, enabled) => {
				const context = contextFor(catalogue, enabled, 1);
				const before = new ProductIndex(
					catalogue.map((p) => skuKey(p.sku)),
					catalogue.slice()
				);
				for (const query of queries) answer(before, query, context);
				const after = catalogue.filter((_, i) => kept[i] ?? true);
				added.forEach((draft, i) => after.push({ ...draft, sku: `SKU-${String(i).padStart(3, '0')}b` }));
				for (const [n, draft] of edits) {
					if (after.length === 0) break;
					const position = n % after.length;
					after[position] = { ...draft, sku: after[position].sku };
				}
				after.sort((a, b) => (skuKey(a.sku) < skuKey(b.sku) ? -1 : 1));
				const index = new ProductIndex(
					after.map((p) => skuKey(p.sku)),
					after.slice(),
					before
				);
				const now = contextFor(after, enabled, 1);
				for (const query of queries) expect(answer(index, query, now)).toEqual(reference(after, query, now));
			}
		),
		{ numRuns: 300 }
	);
}

describe('the product index', () => {
	it('answers as the plain rules do when built after products came and went', () => checkCarriedOver(5));

	it('answers as the plain rules do, before and after edits in place', () => check(5));

	it('answers as the plain rules do after edits that move many products at once', () =>
		check(5, 200, 40, true));

	it('answers as the plain rules do when items use more sources than a mask has bits', () => check(40));

	it('finds each key by binary search', () => {
		const index = new ProductIndex(
			['a', 'b', 'd'],
			['a', 'b', 'd'].map((sku) => ({ sku, name: sku, barcodes: [], items: [] }))
		);
		expect([
			index.positionOf('a'),
			index.positionOf('d'),
			index.positionOf('c'),
			index.positionOf('z')
		]).toEqual([0, 2, -1, -1]);
	});
});
