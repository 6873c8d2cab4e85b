// Grid queries over the catalogue: each search, filter and sort through the engine (Comlink round
// trip included), scrolling, and the same through the page's own controls.

import { keepProfile, waitForEngine } from '../lib/session.mjs';
import { loadAverage, round, sleep, withTimeout } from '../lib/util.mjs';

const queryList = (app, products) => {
	const ALL = app.ALL_PRODUCTS;
	const [, shop, backroom] = app.SAMPLE_SOURCES.map((source) => source.code);
	const codes = [app.DEFAULT_SOURCE_CODE, ...app.SAMPLE_SOURCES.map((source) => source.code)];
	const barcode = app.sampleProducts(Math.ceil(products / 2), codes).at(-1).barcodes[0];
	return [
		{ name: 'search SKU "SAMPLE-01234"', query: { ...ALL, search: 'SAMPLE-01234' } },
		{ name: 'search name word "Yoga"', query: { ...ALL, search: 'Yoga' } },
		{ name: `search barcode "${barcode}"`, query: { ...ALL, search: barcode } },
		{ name: `filter source "${backroom}"`, query: { ...ALL, source: backroom } },
		{ name: 'filter stock "out"', query: { ...ALL, stock: 'out' } },
		{ name: 'filter stock "low"', query: { ...ALL, stock: 'low' } },
		{ name: 'sort by name', query: { ...ALL, sort: 'name' } },
		{ name: 'sort by total, descending', query: { ...ALL, sort: 'total', descending: true } },
		{
			name: 'search + source + in stock + sort total',
			query: { search: 'Joust', source: shop, stock: 'in', sort: 'total', descending: true }
		}
	];
};

/** Engine round trips from the page (Comlink included), first call of each; then scrolling and UI. */
async function run({ session, report, options, targets, app }) {
	const { products } = options;
	const { page } = session;
	const r = report.phase('queries');
	await waitForEngine(page);
	await session.quiet();
	await sleep(500);
	r.loadAverage = loadAverage();
	r.settledMs = round(await settled(page), 0);
	report.figure(
		'queries',
		'worker busy after the start (until a no-op answers in < 20 ms)',
		r.settledMs,
		'ms'
	);
	await keepProfile(session, {}, 'before-queries');
	const results = await withTimeout(
		page.evaluate(
			async (queries) => {
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
			},
			queryList(app, products)
		),
		120_000,
		'queries'
	);
	await keepProfile(session, r, 'queries');
	r.comlinkRoundTripMs = round(results.roundTrip, 2);
	r.engine = results.out.map((q) => ({ ...q, ms: round(q.ms, 1), repeatMs: round(q.repeatMs, 1) }));
	for (const q of r.engine) {
		report.figure('queries', `${q.name} (${q.total.toLocaleString()} rows), first call`, q.ms, 'ms', {
			limit: targets.queryMs
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

	await scrolling(session, report, r, targets);
	await uiQueries(session, report, r);
	await keepProfile(session, {}, 'before-copy');
	await duringCopy(session, report, r, targets, options);
	await keepProfile(session, r.duringCopy, 'copy');
}

/**
 * A commit makes the worker write the last-good copy of the whole catalogue 2 s later, in the
 * background: grid queries asked meanwhile (each a first call) must still answer in time. The product
 * added to cause it is undone afterwards.
 */
async function duringCopy(session, report, r, targets, options) {
	const windowMs = 6000 * options.cpuRate;
	const result = await withTimeout(
		session.page.evaluate(async (windowMs) => {
			const engine = window.stockroomEngine;
			const made = await engine.createProduct({ sku: 'BENCH-COPY', name: 'Bench copy', barcodes: [] });
			if (!made.ok) throw new Error(made.message);
			await new Promise((resolve) => setTimeout(resolve, 2100));
			const times = [];
			const end = performance.now() + windowMs;
			for (let i = 0; performance.now() < end; i++) {
				const t = performance.now();
				await engine.queryProducts(
					{ search: `sample-${1000 + i}`, source: null, stock: 'any', sort: 'sku', descending: false },
					0,
					60
				);
				times.push(performance.now() - t);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			await engine.undoLast();
			times.sort((a, b) => a - b);
			return { count: times.length, median: times[Math.floor(times.length / 2)], slowest: times.at(-1) };
		}, windowMs),
		windowMs + 60_000,
		'queries during the last-good copy'
	);
	r.duringCopy = { ...result, median: round(result.median, 1), slowest: round(result.slowest, 1) };
	report.figure(
		'queries',
		`grid query while the last-good copy is written, slowest of ${result.count} (median ${r.duringCopy.median} ms)`,
		r.duringCopy.slowest,
		'ms',
		{ limit: targets.queryMs }
	);
}

/** How long the worker keeps answering slowly (background work after the start): ms until 5 no-ops in a row answer in < 20 ms. */
function settled(page) {
	return withTimeout(
		page.evaluate(async () => {
			const t0 = performance.now();
			for (let fast = 0; fast < 5;) {
				const t = performance.now();
				await window.stockroomEngine.cancelJob('bench-none');
				fast = performance.now() - t < 20 ? fast + 1 : 0;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return performance.now() - t0 - 5 * 50;
		}),
		120_000,
		'the worker to become idle'
	);
}

async function scrolling(session, report, r, targets) {
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
					rowPx: table.querySelector('tbody tr').getBoundingClientRect().height,
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
		// The rows that fit in the viewport (at the grid's own row height), plus one partly shown.
		const visible = Math.ceil(result.viewportPx / result.rowPx) + 1;
		report.figure(
			'queries',
			`scroll to ${where}: <tr> in DOM (${result.firstSku}…${result.lastSku})`,
			result.rows,
			'',
			{ limit: visible + 2, op: '<=', targetText: `≤ ${visible + 2} (≈ visible)` }
		);
		report.figure('queries', `scroll to ${where}: rows rendered after`, r.scroll[where].ms, 'ms', {
			limit: targets.queryMs
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

export default { name: 'queries', on: 'catalogue', about: 'search, filter, sort and scroll the grid', run };
