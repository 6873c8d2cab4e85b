import { describe, expect, it } from 'vitest';
import {
	addQuantities,
	deriveStatus,
	formatQuantityPlain,
	isQuantityInRange,
	MAX_QUANTITY,
	parseQuantity,
	roundQuantity
} from './quantity';

describe('parseQuantity', () => {
	it.each([
		['10', 10],
		['5.5', 5.5],
		['5.5000', 5.5],
		['.5', 0.5],
		['-.5', -0.5],
		['+3', 3],
		['-2', -2],
		['7.', 7],
		['0.0001', 0.0001],
		['1.23450', 1.2345],
		['  42  ', 42],
		['\t12.25\n', 12.25],
		['99999999.9999', 99_999_999.9999],
		['-99999999.9999', -99_999_999.9999],
		['007', 7]
	])('reads %j as %d', (raw, value) => {
		expect(parseQuantity(raw)).toEqual({ ok: true, value });
	});

	it('never returns negative zero', () => {
		const parsed = parseQuantity('-0');
		expect(parsed.ok).toBe(true);
		expect(Object.is((parsed as { value: number }).value, 0)).toBe(true);
		expect(Object.is((parseQuantity('-0.0000') as { value: number }).value, 0)).toBe(true);
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['5,5', 'comma'],
		['-1,25', 'comma'],
		[',5', 'comma'],
		['abc', 'not-a-number'],
		['5 5', 'not-a-number'],
		['1e3', 'not-a-number'],
		['0x10', 'not-a-number'],
		['Infinity', 'not-a-number'],
		['NaN', 'not-a-number'],
		['--5', 'not-a-number'],
		['.', 'not-a-number'],
		['-', 'not-a-number'],
		['5.5.5', 'not-a-number'],
		['1.23456', 'too-many-decimals'],
		['0.00001', 'too-many-decimals'],
		['99999999.99999', 'too-many-decimals'],
		['100000000', 'out-of-range'],
		['-100000000', 'out-of-range'],
		['100000000.0000', 'out-of-range'],
		['9'.repeat(400), 'out-of-range']
	])('refuses %j as %s', (raw, problem) => {
		expect(parseQuantity(raw)).toEqual({ ok: false, problem });
	});

	it('lets trailing zeros beyond the fourth place pass, since they change nothing', () => {
		expect(parseQuantity('2.50000000')).toEqual({ ok: true, value: 2.5 });
	});
});

describe('formatQuantityPlain', () => {
	it.each([
		[10, '10'],
		[5.5, '5.5'],
		[-2, '-2'],
		[0, '0'],
		[-0, '0'],
		[0.0001, '0.0001'],
		[1e-7, '0'],
		[-1e-7, '0'],
		[1.23456, '1.2346'],
		[99_999_999.9999, '99999999.9999'],
		[-12.05, '-12.05'],
		[0.1 + 0.2, '0.3']
	])('writes %d as %j', (value, text) => {
		expect(formatQuantityPlain(value)).toBe(text);
	});

	it('never writes an exponent or padded zeros', () => {
		for (const value of [1e-5, 2.5e-4, 12_345_678.9, 1e8 - 0.0001, 0.5]) {
			const text = formatQuantityPlain(value);
			expect(text).not.toMatch(/e/i);
			expect(text).not.toMatch(/\.\d*0$/);
		}
	});

	it('round-trips through parseQuantity', () => {
		for (const value of [0, 1, -1, 0.0001, 3.1415, -99_999_999.9999, 42.5]) {
			expect(parseQuantity(formatQuantityPlain(value))).toEqual({ ok: true, value });
		}
	});
});

describe('roundQuantity and addQuantities', () => {
	it('adds 0.1 and 0.2 to exactly 0.3', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(addQuantities(0.1, 0.2)).toBe(0.3);
	});

	it('keeps four decimal places and rounds half away from zero on the grid', () => {
		expect(roundQuantity(1.00004)).toBe(1);
		expect(roundQuantity(1.00006)).toBe(1.0001);
		expect(roundQuantity(2.5)).toBe(2.5);
		expect(addQuantities(1.1111, 2.2222)).toBe(3.3333);
		expect(addQuantities(10, -10.0001)).toBe(-0.0001);
	});

	it('gives zero, not negative zero, when a sum cancels out', () => {
		expect(Object.is(addQuantities(0.3, -0.1 - 0.2), 0)).toBe(true);
		expect(Object.is(roundQuantity(-0.00001), 0)).toBe(true);
	});
});

describe('range and derived status', () => {
	it('accepts the limits and nothing beyond', () => {
		expect(isQuantityInRange(MAX_QUANTITY)).toBe(true);
		expect(isQuantityInRange(-MAX_QUANTITY)).toBe(true);
		expect(isQuantityInRange(100_000_000)).toBe(false);
		expect(isQuantityInRange(-100_000_000)).toBe(false);
	});

	it('derives in stock only for a positive quantity', () => {
		expect(deriveStatus(0.0001)).toBe(1);
		expect(deriveStatus(0)).toBe(0);
		expect(deriveStatus(-3)).toBe(0);
	});
});
