// The catalogue most scenarios run on: 200,000 sample products × 5 sources = 1,000,000 source items,
// seeded once into an on-disk profile (so IndexedDB is written and read back as on a device).

import { longTasksBetween } from './browser.mjs';
import { keepProfile, waitForEngine } from './session.mjs';
import { loadAverage, log, round, withTimeout } from './util.mjs';

/** Opens the app, seeds it, and measures the seed. Leaves the page on / with the grid shown. */
export async function seed(session, report, { products, baseUrl, app }) {
	const { page } = session;
	const r = report.phase('seed');
	await page.goto(baseUrl + '/', { timeout: 60_000 });
	await waitForEngine(page);
	await session.quiet();
	await keepProfile(session, {}, 'before-seed');
	log(`Seeding ${products.toLocaleString()} products × 5 sources …`);
	r.loadAverage = loadAverage();
	const seeded = await withTimeout(
		page.evaluate(
			async ([count, all, sources]) => {
				const before = await window.stockroomEngine.queryProducts(all, 0, 1);
				const t0 = performance.now();
				const added = await window.stockroomEngine.addSampleData(count, sources);
				const t1 = performance.now();
				const after = await window.stockroomEngine.queryProducts(all, 0, 1);
				const items = (await window.stockroomEngine.sourceUsage()).reduce((sum, s) => sum + s.items, 0);
				return { before: before.catalogue, added, t0, t1, catalogue: after.catalogue, items };
			},
			[products, app.ALL_PRODUCTS, app.SAMPLE_SOURCES.length]
		),
		300_000,
		'addSampleData'
	);
	await keepProfile(session, r, 'seed');
	if (seeded.before !== 0) throw new Error(`the profile was not empty (${seeded.before} products)`);
	const tasks = await longTasksBetween(page, seeded.t0, seeded.t1);
	Object.assign(r, {
		products: seeded.catalogue,
		sourceItems: seeded.items,
		ms: round(seeded.t1 - seeded.t0),
		longestMainThreadTaskMs: round(tasks.longestMs)
	});
	log(`Seeded ${seeded.items.toLocaleString()} source items in ${r.ms} ms.`);
	report.figure('seed', `seed ${seeded.items.toLocaleString()} source items (addSampleData)`, r.ms, 'ms');
	if (seeded.items !== products * 5) {
		throw new Error(`expected ${products * 5} source items after the seed, found ${seeded.items}`);
	}
	// Let the page show the new catalogue before the reload, as a user would see it.
	await page
		.getByRole('table', { name: 'Products' })
		.locator('tbody tr a')
		.first()
		.waitFor({ timeout: 60_000 });
}
