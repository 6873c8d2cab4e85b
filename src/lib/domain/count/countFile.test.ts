import { describe, expect, it } from 'vitest';
import { scanLine, type CountLine } from './count';
import { CountFileReader, countFileText } from './countFile';

/** Feeds the reader as the CSV reader does (records; quoting is the reader's job, tested there). */
function read(text: string, separator = ',') {
	const reader = new CountFileReader('shop');
	reader.useSeparator(separator);
	const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
	reader.addRecords(
		lines.map((line) => line.split(separator)),
		1
	);
	return reader.finish();
}

const product = (sku: string) => ({ sku, name: '', barcodes: [], items: [] });

describe('countFileText', () => {
	it('writes the known lines in the Stock Sources format, sorted by SKU, status from quantity', () => {
		const lines: CountLine[] = [
			scanLine('c', undefined, { kind: 'product', product: product('b-2') }, 'shop', 0, 1),
			scanLine('c', undefined, { kind: 'product', product: product('A,1') }, 'shop', 2.5, 2),
			scanLine('c', undefined, { kind: 'unknown', code: 'XX' }, 'shop', 1, 3)
		];
		expect(countFileText('shop', lines)).toEqual({
			text: 'source_code,sku,status,quantity\nshop,"A,1",1,2.5\nshop,b-2,0,0\n',
			rows: 2
		});
	});
});

describe('CountFileReader', () => {
	it('reads quantities per SKU, adding up repeated SKUs ignoring case, ignoring status', () => {
		expect(
			read('SKU;Quantity;source_code;status\nMB-01;2;shop;0\n\nmb-01;1.5;shop;\nWT-09;3;shop;1\n', ';')
		).toEqual({
			ok: true,
			rows: [
				{ sku: 'MB-01', quantity: 3.5 },
				{ sku: 'WT-09', quantity: 3 }
			]
		});
	});

	it('names every problem by row and keeps the whole file out', () => {
		const result = read(
			'source_code,sku,status,quantity\nshop,MB-01,1,2\nback,MB-02,1,1\nshop, MB-03,1,x\nshop,MB-04\n'
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				'Row 3: source "back" is not this count\'s source "shop".',
				'Row 4: SKU " MB-03" has leading or trailing spaces.',
				'Row 4: Quantity "x" is not a number.',
				'Row 5: Row has 2 fields; the header has 4.'
			]
		});
	});

	it('says what is wrong with a file that is empty, has no rows or lacks a column', () => {
		expect(read('')).toEqual({ ok: false, problems: ['The file is empty.'] });
		expect(read('source_code,sku,status,quantity\n')).toEqual({
			ok: false,
			problems: ['The file has a header but no data rows.']
		});
		expect(read('source_code,sku\nshop,A\n')).toEqual({
			ok: false,
			problems: ['Missing required column "quantity".']
		});
	});

	it('lists the first 20 problems and says how many more there are', () => {
		const rows = Array.from({ length: 25 }, (_, i) => `shop,S${i},1,bad`).join('\n');
		const result = read(`source_code,sku,status,quantity\n${rows}\n`);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toHaveLength(21);
			expect(result.problems[20]).toBe('…and 5 more.');
		}
	});
});
