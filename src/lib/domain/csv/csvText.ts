// Writing CSV text: fields are quoted only when they must be (a separator, a quote or a line break
// inside), with `""` for a quote, as Magento's own export does.

const NEEDS_QUOTES = /["\r\n]/;

export function csvField(value: string, separator = ','): string {
	if (!NEEDS_QUOTES.test(value) && !value.includes(separator)) return value;
	return `"${value.replaceAll('"', '""')}"`;
}

/** One line, ending with `\n`. */
export function csvLine(fields: readonly string[], separator = ','): string {
	let line = '';
	for (let i = 0; i < fields.length; i++) {
		if (i > 0) line += separator;
		line += csvField(fields[i], separator);
	}
	return line + '\n';
}
