// A scan in a stock take over the catalogue: the SKU typed into the scan field and Enter pressed, timed
// on the page's clock until the counted line and its status are painted. The count is opened by its
// address (`/count?count=<id>`), as a reload would.

import { keepProfile, waitForEngine } from '../lib/session.mjs';
import { loadAverage, log, round, sleep, withTimeout } from '../lib/util.mjs';

const SCANS = 12;

async function run({ session, report, options, targets, app, baseUrl }) {
	const { page } = session;
	const r = report.phase('scan');
	await waitForEngine(page);
	const opened = await page.evaluate(
		(source) =>
			window.stockroomEngine.newCount({
				source,
				blind: false,
				narrowing: { skuPrefix: '', onlyAtSource: false }
			}),
		app.DEFAULT_SOURCE_CODE
	);
	if (!opened.ok) throw new Error(`newCount failed: ${opened.message}`);
	const id = opened.value.count.id;
	await page.goto(`${baseUrl}/count?count=${encodeURIComponent(id)}`, { timeout: 60_000 });
	const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	await field.waitFor({ timeout: 60_000 });
	await waitForEngine(page);
	await session.quiet();
	await sleep(500);
	r.loadAverage = loadAverage();
	await keepProfile(session, {}, 'before-scan');
	// SKUs spread over the catalogue; each is scanned once, so every scan creates its line.
	const width = Math.max(4, String(options.products).length);
	const skus = Array.from(
		{ length: SCANS },
		(_, i) => `SAMPLE-${String(1 + Math.floor(((i + 0.5) * options.products) / SCANS)).padStart(width, '0')}`
	);
	log(`Scanning ${SCANS} SKUs into a count …`);
	r.scans = [];
	for (const sku of skus) {
		const ms = await withTimeout(page.evaluate(scanOnce, sku), 30_000, `scan of ${sku}`);
		r.scans.push({ sku, ms: round(ms, 1) });
		await sleep(150); // a person scans a few per second at most
	}
	await keepProfile(session, r, 'scan');
	const times = r.scans.map((s) => s.ms).sort((a, b) => a - b);
	r.medianMs = times[Math.floor(times.length / 2)];
	r.slowestMs = times.at(-1);
	log(`Scan counted and shown: median ${r.medianMs} ms, slowest ${r.slowestMs} ms.`);
	report.figure('scan', `scan counted and shown (median of ${SCANS})`, r.medianMs, 'ms', {
		limit: targets.scanMs
	});
	report.figure('scan', `scan counted and shown, slowest of ${SCANS}`, r.slowestMs, 'ms');
	await page.evaluate((id) => window.stockroomEngine.discardCount(id), id).catch(() => {});
}

/** In the page: types `sku`, submits the scan form, and waits for its line and status to be painted. */
function scanOnce(sku) {
	const field = [...document.querySelectorAll('input')].find(
		(input) => input.labels?.[0]?.textContent.trim() === 'Scan or type SKU or barcode'
	);
	if (!field) throw new Error('no scan field on the page');
	field.value = sku;
	field.dispatchEvent(new Event('input', { bubbles: true }));
	const t0 = performance.now();
	field.form.requestSubmit();
	return new Promise((resolve, reject) => {
		const shown = () => {
			const status = document.querySelector('[role="status"]')?.textContent ?? '';
			const row = [...document.querySelectorAll('table[aria-label="Counted"] tbody tr')].some((tr) =>
				tr.textContent.includes(sku)
			);
			return row && status.includes(`${sku}: `);
		};
		const check = () => {
			if (shown()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
			else if (performance.now() - t0 > 20_000) reject(new Error(`${sku} was not shown as counted`));
			else requestAnimationFrame(check);
		};
		check();
	});
}

export default {
	name: 'scan',
	on: 'catalogue',
	about: 'type a SKU + Enter in a count until its line shows',
	run
};
