// Issue 3: Check Data + Import of a 1,000,000-row Stock Sources CSV through the Import page, and the
// export of every row through the Export page, against the limit tool measured in the same run.

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
} from './browser.mjs';
import { track } from './server.mjs';
import { loadAverage, log, mb, round, sleep, tail, withTimeout } from './util.mjs';

const SHARED_TOOLS = '../shared/tools';

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

/** bench/data/stock-1m.csv, generated once (the generator is deterministic). */
export async function ensureCsv(projectDir, dataDir, rows) {
	const file = join(dataDir, rows === 1_000_000 ? 'stock-1m.csv' : `stock-${rows}.csv`);
	const stamp = `${file}.done`;
	const wanted = `rows=${rows} sources=5`;
	if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return file;
	log(`Generating ${file} (${rows.toLocaleString()} rows) …`);
	await runNode(
		[join(SHARED_TOOLS, 'gen-stock-csv.mjs'), '--rows', String(rows), '--sources', '5', '--out', file],
		{ cwd: projectDir, timeoutMs: 120_000 }
	);
	writeFileSync(stamp, wanted);
	return file;
}

/** The limit tool's JSON line: raw papaparse + grouped IndexedDB writes, read back and CSV. */
export async function runLimit(projectDir, csv) {
	log('Running the limit tool …');
	const out = await runNode([join(SHARED_TOOLS, 'limit', 'limit.mjs'), csv], {
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

function newSource(code, name) {
	return {
		code,
		name,
		enabled: true,
		description: '',
		country: '',
		region: '',
		city: '',
		street: '',
		postcode: '',
		contactName: '',
		email: '',
		phone: '',
		latitude: null,
		longitude: null
	};
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

async function hasControl(locator, timeout = 10_000) {
	try {
		await locator.first().waitFor({ state: 'visible', timeout });
		return true;
	} catch {
		return false;
	}
}

export async function importExport(
	report,
	{ projectDir, dataDir, baseUrl, rows, features, register, heap, alive, profile, source }
) {
	profiling = profile ? { dataDir, source } : null;
	const engineApi =
		features.importMethods.includes('checkImport') && features.importMethods.includes('runImport');
	if (!features.importPage && !engineApi) {
		report.skip(
			'import',
			'the build has neither an Import page ("Select file to import", "Check Data") nor the engine\'s ' +
				'checkImport/runImport: issue 3 is in progress'
		);
		report.skip('export', 'exports the imported rows, so it needs the import too');
		return;
	}
	const r = report.phase('import');
	r.via = features.importPage ? 'Import page' : 'engine API';
	if (!features.importPage) {
		report.note(
			'import',
			'no Import page in this build: Check Data + Import through the engine API (checkImport, runImport) ' +
				'from the page; the long-task figure then only shows that the page stays free'
		);
	}
	const mode = { importUi: features.importPage, exportEngine: features.exportMethods.includes('exportCsv') };
	const csv = await ensureCsv(projectDir, dataDir, rows);
	r.file = { path: csv, bytes: statSync(csv).size, rows };
	r.loadAverage = loadAverage();
	const limit = await runLimit(projectDir, csv);
	r.limit = limit;
	log(`Limit: import ${limit.importTotal} ms, export ${limit.exportTotal} ms.`);
	report.figure('import', 'limit tool: importTotal (parse+group+write)', limit.importTotal, 'ms');
	report.figure('import', 'limit tool: exportTotal (read+CSV)', limit.exportTotal, 'ms');

	const browser = await launchBrowser();
	register(() => browser.close());
	try {
		// Pass 1, timed: no DevTools session in the worker (it slows the worker down).
		await alive();
		const timed = await onePass(browser, { baseUrl, csv, dataDir, probe: false, mode });
		if (timed.skipped) {
			report.skip('import', timed.skipped);
			return;
		}
		Object.assign(r, timed.import);
		log(
			`Check Data ${r.checkMs} ms + Import ${r.importMs} ms; longest task ${r.longestMainThreadTaskMs} ms.`
		);
		report.figure('import', `Check Data (${rows.toLocaleString()} rows)`, r.checkMs, 'ms');
		report.figure('import', `Import (${rows.toLocaleString()} rows)`, r.importMs, 'ms');
		report.figure('import', 'Check Data + Import', r.totalMs, 'ms', {
			limit: Math.round(1.5 * limit.importTotal),
			op: '<=',
			targetText: `≤ 1.5 × ${limit.importTotal} ms`
		});
		report.figure(
			'import',
			'longest main-thread task (0 = none ≥ 50 ms) during check + import',
			r.longestMainThreadTaskMs,
			'ms',
			{
				limit: 50,
				op: '<='
			}
		);
		if (r.progressValuesSeen != null) {
			report.figure('import', 'progress bar values seen during check + import', r.progressValuesSeen, '');
		}
		const e = report.phase('export');
		if (timed.exportSkipped) report.skip('export', timed.exportSkipped);
		else {
			Object.assign(e, timed.export);
			if (e.via === 'engine API') {
				report.note(
					'export',
					'no Export button on /export in this build: exported through the engine API (exportCsv)'
				);
			}
			log(`Export ${e.ms} ms, ${e.dataRows.toLocaleString()} rows in ${e.fileName}.`);
			report.figure('export', `export all rows (${e.dataRows.toLocaleString()} rows)`, e.ms, 'ms', {
				limit: Math.round(1.5 * limit.exportTotal),
				op: '<=',
				targetText: `≤ 1.5 × ${limit.exportTotal} ms`
			});
			report.figure(
				'export',
				'longest main-thread task (0 = none ≥ 50 ms) during export',
				e.longestMainThreadTaskMs,
				'ms'
			);
			if (e.ms == null)
				report.note('export', 'the download was not made through URL.createObjectURL: no in-page time');
			if (e.dataRows !== limit.rows)
				report.note('export', `exported ${e.dataRows} rows, expected ${limit.rows}`);
		}

		// Pass 2: the same again in a fresh context with the heap of the page and the worker sampled.
		if (!heap) return;
		log('Import again with the heap probes …');
		profiling = null;
		await alive();
		const probed = await onePass(browser, { baseUrl, csv, dataDir, probe: true, mode });
		if (probed.skipped) return;
		r.withProbes = probed.import;
		report.figure(
			'import',
			'peak JS heap during check + import (page + worker)',
			probed.import.heapPeakMB.total,
			'MB',
			{
				limit: 400
			}
		);
		report.figure('import', '  of which worker', probed.import.heapPeakMB.worker, 'MB');
		report.figure('import', 'Check Data + Import with heap probes', probed.import.totalMs, 'ms');
		if (probed.export) {
			e.withProbes = probed.export;
			report.figure(
				'export',
				'peak JS heap during export (page + worker)',
				probed.export.heapPeakMB.total,
				'MB'
			);
		}
	} finally {
		await browser.close();
	}
}

/** One fresh context: create src-1..src-5, Check Data + Import through /import, Export through /export. */
export async function onePass(browser, { baseUrl, csv, dataDir, probe, mode }) {
	const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
	try {
		await context.addInitScript(benchInitScript);
		const page = await context.newPage();
		page.setDefaultTimeout(60_000);
		await page.goto(baseUrl + '/', { timeout: 60_000 });
		const handle = await page.waitForFunction(() => window.stockroomEngine, null, { timeout: 60_000 });
		await handle.dispose();
		const created = await page.evaluate(
			async (sources) => {
				const out = [];
				for (const source of sources) out.push(await window.stockroomEngine.saveSource(source, null));
				return out.map((o) => (o.ok ? 'ok' : o.message));
			},
			[1, 2, 3, 4, 5].map((i) => newSource(`src-${i}`, `Source ${i}`))
		);
		if (created.some((c) => c !== 'ok'))
			throw new Error(`creating src-1..src-5 failed: ${created.join('; ')}`);

		if (!mode.importUi) return await engineImportExport(page, { csv, probe, mode });
		await page.goto(baseUrl + '/import', { timeout: 60_000 });
		const fileInput = page.getByLabel('Select file to import');
		if (!(await hasControl(fileInput.or(page.getByRole('button', { name: 'Check Data' }))))) {
			return { skipped: 'the /import page does not show "Select file to import" in this build' };
		}
		await fileInput.setInputFiles(csv);
		const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
		await watchStatus(page, [
			'File is valid!',
			'Data validation failed',
			'Import successfully done',
			'Cancelled'
		]);
		await sleep(500);
		heap.reset();
		const stopPolling = probe ? heap.poll(500) : async () => {};
		let check;
		let done;
		try {
			log(`Check Data …${probe ? ' (heap probes on)' : ''}`);
			await page.getByRole('button', { name: 'Check Data' }).click();
			check = await waitSeen(page, ['File is valid!', 'Data validation failed'], 300_000, 'Check Data');
			if (check.text !== 'File is valid!')
				throw new Error(`Check Data did not pass: ${check.detail ?? check.text}`);
			log('Import …');
			await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 30_000 });
			done = await waitSeen(page, ['Import successfully done', 'Cancelled'], 300_000, 'Import');
			if (done.text !== 'Import successfully done') throw new Error(`Import did not finish: ${done.detail}`);
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
			via: 'Import page',
			checkMs: round(check.at - marks.check),
			importMs: round(done.at - marks.import),
			checkStatus: check.detail,
			importStatus: done.detail,
			progressValuesSeen: marks.progressValues,
			longestMainThreadTaskMs: round(tasks.longestMs),
			longTasks: tasks.count
		});
		result.totalMs = result.checkMs + result.importMs;
		if (probe) {
			result.heapPeakMB = {
				page: mb(heap.peak.page),
				worker: mb(heap.peak.worker),
				total: mb(heap.peak.total)
			};
			result.workerHeapSamples = heap.workerSamples;
		}
		await heap.dispose();
		const exported = await exportAll(page, { baseUrl, dataDir, probe, mode });
		return { import: result, ...exported };
	} finally {
		await context.close();
	}
}

async function exportAll(page, { baseUrl, dataDir, probe, mode }) {
	await page.goto(baseUrl + '/export', { timeout: 60_000 });
	const button = page.getByRole('button', { name: 'Export', exact: true });
	if (!(await hasControl(button))) {
		if (mode.exportEngine) {
			await page.goto(baseUrl + '/', { timeout: 60_000 });
			return { export: await engineExport(page, { probe }) };
		}
		return { exportSkipped: "neither an Export button on /export nor the engine's exportCsv in this build" };
	}
	const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
	// The export is timed from the click with the catalogue loaded, as when someone opens the page and
	// then chooses filters: wait for the worker's start (every engine call awaits it).
	await page
		.waitForFunction(() => window.stockroomEngine, null, { timeout: 60_000 })
		.then((h) => h.dispose());
	await withTimeout(
		page.evaluate(() =>
			window.stockroomEngine
				.queryProducts({ search: '', source: null, stock: 'any', sort: 'sku', descending: false }, 0, 1)
				.then(() => undefined)
		),
		120_000,
		'the worker loading the catalogue'
	);
	await sleep(500);
	log(`Export …${probe ? ' (heap probes on)' : ''}`);
	heap.reset();
	const stopPolling = probe ? heap.poll(250) : async () => {};
	let download;
	try {
		[download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), button.click()]);
	} finally {
		await stopPolling();
	}
	const file = join(dataDir, 'export-stock-sources.csv');
	await withTimeout(download.saveAs(file), 120_000, 'saving the download');
	const marks = await page.evaluate(() => ({
		click: window.__bench.marks['click:Export'],
		blob: window.__bench.blobs.at(-1) ?? null
	}));
	const tasks = marks.blob ? await longTasksBetween(page, marks.click, marks.blob.at) : null;
	const profiled = {};
	await keepProfile(heap, 'export', profiled);
	const result = {
		...profiled,
		via: 'Export page',
		ms: marks.blob ? round(marks.blob.at - marks.click) : null,
		fileName: download.suggestedFilename(),
		bytes: statSync(file).size,
		dataRows: (await countLines(file)) - 1,
		header: firstLine(file),
		longestMainThreadTaskMs: tasks ? round(tasks.longestMs) : null
	};
	if (probe)
		result.heapPeakMB = {
			page: mb(heap.peak.page),
			worker: mb(heap.peak.worker),
			total: mb(heap.peak.total)
		};
	await heap.dispose();
	return { export: result };
}

const IMPORT_OPTIONS = {
	entity: 'stock-sources',
	behavior: 'append',
	strategy: 'stop-on-error',
	allowedErrors: 10,
	separator: 'auto',
	encoding: 'utf-8'
};
const NO_FILTERS = { sources: [], skuContains: '', status: 'any', quantityFrom: null, quantityTo: null };

/** Check Data + Import through the engine (from the page, Comlink included), when the page is not built. */
async function engineImportExport(page, { csv, probe, mode }) {
	await page.evaluate(() => {
		const input = document.createElement('input');
		input.type = 'file';
		input.id = 'bench-file';
		input.hidden = true;
		document.body.append(input);
	});
	await page.setInputFiles('#bench-file', csv);
	const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
	await sleep(500);
	heap.reset();
	const stopPolling = probe ? heap.poll(500) : async () => {};
	let run;
	try {
		log(`Check Data + Import through the engine API …${probe ? ' (heap probes on)' : ''}`);
		run = await withTimeout(
			page.evaluate(async (options) => {
				const engine = window.stockroomEngine;
				const file = document.getElementById('bench-file').files[0];
				const t0 = performance.now();
				const checked = await engine.checkImport('bench-check', file, options);
				const t1 = performance.now();
				if (checked.status !== 'valid') return { t0, t1, checked: { ...checked, valid: false } };
				const imported = await engine.runImport('bench-import');
				const t2 = performance.now();
				return { t0, t1, t2, checked: { status: checked.status, valid: true }, imported };
			}, IMPORT_OPTIONS),
			600_000,
			'checkImport + runImport'
		);
	} finally {
		await stopPolling();
	}
	if (!run.checked.valid)
		throw new Error(`checkImport did not pass: ${JSON.stringify(run.checked).slice(0, 600)}`);
	if (run.imported.status !== 'imported') throw new Error(`runImport: ${JSON.stringify(run.imported)}`);
	const tasks = await longTasksBetween(page, run.t0, run.t2);
	const profiled = {};
	await keepProfile(heap, 'import', profiled);
	const result = {
		...profiled,
		via: 'engine API',
		checkMs: round(run.t1 - run.t0),
		importMs: round(run.t2 - run.t1),
		importStatus: run.imported.lines?.join(' ') ?? run.imported.summary,
		progressValuesSeen: null,
		longestMainThreadTaskMs: round(tasks.longestMs),
		longTasks: tasks.count
	};
	result.totalMs = result.checkMs + result.importMs;
	if (probe) {
		result.heapPeakMB = {
			page: mb(heap.peak.page),
			worker: mb(heap.peak.worker),
			total: mb(heap.peak.total)
		};
		result.workerHeapSamples = heap.workerSamples;
	}
	await heap.dispose();
	if (!mode.exportEngine)
		return { import: result, exportSkipped: 'the engine has no exportCsv in this build' };
	return { import: result, export: await engineExport(page, { probe }) };
}

/** Export of every row through the engine's exportCsv (the Blob comes back to the page). */
async function engineExport(page, { probe }) {
	const heap = await new HeapMonitor(page, { enabled: probe || !!profiling, profile: !!profiling }).init();
	await page
		.waitForFunction(() => window.stockroomEngine, null, { timeout: 60_000 })
		.then((h) => h.dispose());
	await sleep(1000);
	heap.reset();
	const stopPolling = probe ? heap.poll(250) : async () => {};
	let run;
	try {
		log(`Export through the engine API …${probe ? ' (heap probes on)' : ''}`);
		run = await withTimeout(
			page.evaluate(async (filters) => {
				const engine = window.stockroomEngine;
				await engine.queryProducts(
					{ search: '', source: null, stock: 'any', sort: 'sku', descending: false },
					0,
					1
				);
				const t0 = performance.now();
				const result = await engine.exportCsv('bench-export', 'stock-sources', filters);
				const t1 = performance.now();
				if (result.status !== 'exported') return { t0, t1, result };
				const head = await result.blob.slice(0, 100).text();
				return {
					t0,
					t1,
					result: {
						status: result.status,
						rows: result.rows,
						fileName: result.fileName,
						bytes: result.blob.size
					},
					header: head.split(/\r?\n/)[0]
				};
			}, NO_FILTERS),
			300_000,
			'exportCsv'
		);
	} finally {
		await stopPolling();
	}
	if (run.result.status !== 'exported') throw new Error(`exportCsv: ${JSON.stringify(run.result)}`);
	const tasks = await longTasksBetween(page, run.t0, run.t1);
	const profiled = {};
	await keepProfile(heap, 'export', profiled);
	const result = {
		...profiled,
		via: 'engine API',
		ms: round(run.t1 - run.t0),
		fileName: run.result.fileName,
		bytes: run.result.bytes,
		dataRows: run.result.rows,
		header: run.header,
		longestMainThreadTaskMs: round(tasks.longestMs)
	};
	if (probe)
		result.heapPeakMB = {
			page: mb(heap.peak.page),
			worker: mb(heap.peak.worker),
			total: mb(heap.peak.total)
		};
	await heap.dispose();
	return result;
}
