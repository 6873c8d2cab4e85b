// What a command returns to the page: a value, or an error a user can act on (never a stack trace).

import type { FieldError } from './sourceRules';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; errors: FieldError[] };

export function succeed<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

export function fail<T = never>(message: string, errors: FieldError[] = []): Outcome<T> {
	return { ok: false, message, errors };
}
