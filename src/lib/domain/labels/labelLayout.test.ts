import { describe, expect, it } from 'vitest';
import { labelSymbol, layoutLabels, SHEETS } from './labelLayout';

describe('layoutLabels', () => {
	it('fills an A4 sheet row by row, 24 labels a page, then starts a new page', () => {
		const pages = layoutLabels('a4', 26);
		expect(pages.map((page) => page.length)).toEqual([24, 2]);
		expect(pages[0][0]).toEqual({ index: 0, x: 0, y: 0.5, width: 70, height: 37 });
		expect(pages[0][1]).toMatchObject({ x: 70, y: 0.5 });
		expect(pages[0][3]).toMatchObject({ x: 0, y: 37.5 });
		expect(pages[0][23]).toMatchObject({ x: 140, y: 259.5 });
		expect(pages[1][0]).toMatchObject({ index: 24, x: 0, y: 0.5 });
	});

	it('keeps every label inside the page', () => {
		for (const format of ['a4', 'letter', 'roll62'] as const) {
			const sheet = SHEETS[format];
			for (const label of layoutLabels(format, 61).flat()) {
				expect(label.x + label.width).toBeLessThanOrEqual(sheet.pageWidth + 1e-9);
				expect(label.y + label.height).toBeLessThanOrEqual(sheet.pageHeight + 1e-9);
			}
		}
	});

	it('places Letter labels on the Avery 5160 grid with its gutters', () => {
		const [page] = layoutLabels('letter', 30);
		expect(page).toHaveLength(30);
		expect(page[1].x).toBeCloseTo(4.7625 + 66.675 + 3.175, 2);
		expect(page[29].y).toBeCloseTo(12.7 + 9 * 25.4, 2);
	});

	it('puts one label on each page of a 62 mm roll', () => {
		const pages = layoutLabels('roll62', 3);
		expect(pages).toEqual([0, 1, 2].map((index) => [{ index, x: 0, y: 0, width: 62, height: 29 }]));
	});

	it('makes no page for no labels', () => {
		expect(layoutLabels('a4', 0)).toEqual([]);
	});
});

describe('labelSymbol', () => {
	it('draws a valid retail barcode in its own symbology', () => {
		expect(labelSymbol({ sku: 'A', barcodes: ['4006381333931', '123'] })).toEqual({
			bcid: 'ean13',
			text: '4006381333931'
		});
		expect(labelSymbol({ sku: 'A', barcodes: ['036000291452'] })).toEqual({
			bcid: 'upca',
			text: '036000291452'
		});
		expect(labelSymbol({ sku: 'A', barcodes: ['96385074'] })).toEqual({ bcid: 'ean8', text: '96385074' });
	});

	it('draws any other first barcode as Code 128', () => {
		expect(labelSymbol({ sku: 'A', barcodes: ['4006381333932'] })).toEqual({
			bcid: 'code128',
			text: '4006381333932'
		});
		expect(labelSymbol({ sku: 'A', barcodes: ['BIN-7/3'] })).toEqual({ bcid: 'code128', text: 'BIN-7/3' });
	});

	it('draws a Code 128 of the SKU when there is no barcode, and a QR code for text beyond ASCII', () => {
		expect(labelSymbol({ sku: 'MB-01', barcodes: [] })).toEqual({ bcid: 'code128', text: 'MB-01' });
		expect(labelSymbol({ sku: 'Größe-1', barcodes: [] })).toEqual({ bcid: 'qrcode', text: 'Größe-1' });
	});
});
