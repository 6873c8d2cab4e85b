import { describe, expect, it } from 'vitest';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('settings');

describe('default notify quantity', () => {
	it('saves a typed quantity and keeps it for the next start', async () => {
		const { engine, name } = openEngine();
		expect(value(await engine.saveDefaultNotifyQty(' 2.5 ')).defaultNotifyQty).toBe(2.5);
		expect(value(await engine.saveDefaultNotifyQty('0')).defaultNotifyQty).toBe(0);
		const again = openEngine(name);
		expect((await again.engine.getSettings()).defaultNotifyQty).toBe(0);
	});

	it('refuses what the quantity parser refuses, at the field, and keeps the old value', async () => {
		const { engine } = openEngine();
		value(await engine.saveDefaultNotifyQty('3'));
		for (const [typed, message] of [
			['1,5', 'Default notify quantity "1,5" is not a number (use a dot for decimals).'],
			['abc', 'Default notify quantity "abc" is not a number.'],
			['', 'Default notify quantity is empty.'],
			['1.23456', 'Default notify quantity "1.23456" has more than 4 decimal places.']
		]) {
			expect(await engine.saveDefaultNotifyQty(typed)).toEqual({
				ok: false,
				message,
				errors: [{ field: 'defaultNotifyQty', message }]
			});
		}
		expect((await engine.getSettings()).defaultNotifyQty).toBe(3);
	});
});
