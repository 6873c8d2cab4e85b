// Start with 1,000,000 source items stored, to the first grid row painted; and the peak heap.

import { longTasksBetween } from '../lib/browser.mjs';
import { keepProfile, waitForEngine } from '../lib/session.mjs';
import { loadAverage, log, mb, round, sleep } from '../lib/util.mjs';

/** Reloads the page and waits for the first grid row painted; returns the in-page figures. */
async function reloadToInteractive(page) {
	const wall0 = Date.now();
	await page.reload({ waitUntil: 'commit', timeout: 60_000 });
	const handle = await page.waitForFunction(() => window.__bench?.interactive, null, {
		timeout: 60_000,
		polling: 50
	});
	const interactive = await handle.jsonValue();
	await handle.dispose();
	const wallMs = Date.now() - wall0;
	// The same as a test would see it: a row of the Products table, visible.
	await page
		.getByRole('table', { name: 'Products' })
		.getByRole('row')
		.filter({ hasText: interactive.sku })
		.first()
		.waitFor({ state: 'visible', timeout: 10_000 });
	await waitForEngine(page, 10_000);
	return { ...interactive, wallMs };
}

/**
 * Start with the catalogue stored: a timed reload with no probe in the worker (attaching DevTools to
 * it and sampling its heap slowed the start by up to ~25 % here), then a reload with the heap probes
 * for the peak heap while the catalogue loads.
 */
async function run({ session, report, options, targets }) {
	const { products, startRuns: runs } = options;
	const items = `${(products * 5).toLocaleString('en-US')} items`;
	const { page, heap } = session;
	const r = report.phase('start');
	await sleep(1000); // let the seed's aftermath (grid refresh, GC) settle
	await session.quiet();
	r.loadAverage = loadAverage();
	r.runs = [];
	for (let run = 1; run <= runs; run++) {
		log(`Reloading with ${items} stored (${run} of ${runs}) …`);
		const timed = await reloadToInteractive(page);
		if (run === 1) await keepProfile(session, r, 'start');
		const nav = await page.evaluate(() => {
			const entry = performance.getEntriesByType('navigation')[0];
			return entry
				? { responseEnd: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd }
				: null;
		});
		const tasks = await longTasksBetween(page, 0, timed.painted);
		r.runs.push({
			firstRowSku: timed.sku,
			rowInDomMs: round(timed.inDom),
			interactiveMs: round(timed.painted),
			wallMs: timed.wallMs,
			navigation: nav && Object.fromEntries(Object.entries(nav).map(([k, v]) => [k, round(v)])),
			longestMainThreadTaskMs: round(tasks.longestMs)
		});
		log(`Interactive at ${round(timed.painted)} ms (first row ${timed.sku}).`);
		await sleep(1000);
	}
	const times = r.runs.map((run) => run.interactiveMs).sort((a, b) => a - b);
	r.interactiveMs = times[Math.floor(times.length / 2)];
	r.longestMainThreadTaskMs = Math.max(...r.runs.map((run) => run.longestMainThreadTaskMs));
	const of = runs > 1 ? `, median of ${runs}: ${times.join(' / ')} ms` : '';
	report.figure('start', `start to interactive grid (reload, ${items}${of})`, r.interactiveMs, 'ms', {
		limit: targets.startMs
	});
	report.figure(
		'start',
		'longest main-thread task (0 = none ≥ 50 ms) during start',
		r.longestMainThreadTaskMs,
		'ms'
	);

	if (!heap.enabled) {
		report.skip('start heap', 'heap not measured (--no-heap)');
		return;
	}
	await sleep(1000);
	await heap.attachWorkers(true);
	heap.reset();
	const stopPolling = heap.poll(200);
	let probed;
	try {
		log(`Reloading again, sampling the heap of the page and the worker …`);
		probed = await reloadToInteractive(page);
		await sleep(3000); // the heap just after start: indexes built, first query answered
	} finally {
		await stopPolling();
	}
	const peak = { ...heap.peak };
	const retained = await heap.retained();
	const pageMemory = await heap.pageMemory();
	Object.assign(r, {
		heapPeakMB: { page: mb(peak.page), worker: mb(peak.worker), total: mb(peak.total) },
		heapAfterGcMB: { page: mb(retained.page), worker: mb(retained.worker) },
		pagePerformanceMemoryMB: pageMemory ? mb(pageMemory.used) : null,
		heapSamples: heap.samples,
		workerHeapSamples: heap.workerSamples,
		interactiveWithProbesMs: round(probed.painted)
	});
	log(`Peak heap ${r.heapPeakMB.total} MB (worker ${r.heapPeakMB.worker} MB).`);
	report.figure('start', `peak JS heap, ${items} loaded (page + worker)`, r.heapPeakMB.total, 'MB', {
		limit: targets.heapMB
	});
	report.figure('start', '  of which worker', r.heapPeakMB.worker, 'MB');
	report.figure('start', '  of which page', r.heapPeakMB.page, 'MB');
	report.figure(
		'start',
		'JS heap after GC, catalogue loaded (page + worker)',
		mb((retained.page ?? 0) + (retained.worker ?? 0)),
		'MB'
	);
	report.figure('start', 'start to interactive with heap probes attached', r.interactiveWithProbesMs, 'ms');
	if (!heap.workerSupport || heap.workerSamples === 0) {
		report.note(
			'start',
			heap.workerNote ?? 'no sample of the worker heap was taken: the peak is the page only'
		);
	}
	await session.quiet();
}

export default {
	name: 'start',
	on: 'catalogue',
	about: 'reload to the first grid row, and the peak heap',
	run
};
