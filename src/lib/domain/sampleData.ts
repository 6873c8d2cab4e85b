// A small, deterministic catalogue for "Try with sample data", tests and benchmarks.

import type { Product, Source } from './types';
import { newSource } from './types';

export const SAMPLE_SOURCES: Source[] = [
	{ ...newSource('wh-north', 'North Warehouse'), city: 'Hamburg', country: 'DE' },
	{ ...newSource('shop-1', 'Shop Floor'), city: 'Berlin', country: 'DE' },
	{ ...newSource('backroom', 'Back Room'), city: 'Berlin', country: 'DE' },
	{ ...newSource('dropship', 'Drop Shipper'), country: 'NL' }
];

const WORDS = [
	'Joust',
	'Strive',
	'Didi',
	'Sprite',
	'Fusion',
	'Affirm',
	'Endeavor',
	'Overnight',
	'Crown',
	'Voyage'
];
const THINGS = [
	'Duffle Bag',
	'Shoulder Pack',
	'Sport Watch',
	'Yoga Mat',
	'Water Bottle',
	'Backpack',
	'Tee',
	'Hoodie'
];

/** `count` products spread over `sourceCodes` (the first is always assigned; others by turn). */
export function sampleProducts(count: number, sourceCodes: readonly string[], prefix = 'SAMPLE-'): Product[] {
	let seed = 42;
	const next = () => {
		seed ^= seed << 13;
		seed >>>= 0;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		seed >>>= 0;
		return seed;
	};
	const width = Math.max(4, String(count).length);
	const products: Product[] = [];
	for (let i = 1; i <= count; i++) {
		const sku = `${prefix}${String(i).padStart(width, '0')}`;
		const items = sourceCodes
			.filter((_, s) => s === 0 || (i + s) % 3 !== 0 || sourceCodes.length <= 5)
			.map((source) => {
				const quantity = next() % 60;
				return { source, quantity, status: (quantity > 0 ? 1 : 0) as 0 | 1, notifyQty: null };
			});
		products.push({
			sku,
			name: `${WORDS[next() % WORDS.length]} ${THINGS[next() % THINGS.length]} ${i}`,
			barcodes: [String(4_000_000_000_000 + i)],
			items
		});
	}
	return products;
}
