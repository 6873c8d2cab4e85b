#!/usr/bin/env node
// `npm test`: static checks, unit/integration tests (Vitest), end-to-end tests (Playwright), then one
// plain closing line `N passed, N failed` counted from the runners' JSON reports. Exits non-zero on
// any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (label, command, args, env = {}) => {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
};

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const steps = [];
steps.push(['chromium', run('Chromium for end-to-end tests', 'bash', ['scripts/ensure-chromium.sh'])]);
steps.push(['sync', run('SvelteKit sync', 'npx', ['svelte-kit', 'sync'])]);
steps.push(['prettier', run('prettier --check', 'npx', ['prettier', '--check', '.'])]);
steps.push(['eslint', run('eslint', 'npx', ['eslint', '.'])]);
steps.push([
	'svelte-check',
	run('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'])
]);
steps.push(['vitest', run('Vitest (unit and integration)', 'npx', ['vitest', 'run'])]);
steps.push([
	'playwright',
	run('Playwright (end to end)', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? 'true' })
]);

let passed = 0;
let failed = 0;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const vitest = readJson('reports/vitest.json');
if (vitest) {
	passed += vitest.numPassedTests ?? 0;
	failed += vitest.numFailedTests ?? 0;
}
const playwright = readJson('reports/playwright.json');
if (playwright) {
	passed += playwright.stats?.expected ?? 0;
	failed += (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0);
}
// A check that failed without a failed test to show for it (lint, types, a runner that crashed or
// errored outside a test) counts as one failure, so the closing line never hides a red step.
const reportedFailures = {
	vitest: vitest ? (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0) : 0,
	playwright: playwright ? (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0) : 0
};
for (const [name, ok] of steps) {
	if (!ok && !(reportedFailures[name] > 0)) {
		console.log(`✗ ${name} failed`);
		failed += 1;
	}
}
if (!vitest || !playwright) console.log('✗ a test runner wrote no report');
const ok = failed === 0 && vitest && playwright && steps.every(([, stepOk]) => stepOk);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
