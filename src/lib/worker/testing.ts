// Test helpers for the engine: a fresh database per engine (fake-indexeddb), closed after each test.

import { afterEach } from 'vitest';
import type { Outcome } from '$lib/domain/outcome';
import { createEngine } from './api';
import type { JobEnd } from './jobs';
import { Store } from './store';

/**
 * Returns `openEngine(name?)`: an engine on a new database (or, given a name, a second tab on an
 * existing one). Every store opened is closed after each test.
 */
export function engineFactory(prefix: string) {
	let stores: Store[] = [];
	let counter = 0;
	afterEach(() => {
		stores.forEach((store) => store.close());
		stores = [];
	});
	return function openEngine(name = `${prefix}-${Date.now()}-${++counter}`) {
		const store = new Store(name);
		stores.push(store);
		return { engine: createEngine(store), store, name };
	};
}

/**
 * The value of a successful outcome, or the result of a job that is `done`; anything else fails the
 * test with its message.
 */
export function value<T>(outcome: Outcome<T> | JobEnd): T;
export function value<T extends { status: 'done' }>(result: T | JobEnd): T;
export function value<T>(result: Outcome<T> | { status: string }): unknown {
	if ('ok' in result) {
		if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
		return result.value;
	}
	if (result.status !== 'done') throw new Error(`expected done, got: ${JSON.stringify(result)}`);
	return result;
}
