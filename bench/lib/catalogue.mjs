// Phases over the seeded catalogue (200,000 products × 5 sources = 1,000,000 source items), in one
// on-disk profile: seed, start-to-interactive and heap (issue 2), queries and scrolling (issue 2),
// transfer of every product (issue 4).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeapMonitor, longTasksBetween, profileSummary } from './browser.mjs';
import { loadAverage, log, mb, round, sleep, withTimeout } from './util.mjs';

const ALL = { search: '', source: null, stock: 'any', sort: 'sku', descending: false };

async function waitForEngine(page, timeout = 60_000) {
	const handle = await page.waitForFunction(() => window.stockroomEngine, null, { timeout, polling: 50 });
	await handle.dispose();
}

/** Opens the app, seeds it, and measures the seed. Leaves the page on / with the grid shown. */
export async function seed(session, report, { products, baseUrl }) {
	const { page } = session;
	const r = report.phase('seed');
	await page.goto(baseUrl + '/', { timeout: 60_000 });
	await waitForEngine(page);
	await session.quiet();
	await keepProfile(session, {}, 'before-seed');
	log(`Seeding ${products.toLocaleString()} products × 5 sources …`);
	r.loadAverage = loadAverage();
	const seeded = await withTimeout(
		page.evaluate(async (count) => {
			const all = { search: '', source: null, stock: 'any', sort: 'sku', descending: false };
			const before = await window.stockroomEngine.queryProducts(all, 0, 1);
			const t0 = performance.now();
			const added = await window.stockroomEngine.addSampleData(count, 4);
			const t1 = performance.now();
			const after = await window.stockroomEngine.queryProducts(all, 0, 1);
			const items = (await window.stockroomEngine.sourceUsage()).reduce((sum, s) => sum + s.items, 0);
			return { before: before.catalogue, added, t0, t1, catalogue: after.catalogue, items };
		}, products),
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
export async function start(session, report, { products, runs = 3 }) {
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
		limit: 3000
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
		limit: 400
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

export const queryList = (products) => [
	{ name: 'search SKU "SAMPLE-01234"', query: { ...ALL, search: 'SAMPLE-01234' } },
	{ name: 'search name word "Yoga"', query: { ...ALL, search: 'Yoga' } },
	{
		name: `search barcode "${4_000_000_000_000 + Math.ceil(products / 2)}"`,
		query: { ...ALL, search: String(4_000_000_000_000 + Math.ceil(products / 2)) }
	},
	{ name: 'filter source "backroom"', query: { ...ALL, source: 'backroom' } },
	{ name: 'filter stock "out"', query: { ...ALL, stock: 'out' } },
	{ name: 'filter stock "low"', query: { ...ALL, stock: 'low' } },
	{ name: 'sort by name', query: { ...ALL, sort: 'name' } },
	{ name: 'sort by total, descending', query: { ...ALL, sort: 'total', descending: true } },
	{
		name: 'search + source + in stock + sort total',
		query: { search: 'Joust', source: 'shop-1', stock: 'in', sort: 'total', descending: true }
	}
];

/** Engine round trips from the page (Comlink included), first call of each; then scrolling and UI. */
export async function queries(session, report, { products }) {
	const { page } = session;
	const r = report.phase('queries');
	await waitForEngine(page);
	await session.quiet();
	await sleep(500);
	r.loadAverage = loadAverage();
	await keepProfile(session, {}, 'before-queries');
	const results = await withTimeout(
		page.evaluate(async (queries) => {
			const engine = window.stockroomEngine;
			const out = [];
			// The cost of a Comlink round trip alone (a no-op command).
			const r0 = performance.now();
			await engine.cancelJob('bench-none');
			const roundTrip = performance.now() - r0;
			for (const { name, query } of queries) {
				const t0 = performance.now();
				const first = await engine.queryProducts(query, 0, 60);
				const ms = performance.now() - t0;
				const t1 = performance.now();
				await engine.queryProducts(query, Math.min(1000, first.total), 60);
				const repeatMs = performance.now() - t1;
				out.push({ name, ms, repeatMs, total: first.total, firstSku: first.rows[0]?.sku ?? null });
			}
			return { roundTrip, out };
		}, queryList(products)),
		120_000,
		'queries'
	);
	await keepProfile(session, r, 'queries');
	r.comlinkRoundTripMs = round(results.roundTrip, 2);
	r.engine = results.out.map((q) => ({ ...q, ms: round(q.ms, 1), repeatMs: round(q.repeatMs, 1) }));
	for (const q of r.engine) {
		report.figure('queries', `${q.name} (${q.total.toLocaleString()} rows), first call`, q.ms, 'ms', {
			limit: 100
		});
	}
	report.figure(
		'queries',
		'same queries, next window (cached result), slowest',
		Math.max(...r.engine.map((q) => q.repeatMs)),
		'ms'
	);
	const zero = r.engine.filter((q) => q.total === 0);
	if (zero.length) report.note('queries', `no rows matched: ${zero.map((q) => q.name).join(', ')}`);

	await scrolling(session, report, r);
	await uiQueries(session, report, r);
}

async function scrolling(session, report, r) {
	const { page } = session;
	r.scroll = {};
	for (const where of ['middle', 'end']) {
		const result = await withTimeout(
			page.evaluate(async (where) => {
				const table = document.querySelector('table[aria-label="Products"]');
				let scroller = table.parentElement;
				while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) {
					scroller = scroller.parentElement;
				}
				if (!scroller) throw new Error('no scrolling ancestor of the Products table');
				const firstSku = () => table.querySelector('tbody tr a')?.textContent.trim() ?? null;
				const before = firstSku();
				const max = scroller.scrollHeight - scroller.clientHeight;
				const t0 = performance.now();
				scroller.scrollTop = where === 'end' ? max : Math.round(max / 2);
				await new Promise((resolve, reject) => {
					const deadline = t0 + 10_000;
					const check = () => {
						const rows = [...table.querySelectorAll('tbody tr')];
						const ready = rows.length > 0 && rows.every((row) => row.querySelector('a'));
						if (ready && firstSku() !== before) resolve();
						else if (performance.now() > deadline) reject(new Error(`rows did not render at ${where}`));
						else requestAnimationFrame(check);
					};
					requestAnimationFrame(check);
				});
				const ms = performance.now() - t0;
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
				const links = [...table.querySelectorAll('tbody tr a')].map((a) => a.textContent.trim());
				return {
					ms,
					rows: table.querySelectorAll('tbody tr').length,
					viewportPx: scroller.clientHeight,
					scrollHeightPx: scroller.scrollHeight,
					firstSku: links[0],
					lastSku: links.at(-1)
				};
			}, where),
			30_000,
			`scroll to the ${where}`
		);
		r.scroll[where] = { ...result, ms: round(result.ms, 1) };
		// Rows of 48 px (ProductGrid's ROW_HEIGHT) fit in the viewport, plus one partly shown.
		const visible = Math.ceil(result.viewportPx / 48) + 1;
		report.figure(
			'queries',
			`scroll to ${where}: <tr> in DOM (${result.firstSku}…${result.lastSku})`,
			result.rows,
			'',
			{ limit: visible + 2, op: '<=', targetText: `≤ ${visible + 2} (≈ visible)` }
		);
		report.figure('queries', `scroll to ${where}: rows rendered after`, r.scroll[where].ms, 'ms', {
			limit: 100
		});
	}
}

/** Through the page's own controls: search (Enter) and a sort header, timed to the grid's update. */
async function uiQueries(session, report, r) {
	const { page } = session;
	const run = (action) =>
		withTimeout(
			page.evaluate(async (action) => {
				const table = document.querySelector('table[aria-label="Products"]');
				const count = () => document.querySelector('[role="status"]')?.textContent.trim() ?? '';
				const firstSku = () => table?.querySelector('tbody tr a')?.textContent.trim() ?? null;
				const before = { count: count(), sku: firstSku() };
				const t0 = performance.now();
				if (action.kind === 'search') {
					const input = document.querySelector('input[aria-label="Search products"]');
					input.value = action.text;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
				} else {
					const button = [...table.querySelectorAll('thead button')].find(
						(b) => b.textContent.trim() === action.column
					);
					button.click();
				}
				await new Promise((resolve, reject) => {
					const check = () => {
						const sku = firstSku();
						if (sku && (count() !== before.count || sku !== before.sku)) resolve();
						else if (performance.now() - t0 > 10_000)
							reject(new Error(`grid did not change: ${JSON.stringify(action)}`));
						else requestAnimationFrame(check);
					};
					requestAnimationFrame(check);
				});
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
				return { ms: performance.now() - t0, firstSku: firstSku(), count: count() };
			}, action),
			20_000,
			`UI ${JSON.stringify(action)}`
		);
	r.ui = {};
	const actions = [
		['search "Strive" + Enter', { kind: 'search', text: 'Strive' }],
		['clear search + Enter', { kind: 'search', text: '' }],
		['click sort "Total"', { kind: 'sort', column: 'Total' }],
		['click sort "Name"', { kind: 'sort', column: 'Name' }],
		// Back to the default order, so that later phases do not pay for re-sorting the grid by name.
		['click sort "SKU"', { kind: 'sort', column: 'SKU' }]
	];
	for (const [label, action] of actions) {
		try {
			const result = await run(action);
			r.ui[label] = { ...result, ms: round(result.ms, 1) };
			report.figure('queries', `UI: ${label} → grid painted`, r.ui[label].ms, 'ms');
		} catch (error) {
			report.note('queries', `UI measure "${label}" failed: ${error.message}`);
		}
	}
}

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
	if (!result.outcome?.ok) throw new Error(`transferInventory failed: ${JSON.stringify(result.outcome)}`);
	return result;
}

/**
 * Transfer Inventory To Source for every product (the selection "Select all" makes): timed with no
 * probe in the worker; then, with the heap probes, the same transfer back (for the peak heap).
 */
export async function transfer(session, report, { products }) {
	const { page, heap } = session;
	const r = report.phase('transfer');
	await waitForEngine(page);
	await session.quiet();
	await sleep(500);
	const selection = { mode: 'all', query: { ...ALL }, except: [] };
	const input = { origin: 'wh-north', destination: 'shop-1', unassignOrigin: false };
	Object.assign(r, { selection, input, loadAverage: loadAverage() });
	await keepProfile(session, {}, 'before-transfer');
	log(`Transferring ${products.toLocaleString()} products ${input.origin} → ${input.destination} …`);
	const result = await runTransfer(page, selection, input);
	await sleep(1000); // the grid's refresh after the change, for the long-task figure
	await keepProfile(session, r, 'transfer');
	const tasks = await longTasksBetween(page, result.t0, result.t1 + 1000);
	Object.assign(r, {
		ms: round(result.t1 - result.t0),
		message: result.outcome.value.message,
		counts: result.outcome.value.counts,
		longestMainThreadTaskMs: round(tasks.longestMs)
	});
	log(`Transferred in ${r.ms} ms: ${r.message}`);
	report.figure('transfer', `transfer ${products.toLocaleString()} products (select all)`, r.ms, 'ms', {
		limit: 3000
	});
	report.figure(
		'transfer',
		'longest main-thread task (0 = none ≥ 50 ms) during transfer',
		r.longestMainThreadTaskMs,
		'ms'
	);
	if (
		result.outcome.value.counts?.products !== undefined &&
		result.outcome.value.counts.products !== products
	) {
		report.note(
			'transfer',
			`transferred ${result.outcome.value.counts.products} products, expected ${products}`
		);
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

export async function openSession(context, page, { heap = true, profile = false, dataDir, servedDir }) {
	const monitor = await new HeapMonitor(page, { enabled: heap, profile }).init();
	return {
		context,
		page,
		heap: monitor,
		profile,
		dataDir,
		/** The text of a served script, to quote minified code in profile summaries. */
		source: (url) => {
			const file = join(servedDir ?? '.', '.svelte-kit', 'output', 'client', new URL(url).pathname);
			return existsSync(file) ? readFileSync(file, 'utf8') : null;
		},
		/** No DevTools session in the worker while timing (unless profiling, which needs one). */
		quiet: () => monitor.attachWorkers(profile)
	};
}

/** With --profile: the engine worker's CPU profile since the last call, saved and summarised. */
async function keepProfile(session, r, name) {
	if (!session.profile) return;
	const profile = await session.heap.takeProfile();
	if (!profile || name.startsWith('before-')) return; // 'before-…': only restarts the profile
	const file = join(session.dataDir, `worker-${name}.cpuprofile`);
	writeFileSync(file, JSON.stringify(profile));
	r.workerProfile = { file, ...profileSummary(profile, { source: session.source }) };
}
