// Fuzzing Check Data and Import with what real files hold when they go wrong: random bytes, rows that
// look valid, broken quotes, huge fields, every separator. Whatever the file: no crash, no write unless
// the check said valid, and every error names its row (or is about the header or the whole file).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/domain/csv/exportFormat';
import type { ImportOptions } from '$lib/domain/csv/importOptions';
import { newSource } from '$lib/domain/types';
import type { EngineApi } from './api';
import { engineFactory } from './testing';

const openEngine = engineFactory('import-fuzz-test');
let jobs = 0;
const job = () => `fuzz-${++jobs}`;

const SEPARATORS = [',', ';', '\t', '|'] as const;
const FILE_MESSAGES = [
	'The file is empty.',
	'The file has a header but no data rows.',
	'The file is not valid UTF-8 text.',
	'The file is not text.'
];
/** File errors that are about the header (row 1) or name the row they are about. */
const ROW_OR_HEADER = /^(Row \d+ |Missing required column "|Duplicate column ")/;

async function seeded(): Promise<EngineApi> {
	const { engine } = openEngine();
	await engine.start();
	await engine.saveSource(newSource('wh-north', 'North Warehouse'), null);
	await engine.saveSource({ ...newSource('eu-dis', 'EU (closed)'), enabled: false }, null);
	await engine.addSampleData(5, 2);
	return engine;
}

/** Everything an import could change: both exports and the history's length. */
async function stored(engine: EngineApi): Promise<string[]> {
	const texts: string[] = [];
	for (const entity of ['stock-sources', 'products'] as const) {
		const result = await engine.exportCsv(job(), entity, NO_FILTERS);
		if (result.status !== 'exported') throw new Error(`export ${result.status}`);
		texts.push(await result.blob.text());
	}
	texts.push(String((await engine.listOperations(0, 1)).total));
	return texts;
}

const options: fc.Arbitrary<ImportOptions> = fc.record({
	entity: fc.constantFrom('stock-sources' as const, 'products' as const),
	behavior: fc.constantFrom('append' as const, 'replace' as const, 'delete' as const),
	strategy: fc.constantFrom('stop-on-error' as const, 'skip-errors' as const),
	allowedErrors: fc.integer({ min: 0, max: 3 }),
	separator: fc.constantFrom(
		'auto' as const,
		'comma' as const,
		'semicolon' as const,
		'tab' as const,
		'pipe' as const
	),
	encoding: fc.constantFrom('utf-8' as const, 'windows-1252' as const)
});

const cell = fc.oneof(
	fc.constantFrom(
		'default',
		'wh-north',
		'eu-dis',
		'nowhere',
		'SAMPLE-0001',
		'sample-0002',
		' SKU',
		'=B2',
		'-2',
		'1',
		'0',
		'2',
		'1,5',
		'abc',
		'1.23456',
		'99999999999',
		'__EMPTY__VALUE__',
		'',
		'"',
		'""',
		'x"y',
		'Müller'
	),
	fc.string({ maxLength: 8 })
);
const header = fc.shuffledSubarray(
	['source_code', 'sku', 'status', 'quantity', 'name', 'barcode', 'qty', 'is_in_stock', 'notes'],
	{ minLength: 1, maxLength: 6 }
);
/** Rows that look like a stock file, joined with one separator; some fields quoted, some quotes broken. */
const lookalike = fc
	.record({
		header,
		rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 25 }),
		separator: fc.constantFrom(...SEPARATORS),
		newline: fc.constantFrom('\n', '\r\n', '\r'),
		quoteAll: fc.boolean(),
		breakAt: fc.option(fc.nat(), { nil: undefined })
	})
	.map(({ header, rows, separator, newline, quoteAll, breakAt }) => {
		const quote = (field: string) => (quoteAll ? `"${field.replaceAll('"', '""')}"` : field);
		const text = [header, ...rows].map((fields) => fields.map(quote).join(separator)).join(newline);
		if (breakAt === undefined || text.length === 0) return text;
		const at = breakAt % text.length;
		return `${text.slice(0, at)}"${text.slice(at)}`;
	});
/** A file with one field of up to 300,000 characters (quoted or not). */
const huge = fc
	.record({
		length: fc.integer({ min: 1000, max: 300_000 }),
		quoted: fc.boolean(),
		char: fc.constantFrom('x', ',', '"', '\n')
	})
	.map(({ length, quoted, char }) => {
		const field = char.repeat(length);
		return `source_code,sku,status,quantity\ndefault,${quoted ? `"${field}"` : field},1,1\ndefault,A,1,1\n`;
	});
const content = fc.oneof(
	{ arbitrary: fc.uint8Array({ maxLength: 400 }), weight: 2 },
	{ arbitrary: lookalike, weight: 5 },
	{ arbitrary: huge, weight: 1 }
);

describe('Check Data and Import on any file', () => {
	it('never crash, never write unless valid, and every error names its row', async () => {
		const engine = await seeded();
		const outcomes = { imported: 0 };
		await fc.assert(
			fc.asyncProperty(content, options, async (data, chosen) => {
				const before = await stored(engine);
				const file = new File([data as BlobPart], 'fuzz.csv');
				const check = await engine.checkImport(job(), file, chosen);
				if (check.status !== 'valid' && check.status !== 'invalid') throw new Error(check.status);
				const { report } = check;
				// A text file has at most one row per line ending (blank lines included).
				const text = typeof data === 'string' ? data : '';
				const lastRow = typeof data === 'string' ? (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1 : Infinity;
				for (const line of report.errors.lines) {
					expect(line.rows.length).toBeGreaterThan(0);
					for (const row of line.rows) {
						expect(row).toBeGreaterThanOrEqual(2);
						expect(row).toBeLessThanOrEqual(lastRow);
					}
				}
				for (const message of report.fileErrors) {
					expect(FILE_MESSAGES.includes(message) || ROW_OR_HEADER.test(message)).toBe(true);
				}
				if (report.counts.invalidRows > 0) {
					const errorReport = await engine.downloadErrorReport(job());
					if (errorReport.status !== 'written') throw new Error(errorReport.status);
					// Each invalid row once, its errors naming it (generated cells never hold "Row N: ").
					const named = (await errorReport.blob.text()).match(/Row \d+: /g) ?? [];
					expect(named).toHaveLength(report.counts.invalidRows);
				}
				const result = await engine.runImport(job());
				if (check.status === 'invalid') {
					expect(result.status).toBe('failed');
					expect(await stored(engine)).toEqual(before);
				} else {
					expect(result.status).toBe('imported');
					outcomes.imported++;
				}
			}),
			{ numRuns: 150 }
		);
		// The property saw imports too, not only refusals.
		expect(outcomes.imported).toBeGreaterThan(0);
	}, 180_000);
});
