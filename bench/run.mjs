#!/usr/bin/env node
// `npm run bench`: the performance targets of the README (Performance), measured in Debian's
// Chromium against the built app (served by `vite preview` on port 4174). Writes bench/results.json
// and prints a table. See bench/README.md for the phases and options.
//
//   npm run bench                          every phase the build supports
//   npm run bench -- --only start,queries  some phases (start, queries, import, transfer)
//   npm run bench -- --products 20000      a smaller catalogue, for trying the bench out

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchInitScript, CHROMIUM_PATH, launchPersistent } from './lib/browser.mjs';
import { openSession, queries, seed, start, transfer } from './lib/catalogue.mjs';
import { detectFeatures } from './lib/features.mjs';
import { importExport } from './lib/importExport.mjs';
import { Report } from './lib/report.mjs';
import { ensureBuild, keepPreview, prepareSnapshot } from './lib/server.mjs';
import { log, withTimeout } from './lib/util.mjs';

/** The text of a script the preview serves (to quote minified code in profile summaries). */
function sourceOf(servedDir, url) {
	const file = join(servedDir, '.svelte-kit', 'output', 'client', new URL(url).pathname);
	return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

const PHASES = ['start', 'queries', 'import', 'transfer'];
const benchDir = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(benchDir, '..');

class UsageError extends Error {
	usage = true;
}

function parseArgs(argv) {
	const options = {
		only: null,
		skip: [],
		products: 200_000,
		rows: 1_000_000,
		appDir: projectDir,
		build: 'auto',
		inPlace: false,
		port: 4174,
		out: join(benchDir, 'results.json'),
		budgetMin: 15,
		heap: true,
		profile: false,
		startRuns: 3
	};
	const value = (i, name) => {
		if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
		return argv[i + 1];
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, null];
		const take = () => (inline !== null ? inline : value(i++, name));
		switch (name) {
			case '--only':
				options.only = take()
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean);
				break;
			case '--skip':
				options.skip = take()
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean);
				break;
			case '--products':
				options.products = Number(take());
				break;
			case '--rows':
				options.rows = Number(take());
				break;
			case '--app-dir':
				options.appDir = resolve(take());
				break;
			case '--port':
				options.port = Number(take());
				break;
			case '--out':
				options.out = resolve(take());
				break;
			case '--budget-min':
				options.budgetMin = Number(take());
				break;
			case '--start-runs':
				options.startRuns = Number(take());
				break;
			case '--no-heap':
				options.heap = false;
				break;
			case '--profile':
				options.profile = true;
				break;
			case '--in-place':
				options.inPlace = true;
				break;
			case '--no-build':
				options.build = 'skip';
				break;
			case '--build':
				options.build = 'force';
				break;
			case '-h':
			case '--help':
				console.log(
					'usage: npm run bench -- [--only start,queries,import,transfer] [--skip …] [--products 200000]\n' +
						'       [--rows 1000000] [--start-runs 3] [--build | --no-build] [--in-place] [--no-heap] [--profile]\n' +
						'       [--app-dir DIR]' +
						' [--port 4174] [--out FILE] [--budget-min 15]'
				);
				process.exit(0);
				break;
			default:
				throw new UsageError(`unknown option ${arg} (try --help)`);
		}
	}
	const aliases = { export: 'import', seed: 'start', 'import/export': 'import' };
	const norm = (list) => list.map((p) => aliases[p] ?? p);
	options.only = options.only && norm(options.only);
	options.skip = norm(options.skip);
	for (const p of [...(options.only ?? []), ...options.skip]) {
		if (!PHASES.includes(p)) throw new UsageError(`unknown phase "${p}" (phases: ${PHASES.join(', ')})`);
	}
	if (!(options.products > 0) || !(options.rows > 0))
		throw new UsageError('--products and --rows must be positive');
	return options;
}

function chromiumVersion() {
	try {
		return execFileSync(CHROMIUM_PATH, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return null;
	}
}

function git(args, cwd) {
	try {
		return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return null;
	}
}

// Everything started is stopped again, whatever happens (errors, Ctrl-C, the time budget).
const cleanups = [];
const register = (fn) => cleanups.push(fn);
async function cleanUp() {
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			await withTimeout(Promise.resolve().then(fn), 15_000, 'cleanup');
		} catch (error) {
			console.error(`cleanup: ${error.message}`);
		}
	}
}
// A closed pipe (`npm run bench | head`) must not kill the run before it has cleaned up.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		console.error(`\n${signal}: stopping the browser and the server …`);
		void cleanUp().finally(() => process.exit(130));
	});
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const wanted = PHASES.filter(
		(p) => (options.only ? options.only.includes(p) : true) && !options.skip.includes(p)
	);
	const dataDir = join(benchDir, 'data');
	mkdirSync(dataDir, { recursive: true });

	const report = new Report({
		startedAt: new Date().toISOString(),
		command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			memoryGB: Math.round(os.totalmem() / 2 ** 30),
			node: process.version
		},
		app: {
			dir: options.appDir,
			commit: git(['rev-parse', '--short', 'HEAD'], options.appDir),
			dirty: (git(['status', '--porcelain', '--', 'src', 'static'], options.appDir) ?? '') !== ''
		},
		options: {
			phases: wanted,
			products: options.products,
			sourceItems: options.products * 5,
			csvRows: options.rows,
			port: options.port
		}
	});
	if (options.products !== 200_000)
		report.note('all', `catalogue of ${options.products} products, not the 200,000 of the targets`);
	if (options.profile)
		report.note('all', 'CPU profiling of the worker was on (--profile): times are inflated');
	if (!options.heap) report.note('all', 'heap not measured (--no-heap)');
	if (options.rows !== 1_000_000)
		report.note('import', `CSV of ${options.rows} rows, not the 1,000,000 of the targets`);

	// Other work on the machine (builds, test runs) slows everything down: keep the load in the results.
	const load = { max: os.loadavg()[0], samples: [] };
	const loadTimer = setInterval(() => {
		const now = os.loadavg()[0];
		load.max = Math.max(load.max, now);
		load.samples.push(Number(now.toFixed(2)));
	}, 5000);
	loadTimer.unref();
	report.meta.machine.load = load;

	const budget = setTimeout(() => {
		console.error(`\nThe bench exceeded its ${options.budgetMin}-minute budget: stopping.`);
		report.error('all', new Error(`time budget of ${options.budgetMin} min exceeded`));
		finish(report, options).finally(() => cleanUp().finally(() => process.exit(2)));
	}, options.budgetMin * 60_000);
	budget.unref();

	try {
		report.meta.chromium = chromiumVersion();
		const buildOptions = { force: options.build === 'force', skip: options.build === 'skip' };
		report.meta.build = options.inPlace
			? await ensureBuild(options.appDir, buildOptions)
			: await prepareSnapshot(options.appDir, join(dataDir, 'app'), buildOptions);
		const servedDir = options.inPlace ? options.appDir : join(dataDir, 'app');
		const features = detectFeatures(servedDir);
		report.meta.features = features;
		const server = await keepPreview(servedDir, options.port);
		register(() => server.stop());
		report.meta.serverRestarts = server.restarts;
		const baseUrl = server.url;

		const catalogue = wanted.filter((p) => p !== 'import');
		if (wanted.includes('transfer') && !features.transferInventory) {
			report.skip('transfer', 'the engine has no transferInventory in this build (issue 4 in progress)');
			catalogue.splice(catalogue.indexOf('transfer'), 1);
		}
		if (catalogue.length) {
			const profile = join(dataDir, 'profile');
			rmSync(profile, { recursive: true, force: true });
			log(`Launching ${CHROMIUM_PATH} (profile on disk: ${profile}) …`);
			const context = await launchPersistent(profile);
			register(() => context.close());
			await context.addInitScript(benchInitScript);
			const page = context.pages()[0] ?? (await context.newPage());
			page.setDefaultTimeout(60_000);
			const session = await openSession(context, page, {
				heap: options.heap,
				profile: options.profile,
				dataDir,
				servedDir
			});
			const phase = async (name, fn) => {
				try {
					await server.alive();
					await fn();
				} catch (error) {
					report.error(name, error);
					log(`${name} failed: ${error.message}`);
					return false;
				}
				return true;
			};
			const seeded = await phase('seed', () =>
				seed(session, report, { products: options.products, baseUrl })
			);
			if (seeded) {
				if (catalogue.includes('start'))
					await phase('start', () =>
						start(session, report, { products: options.products, runs: options.startRuns })
					);
				if (catalogue.includes('queries'))
					await phase('queries', () => queries(session, report, { products: options.products }));
				if (catalogue.includes('transfer'))
					await phase('transfer', () => transfer(session, report, { products: options.products }));
			} else {
				for (const p of catalogue) report.skip(p, 'the seed failed');
			}
			await session.heap.dispose();
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}

		if (wanted.includes('import')) {
			try {
				await server.alive();
				await importExport(report, {
					projectDir,
					dataDir,
					baseUrl,
					rows: options.rows,
					features,
					register,
					heap: options.heap,
					alive: () => server.alive(),
					profile: options.profile,
					source: (url) => sourceOf(servedDir, url)
				});
			} catch (error) {
				report.error('import', error);
				log(`import/export failed: ${error.message}`);
			}
		}
	} catch (error) {
		report.error('setup', error);
	} finally {
		clearTimeout(budget);
		await cleanUp();
	}
	clearInterval(loadTimer);
	const cpus = os.cpus().length;
	if (load.max > cpus) {
		report.note(
			'all',
			`the machine was busy: 1-minute load average up to ${load.max.toFixed(1)} on ${cpus} cores ` +
				'(other processes running), so times are inflated and noisy; compare runs on an idle machine'
		);
	}
	for (const restart of report.meta.serverRestarts ?? []) {
		report.note(
			'all',
			`vite preview died during the run (${restart.signal ?? `exit ${restart.code}`} at ${restart.at}) and was restarted`
		);
	}
	await finish(report, options);
	process.exit(report.errors.length ? 2 : report.failed.length ? 1 : 0);
}

let finished = false;
async function finish(report, options) {
	if (finished) return;
	finished = true;
	report.write(options.out);
	console.log('\n' + report.table());
	const profiles = Object.entries(report.phases).flatMap(([name, phase]) =>
		phase.workerProfile ? [[name, phase.workerProfile]] : []
	);
	for (const [name, profile] of profiles) {
		console.log(`\nworker CPU profile, ${name} (${profile.totalMs} ms; ${profile.file}):`);
		for (const t of profile.top.slice(0, 8)) {
			console.log(
				`  ${String(t.ms).padStart(6)} ms ${String(t.share).padStart(3)}%  ${t.name}${t.code ? `  ⟨${t.code.slice(0, 90)}⟩` : ''}`
			);
		}
	}
	const { failed, errors } = report;
	console.log(
		`\n${report.rows.filter((r) => r.pass === true).length} passed, ${failed.length} failed` +
			`${errors.length ? `, ${errors.length} errors` : ''}; results in ${options.out}`
	);
}

main().catch(async (error) => {
	console.error(error.usage ? `npm run bench: ${error.message}` : (error.stack ?? error));
	await cleanUp();
	process.exit(2);
});
