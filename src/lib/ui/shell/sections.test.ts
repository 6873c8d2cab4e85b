import { describe, expect, it } from 'vitest';
import { MORE_SECTIONS, sectionOf } from './sections';

describe('sectionOf', () => {
	it('maps a page and its sub-pages to their section', () => {
		expect(sectionOf('/')?.label).toBe('Products');
		expect(sectionOf('/products/SKU-1')?.label).toBe('Products');
		expect(sectionOf('/labels')?.label).toBe('Products');
		expect(sectionOf('/sources')?.label).toBe('Sources');
		expect(sectionOf('/sources/wh-north')?.label).toBe('Sources');
		expect(sectionOf('/count')?.label).toBe('Stock take');
	});

	it('gives no section to a path no section owns', () => {
		expect(sectionOf('/no-such-page')).toBeNull();
		expect(sectionOf('/productsx')).toBeNull();
		expect(sectionOf('/sourcesx')).toBeNull();
	});

	it('keeps Sources, Magento, History and Settings behind More', () => {
		expect(MORE_SECTIONS.map((s) => s.label)).toEqual(['Sources', 'Magento', 'History', 'Settings']);
	});
});
