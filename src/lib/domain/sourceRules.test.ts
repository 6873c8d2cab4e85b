import { describe, expect, it } from 'vitest';
import { coordinateFromText, isSingleSourceMode, sourceDeletionBlocker, validateSource } from './sourceRules';
import { defaultSource, newSource, type Source } from './types';

const stored: Source[] = [defaultSource(), newSource('eu-1', 'EU 1')];

function errorsOf(draft: Source, original: string | null = null, sources = stored) {
	return validateSource(draft, sources, original);
}

describe('validateSource: code', () => {
	it('accepts a new source with a fresh code and name', () => {
		expect(errorsOf(newSource('eu-2', 'EU 2'))).toEqual([]);
	});

	it('refuses an empty code', () => {
		expect(errorsOf(newSource('', 'Somewhere'))).toEqual([
			{ field: 'code', message: 'Source code can not be empty.' }
		]);
	});

	it.each(['eu 2', ' eu-2', 'eu-2\t', 'eu\n2', 'eu\u00a02'])('refuses whitespace in %j', (code) => {
		expect(errorsOf(newSource(code, 'Somewhere'))).toEqual([
			{ field: 'code', message: 'Source code can not contain whitespace.' }
		]);
	});

	it('refuses a code that exists already, ignoring case, quoting the code as typed', () => {
		expect(errorsOf(newSource('EU-1', 'Elsewhere'))).toEqual([
			{ field: 'code', message: 'A source with code "EU-1" already exists.' }
		]);
		expect(errorsOf(newSource('Default', 'Elsewhere'))).toEqual([
			{ field: 'code', message: 'A source with code "Default" already exists.' }
		]);
	});

	it('allows 255 characters and refuses 256', () => {
		expect(errorsOf(newSource('c'.repeat(255), 'Long'))).toEqual([]);
		expect(errorsOf(newSource('c'.repeat(256), 'Long'))).toEqual([
			{ field: 'code', message: 'Source code can not be longer than 255 characters.' }
		]);
	});

	it('keeps the code immutable once created', () => {
		expect(errorsOf(newSource('eu-9', 'EU 1'), 'eu-1')).toEqual([
			{ field: 'code', message: 'Source code can not be changed once created.' }
		]);
		expect(errorsOf(newSource('EU-1', 'EU 1'), 'eu-1')).toEqual([
			{ field: 'code', message: 'Source code can not be changed once created.' }
		]);
	});

	it('lets a source be saved unchanged, or renamed, without clashing with itself', () => {
		expect(errorsOf(newSource('eu-1', 'EU 1'), 'eu-1')).toEqual([]);
		expect(errorsOf(newSource('eu-1', 'eu 1'), 'eu-1')).toEqual([]);
		expect(errorsOf({ ...defaultSource(), name: 'Main Warehouse' }, 'default')).toEqual([]);
	});
});

describe('validateSource: name', () => {
	it('refuses an empty or blank name', () => {
		const expected = [{ field: 'name', message: 'Source name can not be empty.' }];
		expect(errorsOf(newSource('eu-2', ''))).toEqual(expected);
		expect(errorsOf(newSource('eu-2', '   '))).toEqual(expected);
	});

	it('refuses a name that exists already, ignoring case and surrounding spaces', () => {
		expect(errorsOf(newSource('eu-2', 'eu 1'))).toEqual([
			{ field: 'name', message: 'A source named "eu 1" already exists.' }
		]);
		expect(errorsOf(newSource('eu-2', '  EU 1 '))).toEqual([
			{ field: 'name', message: 'A source named "EU 1" already exists.' }
		]);
		expect(errorsOf(newSource('eu-1', 'Default source'), 'eu-1')).toEqual([
			{ field: 'name', message: 'A source named "Default source" already exists.' }
		]);
	});

	it('reports a code and a name problem together', () => {
		expect(errorsOf(newSource('', '')).map((e) => e.field)).toEqual(['code', 'name']);
	});
});

describe('validateSource: other fields', () => {
	it('never lets the default source be disabled', () => {
		expect(errorsOf({ ...defaultSource(), enabled: false }, 'default')).toEqual([
			{ field: 'enabled', message: 'Default source can not be disabled.' }
		]);
		expect(errorsOf({ ...newSource('eu-1', 'EU 1'), enabled: false }, 'eu-1')).toEqual([]);
	});

	it('allows a description of 1000 characters and refuses 1001', () => {
		const draft = newSource('eu-2', 'EU 2');
		expect(errorsOf({ ...draft, description: 'd'.repeat(1000) })).toEqual([]);
		expect(errorsOf({ ...draft, description: 'd'.repeat(1001) })).toEqual([
			{ field: 'description', message: 'Description can not be longer than 1000 characters.' }
		]);
	});

	it('takes an ISO 3166-1 alpha-2 country code or none', () => {
		const draft = newSource('eu-2', 'EU 2');
		for (const country of ['DE', 'GB', 'CI', 'ZW', '']) expect(errorsOf({ ...draft, country })).toEqual([]);
		for (const country of ['DEU', 'D', 'D1', 'XX', 'XK', 'UK']) {
			expect(errorsOf({ ...draft, country })).toEqual([
				{
					field: 'country',
					message: `Country "${country}" is not an ISO 3166-1 alpha-2 country code. Choose the country from the list.`
				}
			]);
		}
	});

	it('refuses a country name or a lower-case code and says which code was meant', () => {
		const draft = newSource('eu-2', 'EU 2');
		expect(errorsOf({ ...draft, country: 'Germany' })).toEqual([
			{
				field: 'country',
				message: 'Country "Germany" is not an ISO 3166-1 alpha-2 country code. Did you mean DE (Germany)?'
			}
		]);
		expect(errorsOf({ ...draft, country: 'de' })[0].message).toContain('Did you mean DE (Germany)?');
	});

	it('checks an email address when one is given', () => {
		const draft = newSource('eu-2', 'EU 2');
		expect(errorsOf({ ...draft, email: 'ops@example.com' })).toEqual([]);
		expect(errorsOf({ ...draft, email: 'ops@example' })).toEqual([
			{ field: 'email', message: 'Email "ops@example" is not a valid address.' }
		]);
	});

	it('takes latitudes from -90 to 90 and longitudes from -180 to 180', () => {
		const draft = newSource('eu-2', 'EU 2');
		for (const [latitude, longitude] of [
			[90, 180],
			[-90, -180],
			[0, 0],
			[53.55, 9.99]
		]) {
			expect(errorsOf({ ...draft, latitude, longitude })).toEqual([]);
		}
		const latitudeError = { field: 'latitude', message: 'Latitude must be between -90 and 90.' };
		const longitudeError = { field: 'longitude', message: 'Longitude must be between -180 and 180.' };
		expect(errorsOf({ ...draft, latitude: 90.0001 })).toEqual([latitudeError]);
		expect(errorsOf({ ...draft, latitude: -91 })).toEqual([latitudeError]);
		expect(errorsOf({ ...draft, longitude: 180.5 })).toEqual([longitudeError]);
		expect(errorsOf({ ...draft, longitude: -181 })).toEqual([longitudeError]);
		expect(errorsOf({ ...draft, latitude: 100, longitude: 200 })).toEqual([latitudeError, longitudeError]);
	});

	it('says a coordinate that is not a number is not a number, not out of range', () => {
		const draft = newSource('eu-2', 'EU 2');
		const latitude = coordinateFromText('abc');
		const longitude = coordinateFromText('9,99');
		expect(errorsOf({ ...draft, latitude, longitude })).toEqual([
			{ field: 'latitude', message: 'Latitude is not a number (use a dot for decimals, such as 53.55).' },
			{ field: 'longitude', message: 'Longitude is not a number (use a dot for decimals, such as 53.55).' }
		]);
	});
});

describe('coordinateFromText', () => {
	it('reads empty as none and plain decimals as numbers', () => {
		expect(coordinateFromText('  ')).toBeNull();
		expect(coordinateFromText(' 53.55 ')).toBe(53.55);
		expect(coordinateFromText('-9.')).toBe(-9);
		expect(coordinateFromText('.5')).toBe(0.5);
	});

	it('gives NaN for anything else, also what Number() would take', () => {
		for (const text of ['abc', '1,5', '0x1F', '1e2', 'Infinity', '--1']) {
			expect(coordinateFromText(text)).toBeNaN();
		}
	});
});

describe('sourceDeletionBlocker', () => {
	it('never lets the default source go', () => {
		expect(sourceDeletionBlocker(defaultSource(), 0)).toBe('The default source can not be deleted.');
	});

	it('tells the user to unassign or transfer stock first', () => {
		// Named as people know it, not by its code.
		expect(sourceDeletionBlocker(stored[1], 1)).toBe(
			'EU 1 still holds 1 source item. Unassign or transfer its stock first.'
		);
		expect(sourceDeletionBlocker(stored[1], 3)).toBe(
			'EU 1 still holds 3 source items. Unassign or transfer its stock first.'
		);
	});

	it('lets an unused source go', () => {
		expect(sourceDeletionBlocker(stored[1], 0)).toBeNull();
	});
});

describe('isSingleSourceMode', () => {
	const disabled = (code: string) => ({ ...newSource(code, code.toUpperCase()), enabled: false });

	it('follows the number of enabled sources, not of all sources', () => {
		expect(isSingleSourceMode([defaultSource()])).toBe(true);
		expect(isSingleSourceMode([defaultSource(), disabled('eu-1'), disabled('eu-2')])).toBe(true);
		expect(isSingleSourceMode([defaultSource(), newSource('eu-1', 'EU 1')])).toBe(false);
		expect(isSingleSourceMode([defaultSource(), newSource('eu-1', 'EU 1'), disabled('eu-2')])).toBe(false);
		expect(isSingleSourceMode([])).toBe(true);
	});
});
