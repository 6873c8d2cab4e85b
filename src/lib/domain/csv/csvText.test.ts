import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csvText';

describe('writing CSV', () => {
	it('quotes only when a field holds the separator, a quote or a line break', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\r')).toBe('"cr\r"');
		expect(csvField('a;b')).toBe('a;b');
		expect(csvField('a;b', ';')).toBe('"a;b"');
		expect(csvField('')).toBe('');
	});

	it('writes a line ending in a newline', () => {
		expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\n');
		expect(csvLine(['a', 'b'], '\t')).toBe('a\tb\n');
	});
});
