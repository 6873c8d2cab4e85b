import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSource } from '../types';
import { productLine } from './exportFormat';
import { looksLikeFormula, protectFreeText, unprotectFreeText } from './formulaCells';
import { ImportChecker } from './importChecker';
import { DEFAULT_IMPORT_OPTIONS } from './importOptions';

describe('cells a spreadsheet would run as a formula', () => {
	it.each(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx'])('%j is formula-like', (text) => {
		expect(looksLikeFormula(text)).toBe(true);
		expect(protectFreeText(text)).toBe(`'${text}`);
	});

	it('leaves ordinary text and a quote before ordinary text alone', () => {
		for (const text of ['Trail Mug', "'Twas a mug", '', ' =x']) expect(protectFreeText(text)).toBe(text);
	});

	it('reads back every text exactly as it was protected', () => {
		const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') });
		fc.assert(fc.property(text, (t) => unprotectFreeText(protectFreeText(t)) === t));
		fc.assert(fc.property(text, (t) => !looksLikeFormula(protectFreeText(t))));
	});

	it('protects a product name in the Products export, but never the SKU or the quantity', () => {
		const line = productLine({
			sku: '-SKU-1',
			name: '=HYPERLINK("http://x")',
			barcodes: [],
			items: [{ source: 'default', quantity: -2, status: 0, notifyQty: null }]
		});
		expect(line).toBe('-SKU-1,"\'=HYPERLINK(""http://x"")",,-2,0\n');
	});

	it('Check Data names the rows of formula-like SKUs and still imports them', () => {
		const checker = new ImportChecker(DEFAULT_IMPORT_OPTIONS, {
			sources: [newSource('default', 'Default Source')],
			product: () => undefined,
			barcodeOwner: () => undefined
		});
		const rows = ['=A1', 'B-1', '+B', ...Array.from({ length: 11 }, (_, i) => `@x${i}`)];
		checker.addRecords(
			[['source_code', 'sku', 'status', 'quantity'], ...rows.map((sku) => ['default', sku, '', '-2'])],
			1
		);
		const outcome = checker.finish();
		expect(outcome.status).toBe('valid');
		expect(outcome.report.warnings).toContain(
			'Rows 2, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 3 more have SKUs starting with =, +, -, @, a tab or a ' +
				'line break, which a spreadsheet may run as a formula. They are imported as written; check them ' +
				'before opening an export in a spreadsheet.'
		);
	});
});
