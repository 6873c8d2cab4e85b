// Text → CSV records, fed piece by piece: papaparse's core parser with the partial-last-line technique
// of its own ChunkStreamer, so quoted fields may span pieces. The separator (Auto) and the line ending
// are found on the first non-blank line; CRLF, LF and lone CR all work. A row that never ends (a quote
// left open) is stopped at MAX_ROW_CHARS instead of being re-parsed until memory runs out.

import Papa from 'papaparse';
import type { EncodingGuess } from '$lib/domain/csv/encodingGuess';
import { separatorFor } from '$lib/domain/csv/header';
import type { SeparatorChoice } from '$lib/domain/csv/importOptions';
import { rowTooLongMessage, unclosedQuoteMessage } from '$lib/domain/csv/messages';

/** A problem that makes the file unreadable; its message is for the person who chose the file. */
export class CsvReadError extends Error {
	/** For a file that is not UTF-8: the encoding it seems to be in, with a sample. */
	readonly encodingGuess: EncodingGuess | null;

	constructor(message: string, encodingGuess: EncodingGuess | null = null) {
		super(message);
		this.name = 'CsvReadError';
		this.encodingGuess = encodingGuess;
	}
}

export const MAX_ROW_MEGABYTES = 8;
const MAX_ROW_CHARS = MAX_ROW_MEGABYTES * 1024 * 1024;

/** Records numbered as a spreadsheet shows them: the first line is row 1, blank lines count. */
export interface RecordBatch {
	records: string[][];
	firstRow: number;
}

type Newline = '\n' | '\r';

interface ParseResult {
	data: string[][];
	errors: { code: string; row: number }[];
	meta: { cursor: number };
}

export class CsvRecordParser {
	readonly #choice: SeparatorChoice;
	#parser: Papa.Parser | null = null;
	#newline: Newline = '\n';
	#separator: string | null = null;
	#pending = '';
	#nextRow = 1;

	constructor(choice: SeparatorChoice) {
		this.#choice = choice;
	}

	/** Known once the first non-blank line has been read. */
	get separator(): string | null {
		return this.#separator;
	}

	/** Adds text; returns the records completed by it. */
	push(text: string): RecordBatch {
		this.#pending += text;
		if (!this.#parser && !this.#start(false))
			return this.#checkLength({ records: [], firstRow: this.#nextRow });
		const result = this.#parser!.parse(this.#pending, 0, true) as ParseResult;
		this.#pending = this.#pending.substring(result.meta.cursor);
		return this.#checkLength(this.#batch(result.data));
	}

	/** The last records, once the whole text has been pushed. */
	end(): RecordBatch {
		if (!this.#parser) this.#start(true);
		if (!this.#parser || this.#pending === '') return { records: [], firstRow: this.#nextRow };
		const result = this.#parser.parse(this.#pending, 0, false) as ParseResult;
		this.#pending = '';
		const open = result.errors.find((error) => error.code === 'MissingQuotes');
		if (open) throw new CsvReadError(unclosedQuoteMessage(this.#nextRow + open.row));
		return this.#batch(result.data);
	}

	/** Finds the separator and line ending on the first non-blank line; false until it is complete. */
	#start(final: boolean): boolean {
		const text = this.#pending;
		let from = 0;
		for (;;) {
			const end = lineEnd(text, from);
			if (end === -1 || (text[end] === '\r' && end + 1 === text.length && !final)) {
				if (!final && text.length < MAX_ROW_CHARS) return false;
				this.#begin(text.slice(from), '\n');
				return true;
			}
			const newline: Newline = text[end] === '\r' && text[end + 1] !== '\n' ? '\r' : '\n';
			const line = text.slice(from, end);
			if (line.trim() !== '') {
				this.#begin(line, newline);
				return true;
			}
			from = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
		}
	}

	#begin(headerLine: string, newline: Newline) {
		this.#newline = newline;
		this.#separator = separatorFor(this.#choice, headerLine);
		this.#parser = new Papa.Parser({ delimiter: this.#separator, newline, quoteChar: '"' });
	}

	#checkLength(batch: RecordBatch): RecordBatch {
		if (this.#pending.length > MAX_ROW_CHARS) {
			throw new CsvReadError(rowTooLongMessage(this.#nextRow, MAX_ROW_MEGABYTES));
		}
		return batch;
	}

	/** Numbers the records and removes what a line ending of another kind left behind. */
	#batch(records: string[][]): RecordBatch {
		const firstRow = this.#nextRow;
		this.#nextRow += records.length;
		if (this.#newline === '\n') {
			for (const record of records) {
				const last = record[record.length - 1];
				if (last.charCodeAt(last.length - 1) === 13) record[record.length - 1] = last.slice(0, -1);
			}
		} else {
			for (const record of records) {
				if (record[0].charCodeAt(0) === 10) record[0] = record[0].slice(1);
			}
		}
		return { records, firstRow };
	}
}

function lineEnd(text: string, from: number): number {
	const lf = text.indexOf('\n', from);
	const cr = text.indexOf('\r', from);
	if (lf === -1) return cr;
	if (cr === -1) return lf;
	return Math.min(lf, cr);
}
