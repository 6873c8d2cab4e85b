// Validation of a source being created or edited (docs/domain-rules.md, Sources). Errors name the field.

import { countryProblem } from './countries';
import { DEFAULT_SOURCE_CODE, type Source } from './types';
import { formatCount } from './wording';

export type SourceField = keyof Source;
export interface FieldError<F extends string = string> {
	field: F;
	message: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks `draft` against the stored `sources`. `original` is the stored code when editing (the code is
 * immutable then), or null when creating.
 */
export function validateSource(
	draft: Source,
	sources: readonly Source[],
	original: string | null
): FieldError<SourceField>[] {
	const errors: FieldError<SourceField>[] = [];
	const others = sources.filter((s) => s.code !== original);
	const code = draft.code;
	if (original !== null && code !== original) {
		errors.push({ field: 'code', message: 'Source code can not be changed once created.' });
	} else if (code === '') {
		errors.push({ field: 'code', message: 'Source code can not be empty.' });
	} else if (/\s/.test(code)) {
		errors.push({ field: 'code', message: 'Source code can not contain whitespace.' });
	} else if (code.length > 255) {
		errors.push({ field: 'code', message: 'Source code can not be longer than 255 characters.' });
	} else if (others.some((s) => s.code.toLowerCase() === code.toLowerCase())) {
		errors.push({ field: 'code', message: `A source with code "${code}" already exists.` });
	}
	const name = draft.name.trim();
	if (name === '') {
		errors.push({ field: 'name', message: 'Source name can not be empty.' });
	} else if (others.some((s) => s.name.trim().toLowerCase() === name.toLowerCase())) {
		errors.push({ field: 'name', message: `A source named "${name}" already exists.` });
	}
	if (draft.code === DEFAULT_SOURCE_CODE && !draft.enabled) {
		errors.push({ field: 'enabled', message: 'Default source can not be disabled.' });
	}
	if (draft.description.length > 1000) {
		errors.push({ field: 'description', message: 'Description can not be longer than 1000 characters.' });
	}
	const country = countryProblem(draft.country);
	if (country) errors.push({ field: 'country', message: country });
	if (draft.email !== '' && !EMAIL_PATTERN.test(draft.email)) {
		errors.push({ field: 'email', message: `Email "${draft.email}" is not a valid address.` });
	}
	checkCoordinate(errors, 'latitude', 'Latitude', draft.latitude, 90);
	checkCoordinate(errors, 'longitude', 'Longitude', draft.longitude, 180);
	return errors;
}

function checkCoordinate(
	errors: FieldError<SourceField>[],
	field: 'latitude' | 'longitude',
	label: string,
	value: number | null,
	limit: number
) {
	if (value === null) return;
	if (Number.isNaN(value)) {
		errors.push({ field, message: `${label} is not a number (use a dot for decimals, such as 53.55).` });
	} else if (!Number.isFinite(value) || value < -limit || value > limit) {
		errors.push({ field, message: `${label} must be between -${limit} and ${limit}.` });
	}
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A coordinate as typed: empty is none (null), a plain decimal is its value, anything else NaN so that
 * validateSource can say it is not a number (Number() alone would read `0x1F` or `1e2` as numbers).
 */
export function coordinateFromText(text: string): number | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Why a source can not be deleted, or null when it can. */
export function sourceDeletionBlocker(
	source: Pick<Source, 'code' | 'name'>,
	itemsUsingIt: number
): string | null {
	if (source.code === DEFAULT_SOURCE_CODE) return 'The default source can not be deleted.';
	if (itemsUsingIt > 0) {
		return `${source.name} still holds ${formatCount(itemsUsingIt, 'source item')}. Unassign or transfer its stock first.`;
	}
	return null;
}

/** Single-source mode: fewer than two enabled sources. */
export function isSingleSourceMode(sources: readonly Source[]): boolean {
	return sources.filter((s) => s.enabled).length < 2;
}
