// The one CSV reader: reads a File in slices (never the whole file as one string), decodes strict
// UTF-8 (a byte-order mark is ignored) or, when chosen, Windows-1252, parses records and hands them to a
// sink, yielding to the event loop between slices so that Cancel and other requests are answered
// meanwhile. A file that is not UTF-8 but reads as Windows-1252 text fails with that guess attached.

import { guessEncoding, type FileEncoding } from '$lib/domain/csv/encodingGuess';
import type { SeparatorChoice } from '$lib/domain/csv/importOptions';
import { NOT_TEXT, NOT_UTF8 } from '$lib/domain/csv/messages';
import { CsvReadError, CsvRecordParser, type RecordBatch } from './csvRecords';
import { yieldToEvents, type Job } from './jobs';

export { CsvReadError } from './csvRecords';

export const SLICE_BYTES = 4 * 1024 * 1024;
/**
 * The parser gets a slice's text in pieces of this size: the records of a piece are checked and
 * dropped before the next, so they die young instead of filling the heap (measured: 2× faster).
 */
const PIECE_CHARS = 256 * 1024;

export interface RecordSink {
	/** Called once, before the first records, with the separator in use. */
	useSeparator(separator: string): void;
	/** Returns false to stop reading. */
	addRecords(records: readonly string[][], firstRow: number): boolean;
}

export interface ReadProgress {
	bytes: number;
	totalBytes: number;
	/** Rows read so far (blank lines included). */
	rows: number;
}

export interface ReadOptions {
	separator: SeparatorChoice;
	/** UTF-8 when not given. */
	encoding?: FileEncoding;
	job?: Job;
	onProgress?: (progress: ReadProgress) => void;
	sliceBytes?: number;
}

/** Reads `file` into `sink`. Throws CsvReadError when the file is not text, CancelledError on Cancel. */
export async function readCsvFile(file: Blob, sink: RecordSink, options: ReadOptions): Promise<void> {
	const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
	const decoder = new TextDecoder(options.encoding ?? 'utf-8', { fatal: true });
	const parser = new CsvRecordParser(options.separator);
	let announced = false;
	let rows = 0;
	const deliver = (batch: RecordBatch): boolean => {
		if (!announced && parser.separator !== null) {
			sink.useSeparator(parser.separator);
			announced = true;
		}
		rows = batch.firstRow - 1 + batch.records.length;
		return batch.records.length === 0 || sink.addRecords(batch.records, batch.firstRow);
	};

	const readSlice = (offset: number) =>
		offset < file.size ? file.slice(offset, Math.min(file.size, offset + sliceBytes)).arrayBuffer() : null;
	// The next slice is read while this one is parsed, so the disk and the parser overlap.
	let next = readSlice(0);
	let bytes: ArrayBuffer | undefined;
	for (let offset = 0; offset < file.size; offset += sliceBytes) {
		bytes = await next!;
		next = readSlice(offset + sliceBytes);
		options.job?.checkpoint();
		const text = decode(decoder, bytes, true);
		for (let at = 0; at < text.length; at += PIECE_CHARS) {
			if (!deliver(parser.push(text.slice(at, at + PIECE_CHARS)))) return;
		}
		options.onProgress?.({ bytes: Math.min(file.size, offset + sliceBytes), totalBytes: file.size, rows });
		await yieldToEvents();
		options.job?.checkpoint();
	}
	// A sequence cut off by the end of the file is judged on the last slice.
	const rest = decode(decoder, undefined, false, bytes);
	if (rest !== '' && !deliver(parser.push(rest))) return;
	deliver(parser.end());
	options.onProgress?.({ bytes: file.size, totalBytes: file.size, rows });
}

function decode(
	decoder: TextDecoder,
	bytes: ArrayBuffer | undefined,
	stream: boolean,
	judged: ArrayBuffer | undefined = bytes
): string {
	let text: string;
	try {
		text = decoder.decode(bytes, { stream });
	} catch {
		throw new CsvReadError(NOT_UTF8, judged ? guessEncoding(new Uint8Array(judged)) : null);
	}
	// Text files hold no NUL characters; binary files and UTF-16 text are full of them.
	if (text.includes('\u0000')) throw new CsvReadError(decoder.encoding === 'utf-8' ? NOT_UTF8 : NOT_TEXT);
	return text;
}
