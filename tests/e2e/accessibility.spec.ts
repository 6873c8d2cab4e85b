import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, seedSample } from './helpers';

const PAGES = [
	'/',
	'/sources',
	'/sources/default',
	'/products/SAMPLE-0001',
	'/import',
	'/export',
	'/count',
	'/history',
	'/settings',
	'/labels?sku=SAMPLE-0001',
	'/magento'
];

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 768, height: 1024 }
]) {
	test(`no serious or critical accessibility violation at ${viewport.width}×${viewport.height}`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize(viewport);
		await openApp(page);
		await seedSample(page, 20, 4);
		const problems: string[] = [];
		for (const path of PAGES) {
			await page.goto(path);
			await page.getByRole('heading', { level: 1 }).first().waitFor();
			await page.waitForTimeout(300);
			const results = await new AxeBuilder({ page }).analyze();
			for (const violation of results.violations) {
				if (violation.impact === 'serious' || violation.impact === 'critical') {
					problems.push(`${path}: ${violation.id} (${violation.nodes.length}) ${violation.help}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
}
