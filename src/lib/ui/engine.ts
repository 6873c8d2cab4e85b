// The page's handle on the engine worker. Components call `engine()`; they never touch the database.
// The worker is supervised: one that crashes (an `error` event) or hangs (does not answer a ping
// while calls are waiting) is replaced by a fresh one, its waiting calls fail with EngineRestartedError,
// and the page says the last action may not have completed (writes are atomic, so it did not).

import * as Comlink from 'comlink';
import type { EngineApi, RemoteEngine } from '$lib/worker/api';
import type { ChangeTopic } from '$lib/worker/store';
import { appErrors } from '$lib/ui/errors/appErrors.svelte';
import { debugEnabled, debugSetting } from '$lib/ui/errors/debugHooks';

/** How long a busy worker may take to answer a ping: long jobs yield often, so this is generous. */
const HANG_TIMEOUT_MS = 30_000;
const PING_EVERY_MS = 2_000;
const ALL_TOPICS: ChangeTopic[] = ['products', 'sources', 'settings', 'history'];

export class EngineRestartedError extends Error {
	constructor() {
		super('The background engine stopped before it answered; it has been restarted.');
		this.name = 'EngineRestartedError';
	}
}

interface Running {
	worker: Worker;
	remote: RemoteEngine;
	pending: Set<(error: Error) => void>;
}

const listeners = new Set<(topics: ChangeTopic[]) => void>();
let running: Running | null = null;
let facade: RemoteEngine | null = null;
let watchdog: ReturnType<typeof setInterval> | null = null;
let pinging = false;

function startWorker(): Running {
	const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
	const remote = Comlink.wrap<EngineApi>(worker);
	const started: Running = { worker, remote, pending: new Set() };
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		restart(started, 'The background engine failed with an error.', event.error ?? event.message);
	});
	worker.addEventListener('messageerror', () =>
		restart(started, 'The background engine sent a message the page could not read.')
	);
	void remote.subscribe(
		Comlink.proxy((topics: ChangeTopic[]) => listeners.forEach((listener) => listener(topics)))
	);
	return started;
}

function restart(dead: Running, cause: string, error?: unknown) {
	if (running !== dead) return; // already replaced
	dead.worker.terminate();
	running = startWorker();
	const failed = new EngineRestartedError();
	for (const reject of dead.pending) reject(failed);
	dead.pending.clear();
	appErrors.engineRestarted(cause, error);
	// The new engine reads everything from the database: let every page show it again.
	listeners.forEach((listener) => listener(ALL_TOPICS));
}

/** While calls wait, a ping that gets no answer in time means the worker is stuck. */
function watch() {
	if (watchdog !== null) return;
	watchdog = setInterval(() => {
		const current = running;
		if (!current || current.pending.size === 0 || pinging) return;
		pinging = true;
		const timeout = Number(debugSetting('hangTimeoutMs')) || HANG_TIMEOUT_MS;
		const timer = setTimeout(() => {
			pinging = false;
			restart(current, 'The background engine stopped responding.');
		}, timeout);
		void current.remote.ping().then(() => {
			clearTimeout(timer);
			pinging = false;
		});
	}, PING_EVERY_MS);
}

function call(name: string, args: unknown[]): Promise<unknown> {
	if (name.startsWith('debug') && !debugEnabled())
		return Promise.reject(new Error(`${name} is a test hook: set localStorage "stockroom.debug" to "on".`));
	running ??= startWorker();
	watch();
	const current = running;
	return new Promise((resolve, reject) => {
		current.pending.add(reject);
		const method = (current.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
		method(...args)
			.then(resolve, reject)
			.finally(() => current.pending.delete(reject));
	});
}

export function engine(): RemoteEngine {
	if (!facade) {
		running ??= startWorker();
		// Every method call goes to whichever worker is running now, so a restart is invisible to callers
		// beyond the calls that were waiting on the old one.
		facade = new Proxy({} as RemoteEngine, {
			get: (_, name) =>
				typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined
		});
		// Exposed for end-to-end tests and benchmarks, which seed data through the engine, not the UI.
		(globalThis as { stockroomEngine?: RemoteEngine }).stockroomEngine = facade;
	}
	return facade;
}

/** Runs `listener` whenever data of one of `topics` changes; returns the unsubscribe function. */
export function onEngineChange(topics: ChangeTopic[], listener: () => void): () => void {
	const wrapped = (changed: ChangeTopic[]) => {
		if (changed.some((topic) => topics.includes(topic))) listener();
	};
	listeners.add(wrapped);
	return () => listeners.delete(wrapped);
}

/** For progress callbacks passed to long jobs. */
export const proxy = Comlink.proxy;

let jobCounter = 0;
export function newJobId(): string {
	return `job-${Date.now()}-${++jobCounter}`;
}
