// A file that is not valid UTF-8 is most often Windows-1252: what Excel on Windows saves as "CSV".
// When its bytes read as plausible Windows-1252 text, Check Data offers to read it so, with a sample of
// the decoded lines that hold non-ASCII letters, so the person can see that `Müller` reads right.

export type FileEncoding = 'utf-8' | 'windows-1252';

export const ENCODING_LABELS: Record<FileEncoding, string> = {
	'utf-8': 'UTF-8',
	'windows-1252': 'Windows-1252 (Excel "CSV")'
};

export interface EncodingGuess {
	encoding: 'windows-1252';
	/** The first lines that read differently, as Windows-1252 decodes them. */
	sample: string[];
}

/**
 * Control characters do not occur in text: C0 controls other than tab and line breaks, DEL, and the five
 * bytes Windows-1252 leaves undefined (decoded as C1 controls). Binary files are full of them.
 */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0081\u008D\u008F\u0090\u009D]/;
const NON_ASCII = /[^\u0000-\u007F]/;
const SAMPLE_LINES = 3;
const SAMPLE_CHARS = 120;
/** Enough of the bytes to judge and to find sample lines, without decoding a whole slice twice. */
const SCAN_BYTES = 256 * 1024;

/** Windows-1252 with a sample when `bytes` (the part of the file that failed as UTF-8) read as text. */
export function guessEncoding(bytes: Uint8Array): EncodingGuess | null {
	const text = new TextDecoder('windows-1252').decode(bytes.subarray(0, SCAN_BYTES));
	if (!NON_ASCII.test(text) || NOT_TEXT.test(text)) return null;
	const sample: string[] = [];
	for (const line of text.split(/\r\n|\r|\n/)) {
		if (!NON_ASCII.test(line)) continue;
		const trimmed = line.trim();
		sample.push(trimmed.length > SAMPLE_CHARS ? `${trimmed.slice(0, SAMPLE_CHARS)}…` : trimmed);
		if (sample.length === SAMPLE_LINES) break;
	}
	return { encoding: 'windows-1252', sample };
}
