import { describe, expect, it } from 'vitest';
import { ALL_PRODUCTS } from '$lib/domain/productQuery';
import { paramsFromQuery, queryFromParams, urlWithQuery } from './gridUrl';

describe('the grid query in the URL', () => {
	it('round-trips every field', () => {
		const query = {
			search: 'duffle bag',
			source: 'wh-north',
			stock: 'low',
			sort: 'total',
			descending: true
		} as const;
		expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
		expect(paramsFromQuery(query).toString()).toBe(
			'q=duffle+bag&source=wh-north&stock=low&sort=total&desc=1'
		);
	});

	it('writes nothing for the default query, so the plain page keeps its plain URL', () => {
		expect(paramsFromQuery(ALL_PRODUCTS).toString()).toBe('');
		expect(urlWithQuery(new URL('http://x/?q=a'), ALL_PRODUCTS).href).toBe('http://x/');
	});

	it('falls back to the default for values a hand-made link may hold', () => {
		expect(queryFromParams(new URLSearchParams('stock=some&sort=price&desc=yes&source='))).toEqual(
			ALL_PRODUCTS
		);
	});
});
