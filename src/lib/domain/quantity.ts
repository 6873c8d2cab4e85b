// Quantities are decimals with at most 4 places; arithmetic is rounded back to that grid so that
// sums like 0.1 + 0.2 store as 0.3 and compare equal to what a file says.

export const MAX_QUANTITY = 99_999_999.9999;
export const QUANTITY_SCALE = 10_000;

export function roundQuantity(value: number): number {
	const rounded = Math.round(value * QUANTITY_SCALE) / QUANTITY_SCALE;
	return rounded === 0 ? 0 : rounded; // no negative zero in files or on screen
}

export function addQuantities(a: number, b: number): number {
	return roundQuantity(a + b);
}

export function isQuantityInRange(value: number): boolean {
	return Math.abs(value) <= MAX_QUANTITY;
}

/** Status where nothing gives it: a positive quantity is in stock. */
export function deriveStatus(quantity: number): 0 | 1 {
	return quantity > 0 ? 1 : 0;
}

/** Plain number for files: `10`, `5.5`, `-2` (never `5.5000` or `1e-7`). */
export function formatQuantityPlain(value: number): string {
	const rounded = roundQuantity(value);
	if (Number.isInteger(rounded)) return String(rounded);
	return rounded.toFixed(4).replace(/0+$/, '');
}

const QUANTITY_PATTERN = /^[+-]?(\d+)(?:\.(\d*))?$|^[+-]?\.(\d+)$/;

export type QuantityParse =
	| { ok: true; value: number }
	| { ok: false; problem: 'empty' | 'comma' | 'not-a-number' | 'too-many-decimals' | 'out-of-range' };

/** Reads a quantity as a person typed it or a file holds it; trims surrounding spaces first. */
export function parseQuantity(raw: string): QuantityParse {
	const text = raw.trim();
	if (text === '') return { ok: false, problem: 'empty' };
	const match = QUANTITY_PATTERN.exec(text);
	if (!match) {
		return { ok: false, problem: /^[+-]?\d*,\d+$/.test(text) ? 'comma' : 'not-a-number' };
	}
	const decimals = match[2] ?? match[3] ?? '';
	if (decimals.replace(/0+$/, '').length > 4) return { ok: false, problem: 'too-many-decimals' };
	const value = roundQuantity(Number(text));
	if (!isQuantityInRange(value) || !Number.isFinite(value)) return { ok: false, problem: 'out-of-range' };
	return { ok: true, value };
}
