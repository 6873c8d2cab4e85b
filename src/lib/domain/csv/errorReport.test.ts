import { describe, expect, it } from 'vitest';
import { errorReportFileName, errorReportHeader, errorReportLine } from './errorReport';

const errors = [
	{ row: 4, column: 'sku', value: ' A', message: 'SKU " A" has leading or trailing spaces.' },
	{ row: 4, column: 'status', value: '2', message: 'Status "2" must be 0 (out of stock) or 1 (in stock).' }
];

describe('error report', () => {
	it('adds an errors column to the header, in the file separator', () => {
		expect(errorReportHeader(['source_code', 'sku', 'status', 'quantity'], 4, ';')).toBe(
			'source_code;sku;status;quantity;errors\n'
		);
	});

	it('writes the row as it was, then every error with the original row number', () => {
		expect(errorReportLine(['shop-1', ' A', '2', '1'], 4, errors, ',')).toBe(
			'shop-1, A,2,1,"Row 4: SKU "" A"" has leading or trailing spaces. Status ""2"" must be 0 (out of stock) or 1 (in stock)."\n'
		);
	});

	it('keeps the errors in their column, the last one, on ragged rows', () => {
		const ragged = [{ row: 9, column: '', value: '', message: 'Row has 2 fields; the header has 4.' }];
		expect(errorReportLine(['a', 'b'], 4, ragged, ',')).toBe(
			'a,b,,,Row 9: Row has 2 fields; the header has 4.\n'
		);
		// A report that holds a 5-field row is 5 cells wide before the errors, header included.
		const long = [{ row: 6, column: '', value: '', message: 'Row has 5 fields; the header has 4.' }];
		expect(errorReportHeader(['source_code', 'sku', 'status', 'quantity'], 5, ',')).toBe(
			'source_code,sku,status,quantity,,errors\n'
		);
		expect(errorReportLine(['default', 'SAMPLE-0023', '1', '1', '5'], 5, long, ',')).toBe(
			'default,SAMPLE-0023,1,1,5,Row 6: Row has 5 fields; the header has 4.\n'
		);
		expect(errorReportLine(['a', 'b'], 5, ragged, ',')).toBe(
			'a,b,,,,Row 9: Row has 2 fields; the header has 4.\n'
		);
	});

	it('is named after the imported file', () => {
		expect(errorReportFileName('stock.csv')).toBe('stock_errors.csv');
		expect(errorReportFileName('stock')).toBe('stock_errors.csv');
		expect(errorReportFileName('.csv')).toBe('import_errors.csv');
	});
});
