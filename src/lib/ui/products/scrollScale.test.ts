import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, scrollLayout } from './scrollScale';

describe('scrollLayout', () => {
	it('maps scroll one to one while the list fits under the cap', () => {
		expect(scrollLayout(100, 48, 480, 0)).toEqual({ height: 4800, first: 0, shift: 0 });
		expect(scrollLayout(100, 48, 480, 100)).toEqual({ height: 4800, first: 2, shift: 4 });
	});

	it('caps the height of a million rows and still reaches the last row', () => {
		const viewport = 800;
		const layout = scrollLayout(1_000_000, 48, viewport, MAX_SCROLL_HEIGHT - viewport);
		expect(layout.height).toBe(MAX_SCROLL_HEIGHT);
		const visible = Math.ceil(viewport / 48);
		expect(layout.first + visible).toBeGreaterThanOrEqual(1_000_000);
		expect(layout.first).toBeLessThan(1_000_000);
	});

	it('reaches the middle of a million rows at the middle of the scroll range', () => {
		const layout = scrollLayout(1_000_000, 48, 800, (MAX_SCROLL_HEIGHT - 800) / 2);
		expect(layout.first).toBeGreaterThan(499_000);
		expect(layout.first).toBeLessThan(501_000);
	});
});
