// Shared steps for end-to-end tests: wait for the engine, seed data through it (not the UI).
import type { Page } from '@playwright/test';

export async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await page.waitForFunction(() => 'stockroomEngine' in window);
}

/** Seeds `count` sample products on the default source plus `sources` sample sources. */
export async function seedSample(page: Page, count: number, sources = 4) {
	await page.evaluate(
		([count, sources]) =>
			(
				window as unknown as { stockroomEngine: { addSampleData(c: number, s: number): Promise<number> } }
			).stockroomEngine.addSampleData(count, sources),
		[count, sources] as const
	);
}
