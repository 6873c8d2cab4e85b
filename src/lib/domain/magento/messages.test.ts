import { describe, expect, it } from 'vitest';
import { maskToken, parseConnection, restBase } from './connection';
import { fillPlaceholders, inputLimit, magentoMessage, missingResource } from './messages';

describe("Magento's messages", () => {
	it('fill named and numbered placeholders, and leave unknown ones', () => {
		expect(
			fillPlaceholders("The consumer isn't authorized to access %resources.", {
				resources: 'Magento_InventoryApi::source'
			})
		).toBe("The consumer isn't authorized to access Magento_InventoryApi::source.");
		expect(fillPlaceholders('Report ID: %1 on %2', ['webapi-1', 'node-2'])).toBe(
			'Report ID: webapi-1 on node-2'
		);
		expect(fillPlaceholders('Only %max of %what', { max: 20 })).toBe('Only 20 of %what');
	});

	it('add the validation errors of the body', () => {
		expect(
			magentoMessage({
				message: 'Validation Failed',
				errors: [{ message: '"%field" can not be empty.', parameters: { field: 'sku' } }]
			})
		).toBe('Validation Failed ("sku" can not be empty.)');
	});

	it('read the maximum of an input-limits refusal, and the resource of a 401', () => {
		expect(
			inputLimit({ message: 'Maximum items of type "%type" is %max', parameters: { type: 'X', max: 20 } })
		).toBe(20);
		expect(inputLimit({ message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } })).toBe(
			300
		);
		expect(inputLimit({ message: 'Could not save Source Item' })).toBeNull();
		expect(missingResource({ message: '', parameters: { resources: 'Magento_Catalog::products' } })).toBe(
			'Magento_Catalog::products'
		);
	});
});

describe('connection form', () => {
	it('wants https, except for this machine', () => {
		expect(parseConnection('https://shop.example.com/', ' t0k ', '')).toEqual({
			ok: true,
			connection: { url: 'https://shop.example.com', token: 't0k', storeCode: 'default' }
		});
		expect(parseConnection('http://127.0.0.1:8080', 't', 'de')).toMatchObject({
			ok: true,
			connection: { url: 'http://127.0.0.1:8080' }
		});
		expect(parseConnection('http://localhost', 't', '')).toMatchObject({ ok: true });
		expect(parseConnection('http://shop.example.com', 't', '')).toMatchObject({ ok: false, field: 'url' });
		expect(parseConnection('shop', 't', '')).toEqual({
			ok: false,
			field: 'url',
			message: '"shop" is not a web address, e.g. https://shop.example.com.'
		});
		expect(parseConnection('https://shop.example.com', '', '')).toMatchObject({ ok: false, field: 'token' });
		expect(parseConnection('https://shop.example.com', 't', 'de-1')).toMatchObject({
			ok: false,
			field: 'storeCode'
		});
	});

	it('builds the REST base and masks the token', () => {
		expect(restBase({ url: 'https://shop.example.com/magento', storeCode: 'default' })).toBe(
			'https://shop.example.com/magento/rest/default/V1'
		);
		expect(maskToken('abcdefgh1234')).toBe('••••••••1234');
	});
});
