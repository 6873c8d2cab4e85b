import { describe, expect, it } from 'vitest';
import { KEEP_DAYS, KEEP_OPERATIONS, operationsToPrune } from './history';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 22, 12, 0, 0);

/** Operations 1..count, the newest (highest id) `newestAgeDays` old, each one a day older than the next. */
function operations(count: number, newestAgeDays: number, stepDays = 1) {
	return Array.from({ length: count }, (_, i) => ({
		id: i + 1,
		at: now - (newestAgeDays + (count - 1 - i) * stepDays) * DAY
	}));
}

describe('operationsToPrune', () => {
	it('keeps the last 100 operations and 30 days', () => {
		expect(KEEP_OPERATIONS).toBe(100);
		expect(KEEP_DAYS).toBe(30);
	});

	it('keeps everything while there are no more than 100 operations, however old', () => {
		expect(operationsToPrune(operations(100, 400), now)).toEqual([]);
		expect(operationsToPrune([], now)).toEqual([]);
	});

	it('prunes only operations beyond the last 100 that are older than 30 days', () => {
		// 150 operations, the newest 40 days old: all are old, so the oldest 50 go.
		const pruned = operationsToPrune(operations(150, 40), now);
		expect(pruned.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
	});

	it('keeps more than 100 when more than 100 are from the last 30 days', () => {
		// 300 operations, ten an hour up to now: all within 30 days, so none go.
		const recent = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, at: now - (300 - i) * 360_000 }));
		expect(operationsToPrune(recent, now)).toEqual([]);
	});

	it('keeps every operation of the last 30 days even beyond 100, and prunes only older ones', () => {
		// 130 operations over the last 26 days (one every 4.8 hours), then 20 older than 30 days.
		const ops = [
			...Array.from({ length: 20 }, (_, i) => ({ id: i + 1, at: now - (31 + i) * DAY })),
			...Array.from({ length: 130 }, (_, i) => ({ id: i + 21, at: now - (130 - i) * 0.2 * DAY }))
		];
		expect(operationsToPrune(ops, now).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 20 }, (_, i) => i + 1)
		);
	});

	it('keeps an operation exactly 30 days old', () => {
		const ops = [...operations(100, 0, 0), { id: 0, at: now - 30 * DAY }, { id: -1, at: now - 30 * DAY - 1 }];
		expect(operationsToPrune(ops, now)).toEqual([-1]);
	});

	it('counts by id, not by the order it is given', () => {
		const shuffled = operations(105, 31).reverse();
		expect(operationsToPrune(shuffled, now).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
	});

	it('keeps an old operation that is among the last 100 even when newer ones are recent', () => {
		// 100 recent and 20 old ones, the old ones with the lowest ids: only those 20 can go.
		const ops = [
			...Array.from({ length: 20 }, (_, i) => ({ id: i + 1, at: now - 60 * DAY })),
			...Array.from({ length: 100 }, (_, i) => ({ id: i + 21, at: now - DAY }))
		];
		expect(operationsToPrune(ops, now).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 20 }, (_, i) => i + 1)
		);
		// With only 90 recent ones, the 10 newest old ones fill the 100 and stay.
		const fewer = ops.slice(0, 110);
		expect(operationsToPrune(fewer, now).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 10 }, (_, i) => i + 1)
		);
	});
});
