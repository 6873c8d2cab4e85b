// The header line: which separator it uses (Auto), where each known column is, and the file-level
// errors and warnings it causes (docs/domain-rules.md, CSV files).

import {
	entityColumns,
	requiredColumns,
	SEPARATOR_CHARS,
	SEPARATOR_LABELS,
	type EntityType,
	type ImportBehavior,
	type ImportColumn,
	type SeparatorChoice
} from './importOptions';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** The separator used by a header line: the candidate found most often outside quotes (`,` on a tie). */
export function detectSeparator(headerLine: string): string {
	const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
	let quoted = false;
	for (const char of headerLine) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best: string = ',';
	for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
	return best;
}

export function separatorFor(choice: SeparatorChoice, headerLine: string): string {
	return choice === 'auto' ? detectSeparator(headerLine) : SEPARATOR_CHARS[choice];
}

export interface HeaderLayout {
	/** Fields every row must have. */
	width: number;
	/** Where each known column is; absent when the file has no such column. */
	index: Partial<Record<ImportColumn, number>>;
	/** Names as in the file (trimmed), in file order; for the header of the error report. */
	names: string[];
}

export type HeaderAnalysis =
	| { ok: true; layout: HeaderLayout; warnings: string[] }
	| { ok: false; errors: string[]; warnings: string[] };

/** Names are trimmed and matched ignoring case; columns may come in any order. */
export function analyzeHeader(
	fields: readonly string[],
	entity: EntityType,
	behavior: ImportBehavior,
	separator: string
): HeaderAnalysis {
	const known = new Set<string>(entityColumns(entity));
	const names = fields.map((field) => field.trim());
	const index: Partial<Record<ImportColumn, number>> = {};
	const errors: string[] = [];
	const ignored: string[] = [];
	names.forEach((name, at) => {
		const column = name.toLowerCase();
		if (!known.has(column)) {
			ignored.push(name === '' ? `(unnamed column ${at + 1})` : name);
			return;
		}
		const existing = index[column as ImportColumn];
		if (existing === undefined) index[column as ImportColumn] = at;
		else if (!errors.includes(duplicateColumnMessage(column))) errors.push(duplicateColumnMessage(column));
	});
	for (const column of requiredColumns(entity, behavior)) {
		if (index[column] === undefined) errors.push(`Missing required column "${column}".`);
	}
	const warnings = ignored.length > 0 ? [`Columns ignored: ${ignored.join(', ')}.`] : [];
	if (errors.length > 0) {
		const hint = separatorHint(names, separator, entity);
		return { ok: false, errors, warnings: hint ? [...warnings, hint] : warnings };
	}
	return { ok: true, layout: { width: fields.length, index, names }, warnings };
}

function duplicateColumnMessage(column: string): string {
	return `Duplicate column "${column}".`;
}

/** When the chosen separator leaves the header in one piece, names the separator it seems to use. */
function separatorHint(names: readonly string[], separator: string, entity: EntityType): string | null {
	if (names.length !== 1) return null;
	const guess = detectSeparator(names[0]);
	if (guess === separator || !names[0].includes(guess)) return null;
	const columns = names[0].split(guess).map((name) => name.trim().toLowerCase());
	if (!entityColumns(entity).some((column) => columns.includes(column))) return null;
	const choice = (Object.keys(SEPARATOR_CHARS) as (keyof typeof SEPARATOR_CHARS)[]).find(
		(key) => SEPARATOR_CHARS[key] === guess
	)!;
	return `The header seems to be separated by "${guess === '\t' ? 'tab' : guess}": choose Field separator "${SEPARATOR_LABELS.auto}" or "${SEPARATOR_LABELS[choice]}".`;
}
