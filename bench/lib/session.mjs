// The browser page a group of scenarios share, with its probes: the heap monitor, the CPU throttle of
// the tablet profile, and (with --profile) the worker's CPU profile.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeapMonitor, profileSummary } from './browser.mjs';

export async function waitForEngine(page, timeout = 60_000) {
	const handle = await page.waitForFunction(() => window.stockroomEngine, null, { timeout, polling: 50 });
	await handle.dispose();
}

export async function openSession(
	context,
	page,
	{ heap = true, profile = false, dataDir, servedDir, throttle }
) {
	const monitor = await new HeapMonitor(page, { enabled: heap, profile }).init();
	return {
		context,
		page,
		heap: monitor,
		throttle,
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
export async function keepProfile(session, r, name) {
	if (!session.profile) return;
	const profile = await session.heap.takeProfile();
	if (!profile || name.startsWith('before-')) return; // 'before-…': only restarts the profile
	const file = join(session.dataDir, `worker-${name}.cpuprofile`);
	writeFileSync(file, JSON.stringify(profile));
	r.workerProfile = { file, ...profileSummary(profile, { source: session.source }) };
}
