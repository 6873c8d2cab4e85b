// Transfer Inventory To Source for every product of the catalogue (what "Select all" selects).

import { longTasksBetween } from '../lib/browser.mjs';
import { keepProfile, waitForEngine } from '../lib/session.mjs';
import { loadAverage, log, mb, round, sleep, withTimeout } from '../lib/util.mjs';

async function runTransfer(page, selection, input) {
	const result = await withTimeout(
		page.evaluate(
			async ([selection, input]) => {
				const t0 = performance.now();
				const outcome = await window.stockroomEngine.transferInventory('bench-transfer', selection, input);
				const t1 = performance.now();
				return { t0, t1, outcome };
			},
			[selection, input]
		),
		120_000,
		'transferInventory'
	);
	if (result.outcome?.status !== 'done')
		throw new Error(`transferInventory failed: ${JSON.stringify(result.outcome)}`);
	return result;
}

/**
 * Transfer Inventory To Source for every product (the selection "Select all" makes): timed with no
 * probe in the worker; then, with the heap probes, the same transfer back (for the peak heap).
 */
async function run({ session, report, options, targets, app }) {
	const { products } = options;
	const ALL = app.ALL_PRODUCTS;
	const [origin, destination] = app.SAMPLE_SOURCES.map((s) => s.code);
	const { page, heap } = session;
	const r = report.phase('transfer');
	await waitForEngine(page);
	await session.quiet();
	await sleep(500);
	const selection = { mode: 'all', query: { ...ALL }, except: [] };
	const input = { origin, destination, unassignOrigin: false };
	Object.assign(r, { selection, input, loadAverage: loadAverage() });
	await keepProfile(session, {}, 'before-transfer');
	log(`Transferring ${products.toLocaleString()} products ${input.origin} → ${input.destination} …`);
	const result = await runTransfer(page, selection, input);
	await sleep(1000); // the grid's refresh after the change, for the long-task figure
	await keepProfile(session, r, 'transfer');
	const tasks = await longTasksBetween(page, result.t0, result.t1 + 1000);
	Object.assign(r, {
		ms: round(result.t1 - result.t0),
		message: result.outcome.message,
		counts: result.outcome.counts,
		longestMainThreadTaskMs: round(tasks.longestMs)
	});
	log(`Transferred in ${r.ms} ms: ${r.message}`);
	report.figure('transfer', `transfer ${products.toLocaleString()} products (select all)`, r.ms, 'ms', {
		limit: targets.transferMs
	});
	report.figure(
		'transfer',
		'longest main-thread task (0 = none ≥ 50 ms) during transfer',
		r.longestMainThreadTaskMs,
		'ms'
	);
	if (result.outcome.counts?.products !== undefined && result.outcome.counts.products !== products) {
		report.note('transfer', `transferred ${result.outcome.counts.products} products, expected ${products}`);
	}

	if (!heap.enabled) return;
	await heap.attachWorkers(true);
	await sleep(500);
	heap.reset();
	const stopPolling = heap.poll(250);
	const back = { origin: input.destination, destination: input.origin, unassignOrigin: false };
	let again;
	try {
		log('Transferring back, sampling the heap …');
		again = await runTransfer(page, selection, back);
		await sleep(500);
	} finally {
		await stopPolling();
	}
	r.back = {
		input: back,
		ms: round(again.t1 - again.t0),
		heapPeakMB: { page: mb(heap.peak.page), worker: mb(heap.peak.worker), total: mb(heap.peak.total) },
		workerHeapSamples: heap.workerSamples
	};
	report.figure(
		'transfer',
		'peak JS heap during a transfer (back, probes on)',
		r.back.heapPeakMB.total,
		'MB'
	);
	await session.quiet();
}

export default { name: 'transfer', on: 'catalogue', about: 'transfer every product to another source', run };
