#!/usr/bin/env node
// Magento sync bench (issue 11): against the Magento test double on loopback, the app's pull of
// 100,000 and of 1,000,000 source items and a send of ~100,000 changes, through the page's own
// buttons. Reports wall times (click → result in the status region), request counts (from the
// double) and the longest main-thread task (target: pull of 100,000 under 10 s, no task over 50 ms).
//
// A scenario of `npm run bench` (`--only magento`, own browser); `benchMagento(browser, { baseUrl })`
// takes a Playwright browser and the URL of the served app. By hand, against a preview server:
//   node bench/scenarios/magento.mjs --url http://localhost:4174 [--pull 1000000] [--send 100000]

import { controlDouble, startMagentoDouble, TOKEN } from '../../tests/magento/double.mjs';
import { launchBrowser } from '../lib/browser.mjs';

const SOURCES = [
	{ source_code: 'eu-1', name: 'EU 1', enabled: true },
	{ source_code: 'eu-2', name: 'EU 2', enabled: true }
];

function observeLongTasks() {
	const tasks = [];
	Object.defineProperty(window, '__magentoBench', { value: tasks });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
}

const longestTaskSince = (page, from) =>
	page.evaluate(
		(from) =>
			window.__magentoBench.filter(([start]) => start >= from).reduce((max, [, d]) => Math.max(max, d), 0),
		from
	);

const now = (page) => page.evaluate(() => performance.now());

async function freshPage(browser, baseUrl, control, double) {
	const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
	await context.addInitScript(observeLongTasks);
	const page = await context.newPage();
	await page.goto('/magento');
	await page.waitForFunction(() => 'stockroomEngine' in window);
	await page.getByRole('textbox', { name: 'Store URL' }).fill(double.url);
	await page.getByLabel('Access token').fill(TOKEN);
	await page.getByRole('button', { name: 'Connect', exact: true }).click();
	await page
		.getByRole('status')
		.filter({ hasText: /^Connected to/ })
		.waitFor();
	return { context, page };
}

/** Clicks `button`, waits for the status starting `prefix`; returns seconds, requests and longest task. */
async function timed(page, control, button, prefix, timeout, inStatus = true) {
	const before = await control.state(true);
	const from = await now(page);
	await page.getByRole('button', { name: button, exact: true }).click();
	const pattern = new RegExp(`^\\s*${prefix}`);
	const status = inStatus ? page.getByRole('status').filter({ hasText: pattern }) : page.getByText(pattern);
	await status.waitFor({ timeout });
	const to = await now(page);
	const after = await control.state(true);
	const requests =
		Object.values(after.requests).reduce((a, b) => a + b, 0) -
		Object.values(before.requests).reduce((a, b) => a + b, 0);
	return {
		seconds: Number(((to - from) / 1000).toFixed(2)),
		requests,
		longestTaskMs: Math.round(await longestTaskSince(page, from)),
		message: (await status.textContent())?.replace(/\s+/g, ' ').trim()
	};
}

async function pull(browser, baseUrl, double, control, items) {
	await control.reset();
	await control.seed({
		sources: SOURCES,
		generate: { count: items / 2, sources: SOURCES.map((s) => s.source_code) }
	});
	const { context, page } = await freshPage(browser, baseUrl, control, double);
	const result = await timed(page, control, 'Get stock from Magento', 'Received', 15 * 60_000);
	return { context, page, result };
}

/**
 * `pull` and `send` are sizes: source items to pull (besides the 100,000 of the target) and changes to
 * send. Returns the figures; `targetMet` says whether the pull of 100,000 took under 10 s.
 */
export async function benchMagento(
	browser,
	{ baseUrl, pullItems = 1_000_000, sendChanges = 100_000, log = console.log } = {}
) {
	const double = await startMagentoDouble();
	const control = controlDouble(double.url);
	const figures = {};
	try {
		for (const items of [...new Set([100_000, pullItems])]) {
			log(`magento: pull of ${items} source items`);
			const run = await pull(browser, baseUrl, double, control, items);
			figures[`pull${items}`] = run.result;
			log(`magento: ${JSON.stringify(run.result)}`);
			await run.context.close();
		}
		// A send: a transfer of every product from eu-1 to eu-2 changes (nearly) two items a product.
		log(`magento: send of about ${sendChanges} changes`);
		const run = await pull(browser, baseUrl, double, control, sendChanges);
		const page = run.page;
		await page.getByRole('link', { name: 'Products' }).click();
		await page.getByRole('checkbox', { name: 'Select all' }).check();
		await page.getByRole('button', { name: 'Actions', exact: true }).click();
		await page.getByRole('menuitem', { name: 'Transfer Inventory To Source', exact: true }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('combobox', { name: 'Origin source' }).selectOption({ label: 'EU 1' });
		await dialog.getByRole('combobox', { name: 'Destination source' }).selectOption({ label: 'EU 2' });
		await dialog.getByRole('button', { name: 'Transfer Inventory' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /^Transferred/ })
			.waitFor({ timeout: 120_000 });
		await page.getByRole('link', { name: 'Magento' }).click();
		await page
			.getByRole('region', { name: 'Stock' })
			.getByText(/changes not sent/)
			.waitFor({ timeout: 60_000 });
		figures.sendCheck = await timed(
			page,
			control,
			'Send changes to Magento',
			'Ready to send:',
			15 * 60_000,
			false
		);
		figures.send = await timed(page, control, 'Send', 'Sent', 15 * 60_000);
		await run.context.close();
	} finally {
		await double.close();
	}
	figures.targetMet = figures.pull100000.seconds < 10 && figures.pull100000.longestTaskMs <= 50;
	return figures;
}

/** For `npm run bench`: pull of 100,000 and 1,000,000 items, send of 100,000 changes. */
async function run({ report, baseUrl, options }) {
	const browser = await launchBrowser();
	try {
		const f = await benchMagento(browser, { baseUrl, pullItems: options.rows });
		const line = (label, figure) => report.figure('magento', label, figure.seconds, 's');
		report.figure('magento', 'Get stock, 100,000 source items', f.pull100000.seconds, 's', { limit: 10 });
		report.figure('magento', 'longest main-thread task, pull of 100,000', f.pull100000.longestTaskMs, 'ms', {
			limit: 50,
			op: '<='
		});
		const big = f[`pull${options.rows}`];
		line(`Get stock, ${options.rows} source items (${big.requests} requests)`, big);
		line(`Send check, ${f.sendCheck.message} (${f.sendCheck.requests} requests)`, f.sendCheck);
		line(`${f.send.message} (${f.send.requests} requests)`, f.send);
		report.phase('magento').figures = f;
	} finally {
		await browser.close();
	}
}

export default {
	name: 'magento',
	on: 'fresh',
	about:
		'Magento sync against the test double: pull of 100,000 and 1,000,000 items, send of 100,000 (own browser)',
	run
};

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name, fallback) => {
		const at = process.argv.indexOf(name);
		return at > 0 ? process.argv[at + 1] : fallback;
	};
	const browser = await launchBrowser();

	try {
		const figures = await benchMagento(browser, {
			baseUrl: arg('--url', 'http://localhost:4174'),
			pullItems: Number(arg('--pull', 1_000_000)),
			sendChanges: Number(arg('--send', 100_000))
		});
		console.log(JSON.stringify(figures, null, 2));
	} finally {
		await browser.close();
	}
}
