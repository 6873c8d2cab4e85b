import { describe, expect, it } from 'vitest';
import { clampCooldown, DEFAULT_COOLDOWN_MS, ScanCooldown } from './cooldown';

describe('ScanCooldown', () => {
	it('counts a code held in view once per period', () => {
		const cooldown = new ScanCooldown(1500);
		const counted = [0, 100, 200, 1400, 1499].filter((t) => cooldown.accept('036000291452', t));
		expect(counted).toEqual([0]);
		expect(cooldown.accept('036000291452', 1500)).toBe(true);
		expect(cooldown.accept('036000291452', 2000)).toBe(false);
	});

	it('lets another code through at once', () => {
		const cooldown = new ScanCooldown(1500);
		expect(cooldown.accept('A-1', 0)).toBe(true);
		expect(cooldown.accept('B-2', 10)).toBe(true);
		expect(cooldown.accept('A-1', 20)).toBe(false);
	});

	it('treats the UPC-A and EAN-13 readings of one label as one code', () => {
		const cooldown = new ScanCooldown(1500);
		expect(cooldown.accept('036000291452', 0)).toBe(true);
		expect(cooldown.accept('0036000291452', 50)).toBe(false);
	});

	it('still works after many different codes', () => {
		const cooldown = new ScanCooldown(1000);
		for (let i = 0; i < 200; i++) expect(cooldown.accept(`SKU-${i}`, i * 10)).toBe(true);
		expect(cooldown.accept('SKU-199', 2000)).toBe(false);
		expect(cooldown.accept('SKU-0', 2000)).toBe(true);
	});
});

describe('clampCooldown', () => {
	it('keeps the period within what a person can use', () => {
		expect(clampCooldown(0)).toBe(300);
		expect(clampCooldown(60_000)).toBe(10_000);
		expect(clampCooldown(Number.NaN)).toBe(DEFAULT_COOLDOWN_MS);
		expect(clampCooldown(1234.4)).toBe(1234);
	});
});
