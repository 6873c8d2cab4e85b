import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '$lib/domain/csv/csvText';
import type { FileEncoding } from '$lib/domain/csv/encodingGuess';
import type { SeparatorChoice } from '$lib/domain/csv/importOptions';
import { CsvReadError, readCsvFile, type RecordSink } from './csvReader';
import { CancelledError, Job } from './jobs';

interface Read {
	separator: string | null;
	/** [row number, fields] */
	rows: [number, string[]][];
}

async function read(
	content: string | Uint8Array,
	separator: SeparatorChoice = 'auto',
	sliceBytes?: number,
	encoding?: FileEncoding
): Promise<Read> {
	const result: Read = { separator: null, rows: [] };
	const sink: RecordSink = {
		useSeparator: (s) => (result.separator = s),
		addRecords: (records, firstRow) => {
			records.forEach((fields, i) => result.rows.push([firstRow + i, [...fields]]));
			return true;
		}
	};
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	await readCsvFile(new Blob([bytes as BlobPart]), sink, { separator, sliceBytes, encoding });
	return result;
}

async function readError(content: string | Uint8Array, sliceBytes?: number): Promise<string> {
	try {
		await read(content, 'auto', sliceBytes);
	} catch (error) {
		if (error instanceof CsvReadError) return error.message;
		throw error;
	}
	return 'no error';
}

const HEADER = ['source_code', 'sku', 'status', 'quantity'];

describe('reading a CSV file', () => {
	it('ignores a byte-order mark', async () => {
		const { rows } = await read('\uFEFFsource_code,sku,status,quantity\ndefault,A,1,5\n');
		expect(rows[0]).toEqual([1, HEADER]);
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['lone CR', '\r']
	])('reads %s line endings', async (_name, newline) => {
		const { rows } = await read(
			['source_code,sku,status,quantity', 'default,A,1,5', 'wh,B,0,0', ''].join(newline)
		);
		expect(rows).toEqual([
			[1, HEADER],
			[2, ['default', 'A', '1', '5']],
			[3, ['wh', 'B', '0', '0']]
		]);
	});

	it('reads mixed line endings and a last line without one', async () => {
		const { rows } = await read('a,b\r\nc,d\ne,f\r\ng,h');
		expect(rows.map((r) => r[1])).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
	});

	it.each([
		[';', 'source_code;sku;status;quantity\ndefault;A;1;5\n'],
		['\t', 'source_code\tsku\tstatus\tquantity\ndefault\tA\t1\t5\n'],
		['|', 'source_code|sku|status|quantity\ndefault|A|1|5\n']
	])('finds the separator %j with Auto', async (separator, text) => {
		const result = await read(text);
		expect(result.separator).toBe(separator);
		expect(result.rows[1][1]).toEqual(['default', 'A', '1', '5']);
	});

	it('finds the separator on the first non-blank line', async () => {
		const result = await read('\n  \r\nsku;name\nA;b\n');
		expect(result.separator).toBe(';');
		expect(result.rows.at(-1)).toEqual([4, ['A', 'b']]);
	});

	it('uses the separator chosen instead of guessing', async () => {
		const result = await read('a;b,c\n1;2,3\n', 'comma');
		expect(result.rows[1][1]).toEqual(['1;2', '3']);
	});

	it('reads quoted fields with separators, quotes and line breaks inside; a record is one row', async () => {
		const text = 'sku,name,qty\n"A,1","say ""hi""",1\n"B","two\nlines",2\nC,plain,3\n';
		const { rows } = await read(text);
		expect(rows).toEqual([
			[1, ['sku', 'name', 'qty']],
			[2, ['A,1', 'say "hi"', '1']],
			[3, ['B', 'two\nlines', '2']],
			[4, ['C', 'plain', '3']]
		]);
	});

	it('keeps blank lines as rows so that row numbers match a spreadsheet', async () => {
		const { rows } = await read('a,b\n\n1,2\n   \n3,4\n');
		expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
		expect(rows[3][1]).toEqual(['   ']);
	});

	it('reads the same records whatever the slice size, across multi-byte characters', async () => {
		const text = 'sku,name\r\n"Ä,1","Größe ""L""\r\nüber"\r\n€-2,日本語\r\n';
		const whole = await read(text);
		for (const size of [1, 2, 3, 5, 7, 64]) expect(await read(text, 'auto', size)).toEqual(whole);
	});

	it('reads Windows-1252 when asked, whatever the slice size', async () => {
		// "sku,name\r\nA,Müller €\r\n" as Excel on Windows saves it.
		const bytes = new Uint8Array([
			...[...'sku,name\r\nA,M'].map((c) => c.charCodeAt(0)),
			0xfc,
			...[...'ller '].map((c) => c.charCodeAt(0)),
			0x80,
			0x0d,
			0x0a
		]);
		for (const size of [1, 2, 3, 64]) {
			expect((await read(bytes, 'auto', size, 'windows-1252')).rows).toEqual([
				[1, ['sku', 'name']],
				[2, ['A', 'Müller €']]
			]);
		}
	});

	it('reads a line of 1 MB', async () => {
		const long = 'x'.repeat(1024 * 1024);
		const { rows } = await read(`sku,name\nA,${long}\nB,"${long}"\n`, 'auto', 64 * 1024);
		expect(rows[1][1][1].length).toBe(1024 * 1024);
		expect(rows[2][1][1].length).toBe(1024 * 1024);
	});

	it('reads nothing from an empty file', async () => {
		expect(await read('')).toEqual({ separator: ',', rows: [] });
	});
});

describe('files that are not CSV text', () => {
	it('rejects invalid UTF-8, a truncated character and NUL bytes', async () => {
		expect(await readError(new Uint8Array([0x73, 0x6b, 0x75, 0x0a, 0xff, 0xfe, 0x41]))).toBe(
			'The file is not valid UTF-8 text.'
		);
		expect(await readError(new Uint8Array([0x73, 0x6b, 0x75, 0x0a, 0xc3]))).toBe(
			'The file is not valid UTF-8 text.'
		);
		expect(await readError(new Uint8Array(1000))).toBe('The file is not valid UTF-8 text.');
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'sku'].flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(await readError(utf16)).toBe('The file is not valid UTF-8 text.');
	});

	it('names the row of a quote left open to the end of the file', async () => {
		expect(await readError('sku,name\nA,ok\nB,"never closed\nC,d\n', 4)).toBe(
			'Row 3 opens a quote that is never closed.'
		);
	});

	it('stops a row that never ends instead of reading the whole file into it', async () => {
		const rest = 'x,y\n'.repeat(3 * 1024 * 1024); // 12 MB after the open quote
		const message = await readError(`sku,name\nA,"open\n${rest}`, 1024 * 1024);
		expect(message).toBe('Row 2 is longer than 8 MB; check it for a quote that is never closed.');
	});

	it('stops when the sink says so, and on Cancel', async () => {
		const seen: number[] = [];
		await readCsvFile(
			new Blob(['a\nb\nc\n']),
			{ useSeparator: () => {}, addRecords: (_r, first) => (seen.push(first), false) },
			{
				separator: 'auto',
				sliceBytes: 2
			}
		);
		expect(seen).toEqual([1]);
		const job = new Job();
		job.cancelled = true;
		await expect(
			readCsvFile(
				new Blob(['a\nb\n']),
				{ useSeparator: () => {}, addRecords: () => true },
				{ separator: 'auto', job }
			)
		).rejects.toBeInstanceOf(CancelledError);
	});
});

describe('reading, property-based', () => {
	const cell = fc.string({
		unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '"', '\n', '\r\n', 'é', '€', '\t')
	});
	const table = fc
		.integer({ min: 1, max: 5 })
		.chain((width) =>
			fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 })
		);

	it('reads back exactly the records it wrote, with any slice size and line ending', async () => {
		await fc.assert(
			fc.asyncProperty(
				table,
				fc.integer({ min: 3, max: 64 }),
				fc.constantFrom('\n', '\r\n'),
				async (records, sliceBytes, newline) => {
					// A header line that is not blank and has no quotes, so Auto picks the comma.
					const header = records[0].map((_, i) => `c${i}`);
					const text = [header, ...records].map((r) => csvLine(r).replace(/\n$/, newline)).join('');
					const { rows } = await read(text, 'comma', sliceBytes);
					const expected = records.filter((r) => !(r.length === 1 && r[0] === ''));
					expect(
						rows
							.map((r) => r[1])
							.slice(1)
							.filter((r) => !(r.length === 1 && r[0] === ''))
					).toEqual(expected);
				}
			),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('never throws anything but a CsvReadError on random bytes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 300 }),
				fc.integer({ min: 1, max: 64 }),
				async (bytes, size) => {
					try {
						await read(bytes, 'auto', size);
					} catch (error) {
						expect(error).toBeInstanceOf(CsvReadError);
					}
				}
			),
			{ numRuns: 300 }
		);
	}, 60_000);
});
