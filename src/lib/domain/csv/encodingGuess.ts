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
function isControl(code: number): boolean {
	if (code < 32) return code !== 9 && code !== 10 && code !== 13;
	return code === 0x7f || code === 0x81 || code === 0x8d || code === 0x8f || code === 0x90 || code === 0x9d;
}

function readsAsText(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return false;
	return true;
}

function hasNonAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
	return false;
}

const SAMPLE_LINES = 3;
const SAMPLE_CHARS = 120;
/** Enough bytes to judge and to find sample lines, from a little before the first non-ASCII byte. */
const SCAN_BYTES = 256 * 1024;
const SCAN_BEFORE = 4 * 1024;

/** Windows-1252 with a sample when `bytes` (the part of the file that failed as UTF-8) read as text. */
export function guessEncoding(bytes: Uint8Array): EncodingGuess | null {
	const first = bytes.findIndex((byte) => byte > 0x7f);
	if (first < 0) return null;
	const from = Math.max(0, first - SCAN_BEFORE);
	// `stream`: Node 20 decodes a one-shot windows-1252 call as Latin-1 (0x80 → U+0080, not €).
	const text = new TextDecoder('windows-1252').decode(bytes.subarray(from, from + SCAN_BYTES), {
		stream: true
	});
	if (!readsAsText(text)) return null;
	const sample: string[] = [];
	// The first line of the window may be cut; it holds no non-ASCII text before `first` anyway.
	for (const line of text.split(/\r\n|\r|\n/)) {
		if (!hasNonAscii(line)) continue;
		const trimmed = line.trim();
		sample.push(trimmed.length > SAMPLE_CHARS ? `${trimmed.slice(0, SAMPLE_CHARS)}…` : trimmed);
		if (sample.length === SAMPLE_LINES) break;
	}
	return { encoding: 'windows-1252', sample };
}
