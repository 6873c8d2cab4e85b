#!/usr/bin/env node
// `npm run bench`: the app's performance targets, measured in Debian's Chromium against a build of
// the working tree. Runs the scenarios of bench/scenarios/index.mjs, prints a table of each figure
// against its target, and writes bench/out/results-<profile>.json. See bench/README.md.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadApp } from './lib/app.mjs';
import { benchInitScript, CHROMIUM_PATH, launchPersistent } from './lib/browser.mjs';
import { seed } from './lib/catalogue.mjs';
import { Report } from './lib/report.mjs';
import { ensureBuild, keepPreview, prepareSnapshot } from './lib/server.mjs';
import { openSession } from './lib/session.mjs';
import { PROFILES } from './lib/targets.mjs';
import { CpuThrottle } from './lib/throttle.mjs';
import { log, withTimeout } from './lib/util.mjs';
import { SCENARIOS } from './scenarios/index.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const projectDir = resolve(benchDir, '..');
const NAMES = SCENARIOS.map((s) => s.name);

const USAGE = `usage: npm run bench -- [options]
  --tablet            page and worker CPU slowed 4× (a mid-range tablet), with the tablet targets
  --only <names>      only these scenarios, comma-separated (${NAMES.join(', ')})
  --products <n>      catalogue size (default 200000; the targets are for 200000)
  --rows <n>          rows of the import CSV (default 1000000; the targets are for 1000000)
  --start-runs <n>    reloads timed by the start scenario (default 3)
  --limit <file>      the limit tool (limit.mjs) to hold import and export against
  --build | --no-build   always rebuild / serve the last build (default: rebuild when sources changed)
  --in-place          build and serve the working tree itself instead of a copy
  --no-heap           skip the heap probes     --profile   CPU-profile the engine worker
  --port <n>          vite preview port (default 4174)   --budget-min <n>  stop after n minutes (15)
  --out <file>        results file (default bench/out/results-<profile>.json)`;

class UsageError extends Error {}

function options(argv) {
	const { values } = parseArgs({
		args: argv,
		strict: true,
		options: {
			tablet: { type: 'boolean', default: false },
			only: { type: 'string', multiple: true },
			products: { type: 'string', default: '200000' },
			rows: { type: 'string', default: '1000000' },
			'start-runs': { type: 'string', default: '3' },
			limit: { type: 'string' },
			build: { type: 'boolean' },
			'no-build': { type: 'boolean', default: false },
			'in-place': { type: 'boolean', default: false },
			'no-heap': { type: 'boolean', default: false },
			profile: { type: 'boolean', default: false },
			port: { type: 'string', default: '4174' },
			'budget-min': { type: 'string', default: '15' },
			out: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const count = (name) => {
		const n = Number(values[name]);
		if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a whole number above 0`);
		return n;
	};
	const only = values.only?.flatMap((list) => list.split(',').map((s) => s.trim())).filter(Boolean);
	for (const name of only ?? []) {
		if (!NAMES.includes(name))
			throw new UsageError(`unknown scenario "${name}" (scenarios: ${NAMES.join(', ')})`);
	}
	const profile = values.tablet ? 'tablet' : 'normal';
	const outDir = join(benchDir, 'out');
	return {
		profile,
		cpuRate: PROFILES[profile].cpuRate,
		scenarios: SCENARIOS.filter((s) => !only || only.includes(s.name)),
		products: count('products'),
		rows: count('rows'),
		startRuns: count('start-runs'),
		limit: values.limit ? resolve(values.limit) : null,
		build: values.build ? 'force' : values['no-build'] ? 'skip' : 'auto',
		inPlace: values['in-place'],
		heap: !values['no-heap'],
		cpuProfile: values.profile,
		port: count('port'),
		budgetMin: count('budget-min'),
		out: values.out ? resolve(values.out) : join(outDir, `results-${profile}.json`),
		projectDir,
		dataDir: join(benchDir, 'data')
	};
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
		try {
			await withTimeout(Promise.resolve().then(cleanups.pop()), 15_000, 'cleanup');
		} catch (error) {
			console.error(`cleanup: ${error.message}`);
		}
	}
}
process.stdout.on('error', () => {}); // `npm run bench | head` must not stop the run before cleanup
process.stderr.on('error', () => {});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		console.error(`\n${signal}: stopping the browser and the server …`);
		void cleanUp().finally(() => process.exit(130));
	});
}

/** Runs the catalogue scenarios on one page: seeded once, slowed once (tablet), proven slowed once. */
async function runOnCatalogue(list, context) {
	const { options, report, server } = context;
	const profileDir = join(options.dataDir, 'profile');
	rmSync(profileDir, { recursive: true, force: true });
	log(`Launching ${CHROMIUM_PATH} (profile on disk: ${profileDir}) …`);
	const browser = await launchPersistent(profileDir);
	register(() => browser.close());
	await browser.addInitScript(benchInitScript);
	const page = browser.pages()[0] ?? (await browser.newPage());
	page.setDefaultTimeout(60_000);
	const throttle = await new CpuThrottle(page, options.cpuRate).init();
	const session = await openSession(browser, page, {
		heap: options.heap,
		profile: options.cpuProfile,
		dataDir: options.dataDir,
		servedDir: context.servedDir,
		throttle
	});
	const step = async (name, fn) => {
		try {
			await server.alive();
			await fn();
			return true;
		} catch (error) {
			report.error(name, error);
			log(`${name} failed: ${error.message}`);
			return false;
		}
	};
	const seeded = await step('seed', async () => {
		await seed(session, report, { products: options.products, baseUrl: server.url, app: context.app });
		if (throttle.on) {
			report.throttled('seed', await throttle.proof());
			report.note('seed', throttle.describe());
		}
	});
	for (const scenario of list) {
		if (!seeded) report.skip(scenario.name, 'the seed failed');
		else await step(scenario.name, () => scenario.run({ ...context, session }));
	}
	await throttle.dispose();
	await session.heap.dispose();
	await browser.close();
	rmSync(profileDir, { recursive: true, force: true });
}

async function main() {
	const opts = options(process.argv.slice(2));
	const { targets } = PROFILES[opts.profile];
	mkdirSync(opts.dataDir, { recursive: true });
	mkdirSync(dirname(opts.out), { recursive: true });
	const report = new Report({
		startedAt: new Date().toISOString(),
		command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		profile: opts.profile,
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			memoryGB: Math.round(os.totalmem() / 2 ** 30),
			node: process.version
		},
		app: {
			commit: git(['rev-parse', '--short', 'HEAD'], projectDir),
			dirty: (git(['status', '--porcelain', '--', 'src', 'static'], projectDir) ?? '') !== ''
		},
		options: {
			scenarios: opts.scenarios.map((s) => s.name),
			cpuRate: opts.cpuRate,
			products: opts.products,
			sourceItems: opts.products * 5,
			csvRows: opts.rows,
			targets
		}
	});
	if (opts.products !== 200_000)
		report.note('all', `catalogue of ${opts.products} products, not the 200,000 of the targets`);
	if (opts.rows !== 1_000_000)
		report.note('import', `CSV of ${opts.rows} rows, not the 1,000,000 of the targets`);
	if (opts.cpuProfile)
		report.note('all', 'CPU profiling of the worker was on (--profile): times are inflated');
	if (opts.cpuRate > 1) {
		report.note('all', `tablet profile: page and worker CPU slowed ${opts.cpuRate}× `);
	}

	// Other work on the machine slows everything down: keep the load in the results.
	const load = { max: os.loadavg()[0] };
	const loadTimer = setInterval(() => (load.max = Math.max(load.max, os.loadavg()[0])), 5000);
	loadTimer.unref();
	report.meta.machine.load = load;

	const budget = setTimeout(() => {
		console.error(`\nThe bench exceeded its ${opts.budgetMin}-minute budget: stopping.`);
		report.error('all', new Error(`time budget of ${opts.budgetMin} min exceeded`));
		finish(report, opts).finally(() => cleanUp().finally(() => process.exit(2)));
	}, opts.budgetMin * 60_000);
	budget.unref();

	try {
		const app = await loadApp();
		report.meta.chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		const buildOptions = { force: opts.build === 'force', skip: opts.build === 'skip' };
		const servedDir = opts.inPlace ? projectDir : join(opts.dataDir, 'app');
		report.meta.build = opts.inPlace
			? await ensureBuild(projectDir, buildOptions)
			: await prepareSnapshot(projectDir, servedDir, buildOptions);
		const server = await keepPreview(servedDir, opts.port);
		register(() => server.stop());
		report.meta.serverRestarts = server.restarts;
		const context = {
			options: opts,
			targets,
			app,
			report,
			server,
			servedDir,
			baseUrl: server.url,
			register,
			alive: () => server.alive(),
			/** The text of a served script, to quote minified code in profile summaries. */
			servedSource: (url) => {
				const file = join(servedDir, '.svelte-kit', 'output', 'client', new URL(url).pathname);
				return existsSync(file) ? readFileSync(file, 'utf8') : null;
			}
		};
		const onCatalogue = opts.scenarios.filter((s) => s.on === 'catalogue');
		if (onCatalogue.length) await runOnCatalogue(onCatalogue, context);
		for (const scenario of opts.scenarios.filter((s) => s.on === 'fresh')) {
			try {
				await server.alive();
				await scenario.run(context);
			} catch (error) {
				report.error(scenario.name, error);
				log(`${scenario.name} failed: ${error.message}`);
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
			`the machine was busy: 1-minute load average up to ${load.max.toFixed(1)} on ${cpus} cores, ` +
				'so times are inflated and noisy; compare runs on an idle machine'
		);
	}
	for (const restart of report.meta.serverRestarts ?? []) {
		report.note(
			'all',
			`vite preview died during the run (${restart.signal ?? `exit ${restart.code}`}) and was restarted`
		);
	}
	await finish(report, opts);
	process.exit(report.errors.length ? 2 : report.failed.length ? 1 : 0);
}

let finished = false;
async function finish(report, opts) {
	if (finished) return;
	finished = true;
	report.write(opts.out);
	console.log('\n' + report.table());
	for (const [name, phase] of Object.entries(report.phases)) {
		const profile = phase.workerProfile;
		if (!profile) continue;
		console.log(`\nworker CPU profile, ${name} (${profile.totalMs} ms; ${profile.file}):`);
		for (const t of profile.top.slice(0, 8)) {
			const code = t.code ? `  ⟨${t.code.slice(0, 90)}⟩` : '';
			console.log(`  ${String(t.ms).padStart(6)} ms ${String(t.share).padStart(3)}%  ${t.name}${code}`);
		}
	}
	const passed = report.rows.filter((r) => r.pass === true).length;
	const errors = report.errors.length ? `, ${report.errors.length} errors` : '';
	console.log(
		`\n${opts.profile} profile: ${passed} passed, ${report.failed.length} failed${errors}; results in ${opts.out}`
	);
}

main().catch(async (error) => {
	const usage = error instanceof UsageError || error.code?.startsWith?.('ERR_PARSE_ARGS');
	console.error(usage ? `npm run bench: ${error.message} (try --help)` : (error.stack ?? error));
	await cleanUp();
	process.exit(2);
});
