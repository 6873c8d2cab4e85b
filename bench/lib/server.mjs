// Builds the app when build/ is missing or older than its sources, and serves it with `vite preview`
// on its own port (the e2e tests use 4173), in its own process group so that it can always be stopped.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { log, sleep, tail } from './util.mjs';

// Process groups still running when Node exits for any reason (a crash, a closed pipe): killed then.
const groups = new Set();
process.on('exit', () => {
	for (const pid of groups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
});

/** Kills `child`'s process group (spawned with `detached: true`) if the bench exits before it. */
export function track(child) {
	groups.add(child.pid);
	child.on('close', () => groups.delete(child.pid));
	return child;
}

const INPUTS = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'vite.config.js',
	'package.json',
	'package-lock.json',
	'tsconfig.json'
];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** Why the build must be (re)made, or null when build/ is up to date. */
export function buildStaleness(appDir) {
	const index = join(appDir, 'build', 'index.html');
	// `vite preview` of SvelteKit serves .svelte-kit/output, which the same build writes.
	const server = join(appDir, '.svelte-kit', 'output', 'server', 'index.js');
	if (!existsSync(index)) return 'build/ is missing';
	if (!existsSync(server)) return '.svelte-kit/output is missing';
	const built = Math.min(statSync(index).mtimeMs, statSync(server).mtimeMs);
	const newest = Math.max(...INPUTS.map((p) => newestMtime(join(appDir, p))));
	if (newest > built) return `sources changed since the last build (${new Date(newest).toISOString()})`;
	return null;
}

function run(command, args, { cwd, timeoutMs }) {
	return new Promise((resolve) => {
		const child = track(spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => {
			output += `\n(killed after ${timeoutMs / 1000} s)`;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

/** Builds when needed; returns what happened (for results.json). Throws when a needed build fails. */
export async function ensureBuild(appDir, { force = false, skip = false, why = 'forced (--build)' } = {}) {
	const reason = force ? why : buildStaleness(appDir);
	if (skip) return { built: false, skipped: true, staleReason: reason };
	if (!reason) return { built: false, upToDate: true };
	log(`Building the app: ${reason} …`);
	const t0 = Date.now();
	const { code, output } = await run('npm', ['run', 'build'], { cwd: appDir, timeoutMs: 300_000 });
	const ms = Date.now() - t0;
	if (code !== 0) {
		throw new Error(
			`npm run build failed (exit ${code}) after ${(ms / 1000).toFixed(1)} s:\n${tail(output)}\n` +
				'The bench measures a working build: fix the build, or pass --no-build to serve the last one.'
		);
	}
	log(`Built in ${(ms / 1000).toFixed(1)} s.`);
	return { built: true, reason, ms };
}

/** A hash of every build input (paths and contents): the snapshot is rebuilt only when it changes. */
export function inputsHash(dir) {
	const hash = createHash('sha1');
	const walk = (path, rel) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path).sort()) walk(join(path, entry), `${rel}/${entry}`);
		} else {
			hash.update(`${rel}\0${stat.size}\0`);
			hash.update(readFileSync(path));
		}
	};
	for (const input of INPUTS) walk(join(dir, input), input);
	return hash.digest('hex');
}

/**
 * Copies the build inputs of `sourceDir` (the working tree as it is now) to `targetDir` and builds
 * there when they changed since its last build. Other people building in the working tree at the
 * same time then neither break the server under the bench (vite preview dies when its
 * .svelte-kit/output is rewritten) nor get their own server broken by the bench's build.
 */
export async function prepareSnapshot(sourceDir, targetDir, { force = false, skip = false } = {}) {
	const hash = inputsHash(sourceDir);
	const stamp = join(targetDir, '.bench-build-hash');
	const built = existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
	const outputs = existsSync(join(targetDir, '.svelte-kit', 'output', 'server', 'index.js'));
	if (skip) {
		if (!outputs) throw new Error(`--no-build, but ${targetDir} holds no build yet`);
		return { built: false, skipped: true, snapshot: targetDir, upToDate: built === hash };
	}
	if (!force && outputs && built === hash)
		return { built: false, upToDate: true, snapshot: targetDir, inputs: hash };
	log(`Copying the working tree's build inputs to ${targetDir} …`);
	for (const input of INPUTS) {
		rmSync(join(targetDir, input), { recursive: true, force: true });
		if (existsSync(join(sourceDir, input)))
			cpSync(join(sourceDir, input), join(targetDir, input), { recursive: true });
	}
	if (!existsSync(join(targetDir, 'node_modules'))) {
		symlinkSync(join(sourceDir, 'node_modules'), join(targetDir, 'node_modules'), 'dir');
	}
	rmSync(stamp, { force: true });
	const why = force
		? 'forced (--build)'
		: built
			? 'sources changed since the last bench build'
			: 'first build';
	const result = await ensureBuild(targetDir, { force: true, why: `snapshot of the working tree, ${why}` });
	// What was copied, not what the tree holds by now: hash the snapshot itself.
	writeFileSync(stamp, inputsHash(targetDir));
	return { ...result, snapshot: targetDir };
}

/** Starts `vite preview` on `port`; resolves once it answers. Call `stop()` in a finally. */
export async function startPreview(appDir, port) {
	const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		cwd: appDir,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	let exited = null;
	track(child);
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const closed = new Promise((resolve) =>
		child.on('close', (code, signal) => resolve((exited = { code, signal, at: new Date().toISOString() })))
	);

	const stop = async () => {
		if (exited) return;
		for (const signal of ['SIGTERM', 'SIGKILL']) {
			try {
				process.kill(-child.pid, signal);
			} catch {
				return;
			}
			if (await Promise.race([closed.then(() => true), sleep(5000).then(() => false)])) return;
		}
	};

	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (exited) {
			throw new Error(
				`vite preview exited (code ${exited.code}) before serving on port ${port}` +
					` (another server on it?):\n${tail(output)}`
			);
		}
		// Only trust the port once our own server says it listens there (not a leftover one).
		if (output.includes(`:${port}`)) {
			try {
				const response = await fetch(url);
				if (response.ok) {
					log(`Serving ${url} (vite preview, pid ${child.pid}).`);
					const status = () => (exited ? { ...exited, output: tail(output, 10) } : null);
					return { url, stop, pid: child.pid, status };
				}
			} catch {
				/* not yet */
			}
		}
		await sleep(250);
	}
	await stop();
	throw new Error(`vite preview did not answer on ${url} within 60 s:\n${tail(output)}`);
}

/**
 * The preview server, restarted when it has died during the run (other work on this machine can
 * rebuild or stop it): call `alive()` before each phase. `restarts` lists what happened.
 */
export async function keepPreview(appDir, port) {
	let server = await startPreview(appDir, port);
	const restarts = [];
	return {
		url: server.url,
		restarts,
		async alive() {
			const status = server.status();
			if (!status) return;
			log(`vite preview has exited (${status.signal ?? `code ${status.code}`}); restarting it …`);
			restarts.push(status);
			server = await startPreview(appDir, port);
		},
		stop: () => server.stop()
	};
}
