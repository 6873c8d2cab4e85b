// The page's handle on the engine worker. Components call `engine()`; they never touch the database.

import * as Comlink from 'comlink';
import type { EngineApi, RemoteEngine } from '$lib/worker/api';
import type { ChangeTopic } from '$lib/worker/store';

let remote: RemoteEngine | null = null;
const listeners = new Set<(topics: ChangeTopic[]) => void>();

export function engine(): RemoteEngine {
	if (!remote) {
		const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
		remote = Comlink.wrap<EngineApi>(worker);
		void remote.subscribe(
			Comlink.proxy((topics: ChangeTopic[]) => listeners.forEach((listener) => listener(topics)))
		);
		// Exposed for end-to-end tests and benchmarks, which seed data through the engine, not the UI.
		(globalThis as { stockroomEngine?: RemoteEngine }).stockroomEngine = remote;
	}
	return remote;
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
