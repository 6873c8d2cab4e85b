import { describe, expect, it } from 'vitest';
import type { Product } from '../types';
import {
	exportFileName,
	exportHeader,
	itemMatcher,
	NO_FILTERS,
	productLine,
	skuMatches,
	stockSourceLines,
	type ExportFilters
} from './exportFormat';

const product: Product = {
	sku: 'MB-01',
	name: 'Duffle, "large"',
	barcodes: ['111', '222'],
	items: [
		{ source: 'wh-north', quantity: 5.5, status: 1, notifyQty: null },
		{ source: 'default', quantity: 0, status: 0, notifyQty: 2 },
		{ source: 'shop-1', quantity: -2, status: 0, notifyQty: null },
		{ source: 'backroom', quantity: 10, status: 1, notifyQty: null }
	]
};

function lines(filters: Partial<ExportFilters> = {}, p = product): string[] {
	const out: string[] = [];
	stockSourceLines(p, itemMatcher({ ...NO_FILTERS, ...filters }), new Map(), out);
	return out;
}

describe('Stock Sources export', () => {
	it("writes Magento's header and one plain line per item, in source-code order", () => {
		expect(exportHeader('stock-sources')).toBe('source_code,sku,status,quantity\n');
		expect(lines()).toEqual([
			'backroom,MB-01,1,10\n',
			'default,MB-01,0,0\n',
			'shop-1,MB-01,0,-2\n',
			'wh-north,MB-01,1,5.5\n'
		]);
	});

	it('filters by sources, status and inclusive quantity bounds where 0 is a real bound', () => {
		expect(lines({ sources: ['shop-1', 'default'] })).toEqual(['default,MB-01,0,0\n', 'shop-1,MB-01,0,-2\n']);
		expect(lines({ status: 'in' }).map((l) => l.split(',')[0])).toEqual(['backroom', 'wh-north']);
		expect(lines({ status: 'out' }).map((l) => l.split(',')[0])).toEqual(['default', 'shop-1']);
		expect(lines({ quantityFrom: 0 }).map((l) => l.split(',')[0])).toEqual([
			'backroom',
			'default',
			'wh-north'
		]);
		expect(lines({ quantityTo: 0 }).map((l) => l.split(',')[0])).toEqual(['default', 'shop-1']);
		expect(lines({ quantityFrom: 0, quantityTo: 0 })).toEqual(['default,MB-01,0,0\n']);
		expect(lines({ quantityFrom: 5.5, quantityTo: 10 }).length).toBe(2);
	});

	it('matches SKU contains ignoring case', () => {
		expect(skuMatches('mb-01', 'b-0')).toBe(true);
		expect(skuMatches('mb-01', '')).toBe(true);
		expect(skuMatches('mb-01', 'x')).toBe(false);
	});

	it('quotes only the fields that need it', () => {
		const odd: Product = {
			sku: 'A,"B"',
			name: '',
			barcodes: [],
			items: [{ source: 'default', quantity: 1, status: 1, notifyQty: null }]
		};
		expect(lines({}, odd)).toEqual(['default,"A,""B""",1,1\n']);
	});
});

describe('Products export', () => {
	it("writes Magento's catalog names, the default source's qty and status, empty when unassigned", () => {
		expect(exportHeader('products')).toBe('sku,name,barcode,qty,is_in_stock\n');
		expect(productLine(product)).toBe('MB-01,"Duffle, ""large""",111|222,0,0\n');
		expect(productLine({ sku: 'X', name: 'Cap', barcodes: [], items: [] })).toBe('X,Cap,,,\n');
	});
});

describe('export file names', () => {
	it('use the local date and time', () => {
		const at = new Date(2026, 0, 5, 7, 8, 9);
		expect(exportFileName('stock-sources', at)).toBe('stock_sources_20260105_070809.csv');
		expect(exportFileName('products', new Date(2026, 10, 22, 14, 2, 30))).toBe(
			'products_20261122_140230.csv'
		);
	});
});
