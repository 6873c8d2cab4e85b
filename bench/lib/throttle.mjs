// The tablet profile: the page's and the engine worker's CPU slowed by `rate` (a mid-range tablet is
// about 4× slower than this machine).
//
// The page: `Emulation.setCPUThrottlingRate` on the page's DevTools session (Chromium's own throttler).
// The workers: Chromium refuses that command for workers ("Operation is only supported for pages, not
// workers"). DevTools still attaches to every worker the page starts (also after a reload) and holds
// it before its first line runs (`waitForDebuggerOnStart`) while its thread is slowed, so it is slow
// from the start; the proof loop runs in it through DevTools too. The slowing itself:
// - `kernel` (preferred): the worker's thread gets 1/rate of every 40 ms from the kernel's CPU
//   bandwidth control (threadThrottle.mjs). It needs write access to the cgroup v1 `cpu` controller.
// - `debugger` (fallback when the kernel refuses): every `PERIOD_MS` the worker runs for 1/rate of the
//   time and is held in the debugger (`Debugger.pause`, `Debugger.resume`) for the rest. This
//   overstates the cost of short work: each pause sends hot functions back to the interpreter, and
//   the attached debugger alone costs about 1.4×. A 30 ms query loop came out 8× slower, not 4×.
//
// `proof()` times one fixed busy loop in the page and in the worker with the throttle off and on, so
// the output shows that both were slowed, and by how much.

import { sleep, withTimeout } from './util.mjs';
import { isSlowed, releaseThreads, slowThread, workerThreads } from './threadThrottle.mjs';

const PERIOD_MS = 40;

/** A fixed amount of pure CPU work (no allocation, no I/O); returns its milliseconds. */
const BUSY_LOOP =
	'(() => { const t = performance.now(); let x = 0; for (let i = 0; i < 2e7; i++) x = (x + i * 7) % 1000003; ' +
	'return performance.now() - t; })()';

export class CpuThrottle {
	/** `rate` 1 attaches nothing and changes nothing: the normal profile. */
	constructor(page, rate) {
		this.page = page;
		this.rate = rate;
		this.on = rate > 1;
		this.workers = new Map(); // sessionId -> { url, running, throttled, holding }
		/** How the workers are slowed: 'kernel' until the kernel refuses, then 'debugger'. */
		this.method = 'kernel';
		this.threads = []; // the worker threads the kernel slows
		this.slowing = true; // false while proof() measures the unslowed reference
		this.pending = new Map();
		this.nextId = 1;
	}

	async init() {
		if (!this.on) return this;
		const cdp = (this.cdp = await this.page.context().newCDPSession(this.page));
		cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
			const reply = JSON.parse(message);
			if (reply.method === 'Debugger.paused') return this.#paused(sessionId);
			this.pending.get(reply.id)?.(reply);
			this.pending.delete(reply.id);
		});
		cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
			if (targetInfo.type !== 'worker') return;
			const worker = { url: targetInfo.url, running: true, throttled: true };
			this.workers.set(sessionId, worker);
			void this.#startWorker(sessionId, worker, waitingForDebugger);
		});
		cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
			const worker = this.workers.get(sessionId);
			if (worker) worker.running = false;
			this.workers.delete(sessionId);
		});
		await cdp.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: true,
			flatten: false
		});
		await this.#setPageRate(this.rate);
		// Workers started by a worker (the engine's copy worker) are not attached through the page's
		// session: look for new worker threads a few times a second and slow them too.
		this.sweep = setInterval(() => {
			if (this.method !== 'kernel' || !this.slowing) return;
			const fresh = workerThreads().filter((thread) => !isSlowed(thread));
			try {
				for (const thread of fresh) slowThread(thread, this.rate);
				this.threads.push(...fresh);
				if (fresh.length) this.sweptAt = Date.now();
			} catch {
				// a thread that ended meanwhile
			}
		}, 250);
		return this;
	}

	#setPageRate(rate) {
		return this.cdp.send('Emulation.setCPUThrottlingRate', { rate });
	}

	/** Sends a command to a worker; with `wait: false` it does not wait for the reply (duty cycle). */
	#send(sessionId, method, params = {}, { wait = true, timeoutMs = 10_000 } = {}) {
		const id = this.nextId++;
		const reply = wait ? new Promise((resolve) => this.pending.set(id, resolve)) : null;
		const sent = this.cdp
			.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
			.catch(() => this.pending.get(id)?.({ error: { message: 'worker gone' } }));
		if (!wait) return sent;
		return withTimeout(reply, timeoutMs, `${method} in the worker`).then((r) => {
			if (r.error) throw new Error(r.error.message);
			return r.result;
		});
	}

	async #startWorker(sessionId, worker, waitingForDebugger) {
		if (this.method === 'kernel' && (await this.#slowNewThreads())) {
			if (waitingForDebugger) await this.#send(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
			return;
		}
		try {
			await this.#send(sessionId, 'Debugger.enable');
		} catch {
			worker.running = false;
		}
		void this.#dutyCycle(sessionId, worker);
		if (waitingForDebugger) await this.#send(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
	}

	/**
	 * Slows the worker threads not yet slowed; false (and the debugger from then on) when the kernel
	 * refuses. The new worker's thread exists while it waits for the debugger; it may take a moment
	 * to carry its name.
	 */
	async #slowNewThreads() {
		for (let tries = 0; tries < 40; tries++) {
			const fresh = workerThreads().filter((thread) => !isSlowed(thread));
			// The sweep in init() may have been quicker than this attach: that thread is slowed already.
			if (!fresh.length && Date.now() - (this.sweptAt ?? 0) < 2000) return true;
			if (fresh.length) {
				try {
					for (const thread of fresh) slowThread(thread, this.rate);
				} catch (error) {
					this.method = 'debugger';
					this.refusal = error.message;
					return false;
				}
				this.threads.push(...fresh);
				return true;
			}
			await sleep(25);
		}
		return true; // a worker of another page, or one already slowed
	}

	/**
	 * A pause asked while the worker is idle waits for its next line of JavaScript, which may come in
	 * a running phase (or after the throttle was turned off): a pause outside a hold ends at once.
	 */
	#paused(sessionId) {
		const worker = this.workers.get(sessionId);
		if (worker && worker.holding && worker.throttled) return;
		void this.#send(sessionId, 'Debugger.resume', {}, { wait: false });
	}

	async #dutyCycle(sessionId, worker) {
		const runMs = PERIOD_MS / this.rate;
		while (worker.running) {
			await sleep(runMs);
			if (!worker.running || !worker.throttled) continue;
			worker.holding = true;
			void this.#send(sessionId, 'Debugger.pause', {}, { wait: false });
			await sleep(PERIOD_MS - runMs);
			worker.holding = false;
			void this.#send(sessionId, 'Debugger.resume', {}, { wait: false });
		}
	}

	/** Turns the slowing of page and workers on or off (off for the reference figures of proof()). */
	async #set(on) {
		await this.#setPageRate(on ? this.rate : 1);
		for (const worker of this.workers.values()) worker.throttled = on;
		this.slowing = on;
		for (const thread of this.threads) {
			if (!workerThreads().some((t) => t.tid === thread.tid)) continue; // a reload replaced it
			slowThread(thread, on ? this.rate : 1);
		}
		if (!on) {
			for (const sessionId of this.workers.keys())
				await this.#send(sessionId, 'Debugger.resume', {}, { wait: false });
		}
		await sleep(100);
	}

	/** The engine worker's session (the app has one dedicated worker; the newest after a reload). */
	#engineWorker() {
		return [...this.workers.keys()].at(-1) ?? null;
	}

	/** Runs the busy loop as an ordinary task in the worker (DevTools evaluations are not paused). */
	async #workerLoopMs(sessionId) {
		const key = `__benchLoop${this.nextId}`;
		await this.#send(sessionId, 'Runtime.evaluate', {
			expression: `self.${key} = null; setTimeout(() => { self.${key} = ${BUSY_LOOP}; }, 0); 0`
		});
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			await sleep(50);
			const reply = await this.#send(sessionId, 'Runtime.evaluate', {
				expression: `self.${key}`,
				returnByValue: true
			});
			if (reply?.result?.value != null) return reply.result.value;
		}
		throw new Error('the busy loop in the worker did not finish within 60 s');
	}

	/**
	 * The busy loop in the page and in the engine worker, unthrottled and throttled (median of 3
	 * each): `{ page: { offMs, onMs, factor }, worker: { … } }`. Leaves the throttle on.
	 */
	async proof() {
		if (!this.on) return null;
		let worker = this.#engineWorker();
		for (let waited = 0; !worker && waited < 10_000; waited += 100) {
			await sleep(100);
			worker = this.#engineWorker();
		}
		if (!worker) throw new Error('no worker was attached within 10 s: the worker can not be slowed');
		const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const result = {};
		for (const [name, run] of [
			['page', () => this.page.evaluate(BUSY_LOOP)],
			['worker', () => this.#workerLoopMs(worker)]
		]) {
			// Off and on taken in turns, so that a change in the machine's load hits both alike.
			const off = [];
			const on = [];
			for (let i = 0; i < 3; i++) {
				await this.#set(false);
				off.push(await run());
				await this.#set(true);
				on.push(await run());
			}
			const offMs = median(off);
			const onMs = median(on);
			result[name] = {
				offMs: Math.round(offMs),
				onMs: Math.round(onMs),
				factor: Number((onMs / offMs).toFixed(1))
			};
		}
		return result;
	}

	/** How the workers were slowed, for the report. */
	describe() {
		if (this.method === 'kernel')
			return 'workers slowed by the kernel (a cgroup per worker thread, 1/rate of every 40 ms)';
		return `workers held in the debugger (the kernel refused: ${this.refusal}); this overstates short work`;
	}

	async dispose() {
		clearInterval(this.sweep);
		releaseThreads(this.threads);
		for (const worker of this.workers.values()) worker.running = false;
		await this.cdp?.detach().catch(() => {});
	}
}
