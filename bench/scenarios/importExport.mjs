// Check Data + Import of a 1,000,000-row Stock Sources CSV through the Import page, and the export
// of every row through the Export page, each in a fresh browser context. With --limit, the browser's
// own limit for the same work (raw parsing + grouped IndexedDB writes, measured in the same run by
// that tool) sets the targets; the tablet profile has fixed targets instead.

import { spawn } from 'node:child_process';
import {
	closeSync,
	createReadStream,
	existsSync,
	openSync,
	readFileSync,
	readSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import {
	HeapMonitor,
	VIEWPORT,
	benchInitScript,
	launchBrowser,
	longTasksBetween,
	profileSummary
} from '../lib/browser.mjs';
import { track } from '../lib/server.mjs';
import { writeStockCsv } from '../../scripts/stockCsv.mjs';
import { CpuThrottle } from '../lib/throttle.mjs';
import { loadAverage, log, mb, round, sleep, tail, withTimeout } from '../lib/util.mjs';

const SOURCES = 5;

// With --profile: { dataDir, source } — the timed pass records the worker's CPU profile.
let profiling = null;

async function keepProfile(heap, name, into) {
	if (!profiling) return;
	const profile = await heap.takeProfile();
	if (!profile) return;
	const file = join(profiling.dataDir, `worker-${name}.cpuprofile`);
	writeFileSync(file, JSON.stringify(profile));
	into.workerProfile = { file, ...profileSummary(profile, { source: profiling.source }) };
}

function runNode(args, { cwd, timeoutMs }) {
	return new Promise((resolve, reject) => {
		const child = track(
			spawn(process.execPath, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve(out);
			else reject(new Error(`node ${args.join(' ')} failed (${signal ?? code}):\n${tail(err || out)}`));
		});
	});
}

/** bench/data/stock-<rows>.csv, written once (the generator is deterministic). */
async function ensureCsv(dataDir, rows) {
	const file = join(dataDir, rows === 1_000_000 ? 'stock-1m.csv' : `stock-${rows}.csv`);
	const stamp = `${file}.done`;
	const wanted = `rows=${rows} sources=${SOURCES} v2`;
	if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return file;
	log(`Generating ${file} (${rows.toLocaleString()} rows) …`);
	await writeStockCsv(file, rows, SOURCES);
	writeFileSync(stamp, wanted);
	return file;
}

/** The limit tool's JSON line: raw papaparse + grouped IndexedDB writes, read back and CSV. */
async function runLimit(projectDir, tool, csv) {
	log(`Running the limit tool ${tool} …`);
	const out = await runNode([tool, csv], {
		cwd: projectDir,
		timeoutMs: 180_000
	});
	const line = out
		.trim()
		.split('\n')
		.reverse()
		.find((l) => l.trim().startsWith('{'));
	if (!line) throw new Error(`the limit tool printed no JSON line:\n${tail(out)}`);
	return JSON.parse(line);
}

function firstLine(file) {
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(200);
		const n = readSync(fd, buffer, 0, 200, 0);
		return buffer.subarray(0, n).toString('utf8').split(/\r?\n/)[0];
	} finally {
		closeSync(fd);
	}
}

async function countLines(file) {
	let lines = 0;
	for await (const chunk of createReadStream(file)) {
		for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
	}
	return lines;
}

/** Records, on the page's clock, when a status or alert first contains each of `texts`. */
async function watchStatus(page, texts) {
	await page.evaluate((texts) => {
		const bench = window.__bench;
		bench.seen = {};
		bench.progress = new Set();
		const scan = () => {
			for (const bar of document.querySelectorAll('progress, [role="progressbar"]')) {
				bench.progress.add(bar.getAttribute('aria-valuenow') ?? bar.getAttribute('value') ?? bar.value);
			}
			const regions = document.querySelectorAll('[role="status"], [role="alert"], output');
			for (const text of texts) {
				if (bench.seen[text]) continue;
				for (const region of regions) {
					if (region.textContent.includes(text)) {
						bench.seen[text] = { at: performance.now(), text: region.textContent.trim().slice(0, 400) };
						break;
					}
				}
			}
		};
		new MutationObserver(scan).observe(document.body, {
			childList: true,
			subtree: true,
			characterData: true,
			attributes: true,
			attributeFilter: ['value', 'aria-valuenow']
		});
		scan();
	}, texts);
}

async function waitSeen(page, texts, timeout, what) {
	const handle = await page.waitForFunction(
		(texts) => {
			const seen = window.__bench.seen;
			const hit = texts.find((t) => seen[t]);
			return hit ? { text: hit, at: seen[hit].at, detail: seen[hit].text } : null;
		},
		texts,
		{ timeout, polling: 100 }
	);
	const value = await handle.jsonValue();
	await handle.dispose();
	if (!value) throw new Error(`no result for ${what}`);
	return value;
}

/** The import's and the export's targets: fixed ones (tablet), or 1.5 × the limit tool's figures. */
function limits(targets, limit) {
	const scaled = (ms) => ({ limit: Math.round(1.5 * ms), op: '<=', targetText: `≤ 1.5 × ${ms} ms` });
	return {
		import: targets.importMs ? { limit: targets.importMs } : limit ? scaled(limit.importTotal) : {},
		export: targets.exportMs ? { limit: targets.exportMs } : limit ? scaled(limit.exportTotal) : {}
	};
}

async function run({ report, options, targets, app, baseUrl, register, alive, servedSource }) {
	const { rows, dataDir, projectDir } = options;
	profiling = options.cpuProfile ? { dataDir, source: servedSource } : null;
	const r = report.phase('import');
	const csv = await ensureCsv(dataDir, rows);
	r.file = { path: csv, bytes: statSync(csv).size, rows };
	r.loadAverage = loadAverage();
	let limit = null;
	if (options.limit) {
		limit = r.limit = await runLimit(projectDir, options.limit, csv);
		log(`Limit: import ${limit.importTotal} ms, export ${limit.exportTotal} ms.`);
		report.figure('import', 'limit tool: importTotal (parse+group+write)', limit.importTotal, 'ms');
		report.figure('import', 'limit tool: exportTotal (read+CSV)', limit.exportTotal, 'ms');
	} else if (!targets.importMs) {
		report.note('import', 'no --limit tool given: import and export figures are information only');
	}
	const target = limits(targets, limit);
	const pass = { baseUrl, csv, dataDir, app, rate: options.cpuRate };

	const browser = await launchBrowser();
	register(() => browser.close());
	try {
		// Pass 1, timed: no DevTools session in the worker beyond the throttle (it slows the worker).
		await alive();
		const timed = await onePass(browser, { ...pass, probe: false });
		Object.assign(r, timed.import);
		log(
			`Check Data ${r.checkMs} ms + Import ${r.importMs} ms; longest task ${r.longestMainThreadTaskMs} ms.`
		);
		if (timed.throttle) report.throttled('import', timed.throttle);
		report.figure('import', `Check Data (${rows.toLocaleString()} rows)`, r.checkMs, 'ms');
		report.figure('import', `Import (${rows.toLocaleString()} rows)`, r.importMs, 'ms');
		report.figure('import', 'Check Data + Import', r.totalMs, 'ms', target.import);
		report.figure(
			'import',
			'longest main-thread task (0 = none ≥ 50 ms) during check + import',
			r.longestMainThreadTaskMs,
			'ms',
			{ limit: 50, op: '<=' }
		);
		report.figure('import', 'progress bar values seen during check + import', r.progressValuesSeen, '');
		const e = report.phase('export');
		Object.assign(e, timed.export);
		log(`Export ${e.ms} ms, ${e.dataRows.toLocaleString()} rows in ${e.fileName}.`);
		report.figure(
			'export',
			`export all rows (${e.dataRows.toLocaleString()} rows)`,
			e.ms,
			'ms',
			target.export
		);
		report.figure(
			'export',
			'longest main-thread task (0 = none ≥ 50 ms) during export',
			e.longestMainThreadTaskMs,
			'ms'
		);
		if (e.dataRows !== rows) report.note('export', `exported ${e.dataRows} rows, expected ${rows}`);

		// Pass 2: the same again in a fresh context with the heap of the page and the worker sampled.
		if (!options.heap) return;
		log('Import again with the heap probes …');
		profiling = null;
		await alive();
		const probed = await onePass(browser, { ...pass, probe: true });
		r.withProbes = probed.import;
		e.withProbes = probed.export;
		report.figure(
			'import',
			'peak JS heap during check + import (page + worker)',
			probed.import.heapPeakMB.total,
			'MB',
			{
				limit: targets.heapMB
			}
		);
		report.figure('import', '  of which worker', probed.import.heapPeakMB.worker, 'MB');
		report.figure('import', 'Check Data + Import with heap probes', probed.import.totalMs, 'ms');
		report.figure(
			'export',
			'peak JS heap during export (page + worker)',
			probed.export.heapPeakMB.total,
			'MB'
		);
	} finally {
		await browser.close();
	}
}

/** One fresh context: create the file's sources, Check Data + Import through /import, then Export. */
async function onePass(browser, { baseUrl, csv, dataDir, app, rate, probe }) {
	const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
	try {
		await context.addInitScript(benchInitScript);
		const page = await context.newPage();
		page.setDefaultTimeout(60_000);
		const throttle = await new CpuThrottle(page, rate).init();
		await page.goto(baseUrl + '/', { timeout: 60_000 });
		const handle = await page.waitForFunction(() => window.stockroomEngine, null, { timeout: 60_000 });
		await handle.dispose();
		const sources = Array.from({ length: SOURCES }, (_, i) =>
			app.newSource(`src-${i + 1}`, `Source ${i + 1}`)
		);
		const created = await page.evaluate(async (sources) => {
			const out = [];
			for (const source of sources) out.push(await window.stockroomEngine.saveSource(source, null));
			return out.map((o) => (o.ok ? 'ok' : o.message));
		}, sources);
		if (created.some((c) => c !== 'ok'))
			throw new Error(`creating the file's sources failed: ${created.join('; ')}`);
		const proof = probe ? null : await throttle.proof();

		await page.goto(baseUrl + '/import', { timeout: 60_000 });
		await page.getByLabel('Select file to import').setInputFiles(csv);
		const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
		const verdicts = [app.VALID_VERDICT, app.INVALID_VERDICT];
		await watchStatus(page, [...verdicts, app.IMPORT_DONE, 'cancelled']);
		await sleep(500);
		heap.reset();
		const stopPolling = probe ? heap.poll(500) : async () => {};
		let check;
		let done;
		try {
			log(`Check Data …${probe ? ' (heap probes on)' : ''}`);
			await page.getByRole('button', { name: 'Check Data' }).click();
			check = await waitSeen(page, verdicts, 600_000, 'Check Data');
			if (check.text !== app.VALID_VERDICT)
				throw new Error(`Check Data did not pass: ${check.detail ?? check.text}`);
			log('Import …');
			await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 30_000 });
			done = await waitSeen(page, [app.IMPORT_DONE, 'cancelled'], 600_000, 'Import');
			if (done.text !== app.IMPORT_DONE) throw new Error(`Import did not finish: ${done.detail}`);
		} finally {
			await stopPolling();
		}
		const marks = await page.evaluate(() => ({
			check: window.__bench.marks['click:Check Data'],
			import: window.__bench.marks['click:Import'],
			progressValues: window.__bench.progress.size
		}));
		const tasks = await longTasksBetween(page, marks.check, done.at);
		const result = {};
		await keepProfile(heap, 'import', result);
		Object.assign(result, {
			checkMs: round(check.at - marks.check),
			importMs: round(done.at - marks.import),
			checkStatus: check.detail,
			importStatus: done.detail,
			progressValuesSeen: marks.progressValues,
			longestMainThreadTaskMs: round(tasks.longestMs),
			longTasks: tasks.count,
			longTasksAfterCheckClick: tasks.tasks,
			importClickAfterCheckClick: round(marks.import - marks.check)
		});
		result.totalMs = result.checkMs + result.importMs;
		if (probe) result.heapPeakMB = peakOf(heap);
		await heap.dispose();
		const exported = await exportAll(page, { baseUrl, dataDir, probe });
		await throttle.dispose();
		return { import: result, export: exported, throttle: proof };
	} finally {
		await context.close();
	}
}

function peakOf(heap) {
	return { page: mb(heap.peak.page), worker: mb(heap.peak.worker), total: mb(heap.peak.total) };
}

/** Every row through the Export page: from the click to the Blob handed to `URL.createObjectURL`. */
async function exportAll(page, { baseUrl, dataDir, probe }) {
	await page.goto(baseUrl + '/export', { timeout: 60_000 });
	const button = page.getByRole('button', { name: 'Export', exact: true });
	await button.waitFor({ timeout: 60_000 });
	const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
	// Timed from the click with the catalogue loaded, as when someone opens the page and then chooses
	// filters: wait for the worker's start (every engine call awaits it).
	await withTimeout(
		page.evaluate(() => window.stockroomEngine.getSources().then(() => undefined)),
		300_000,
		'the worker loading the catalogue'
	);
	await sleep(500);
	log(`Export …${probe ? ' (heap probes on)' : ''}`);
	heap.reset();
	const stopPolling = probe ? heap.poll(250) : async () => {};
	let download;
	try {
		[download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), button.click()]);
	} finally {
		await stopPolling();
	}
	const file = join(dataDir, 'export-stock-sources.csv');
	await withTimeout(download.saveAs(file), 120_000, 'saving the download');
	const marks = await page.evaluate(() => ({
		click: window.__bench.marks['click:Export'],
		blob: window.__bench.blobs.at(-1) ?? null
	}));
	if (!marks.blob) throw new Error('the export was not downloaded through URL.createObjectURL');
	const tasks = await longTasksBetween(page, marks.click, marks.blob.at);
	const result = {};
	await keepProfile(heap, 'export', result);
	Object.assign(result, {
		ms: round(marks.blob.at - marks.click),
		fileName: download.suggestedFilename(),
		bytes: statSync(file).size,
		dataRows: (await countLines(file)) - 1,
		header: firstLine(file),
		longestMainThreadTaskMs: round(tasks.longestMs)
	});
	if (probe) result.heapPeakMB = peakOf(heap);
	await heap.dispose();
	return result;
}

export default {
	name: 'import',
	on: 'fresh',
	about: 'Check Data + Import of the CSV, then export every row (own browser)',
	run
};
