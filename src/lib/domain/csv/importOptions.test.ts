import { describe, expect, it } from 'vitest';
import { readAllowedErrors } from './importOptions';

describe('readAllowedErrors', () => {
	it.each([
		['0', 0],
		[' 10 ', 10],
		['250', 250]
	])('reads %j as %d', (typed, value) => {
		expect(readAllowedErrors(typed)).toEqual({ ok: true, value });
	});

	it.each(['-3', '2.5', '1,5', 'abc', '1e3', '+4'])(
		'refuses %j as not a whole number of 0 or more',
		(typed) => {
			expect(readAllowedErrors(typed)).toEqual({
				ok: false,
				message: `Allowed errors count "${typed}" must be a whole number of 0 or more.`
			});
		}
	);

	it('refuses an empty count instead of falling back to the default', () => {
		expect(readAllowedErrors('  ')).toEqual({ ok: false, message: 'Allowed errors count is empty.' });
	});
});
