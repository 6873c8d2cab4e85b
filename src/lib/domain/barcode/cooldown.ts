// A camera sees the same code in many frames a second. The cooldown lets each code through at most
// once per period, so a code held in view counts once, and holding it longer than the period counts it
// again (as a handheld scanner's repeat would). Codes are compared by their barcode key, so the UPC-A and
// EAN-13 readings of one label share a cooldown.

import { barcodeKey } from './gtin';

export const DEFAULT_COOLDOWN_MS = 1500;
export const MIN_COOLDOWN_MS = 300;
export const MAX_COOLDOWN_MS = 10_000;

export class ScanCooldown {
	readonly #lastAccepted = new Map<string, number>();
	readonly periodMs: number;

	constructor(periodMs: number = DEFAULT_COOLDOWN_MS) {
		this.periodMs = clampCooldown(periodMs);
	}

	/** True when `code` seen at `now` (ms) should count; false while it is cooling down. */
	accept(code: string, now: number): boolean {
		const key = barcodeKey(code);
		const last = this.#lastAccepted.get(key);
		if (last !== undefined && now - last < this.periodMs) return false;
		this.#lastAccepted.set(key, now);
		// Forget codes long out of use, so a long count does not keep every code it ever saw.
		if (this.#lastAccepted.size > 64) {
			for (const [seen, at] of this.#lastAccepted)
				if (now - at >= this.periodMs) this.#lastAccepted.delete(seen);
		}
		return true;
	}
}

/** A stored or typed cooldown, within the range a person can use (not 0: every frame would count). */
export function clampCooldown(ms: number): number {
	if (!Number.isFinite(ms)) return DEFAULT_COOLDOWN_MS;
	return Math.min(MAX_COOLDOWN_MS, Math.max(MIN_COOLDOWN_MS, Math.round(ms)));
}
