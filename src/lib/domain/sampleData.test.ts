import { describe, expect, it } from 'vitest';
import { SAMPLE_SOURCES, sampleProducts } from './sampleData';
import { validateSource } from './sourceRules';
import { defaultSource } from './types';

const codes = ['default', ...SAMPLE_SOURCES.map((s) => s.code)];

describe('sampleProducts', () => {
	it('makes the same catalogue every time', () => {
		const first = sampleProducts(500, codes);
		const second = sampleProducts(500, codes);
		expect(second).toEqual(first);
		// Not all alike: the generator really varies quantities and names.
		expect(new Set(first.map((p) => p.items[0].quantity)).size).toBeGreaterThan(10);
		expect(new Set(first.map((p) => p.name.replace(/ \d+$/, ''))).size).toBeGreaterThan(10);
	});

	it('makes the first products of a bigger catalogue the same as a smaller one', () => {
		expect(sampleProducts(1000, codes).slice(0, 100)).toEqual(sampleProducts(100, codes));
	});

	it('numbers SKUs in order with zero padding, and gives each a unique barcode', () => {
		const products = sampleProducts(12, codes, 'DEMO-');
		expect(products.map((p) => p.sku).slice(0, 3)).toEqual(['DEMO-0001', 'DEMO-0002', 'DEMO-0003']);
		expect(products[11].sku).toBe('DEMO-0012');
		expect(sampleProducts(12_345, ['default'])[12_344].sku).toBe('SAMPLE-12345');
		expect(sampleProducts(12_345, ['default'])[0].sku).toBe('SAMPLE-00001');
		const barcodes = sampleProducts(2000, codes).flatMap((p) => p.barcodes);
		expect(new Set(barcodes).size).toBe(2000);
		expect(products[0].barcodes).toEqual(['4000000000001']);
	});

	it('gives valid source items: whole quantities 0..59, status from the quantity, default notify', () => {
		for (const product of sampleProducts(300, codes)) {
			expect(product.items[0].source).toBe('default');
			for (const item of product.items) {
				expect(Number.isInteger(item.quantity)).toBe(true);
				expect(item.quantity).toBeGreaterThanOrEqual(0);
				expect(item.quantity).toBeLessThan(60);
				expect(item.status).toBe(item.quantity > 0 ? 1 : 0);
				expect(item.notifyQty).toBeNull();
			}
		}
	});

	it('assigns every source when there are at most five, and skips some beyond that', () => {
		for (const product of sampleProducts(30, codes))
			expect(product.items.map((i) => i.source)).toEqual(codes);
		const many = [...codes, 'x-1', 'x-2'];
		const products = sampleProducts(30, many);
		for (const product of products) expect(product.items[0].source).toBe('default');
		expect(products.some((p) => p.items.length < many.length)).toBe(true);
	});

	it('offers sample sources that pass the source rules', () => {
		const existing = [defaultSource()];
		for (const source of SAMPLE_SOURCES) {
			expect(validateSource(source, existing, null)).toEqual([]);
			existing.push(source);
		}
	});
});
