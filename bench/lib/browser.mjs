// Debian's Chromium through Playwright, the in-page probes (long tasks, first grid row, downloads) and
// a JS-heap monitor for the page and its engine worker over CDP.

import { chromium } from '@playwright/test';
import { sleep, withTimeout } from './util.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-precise-memory-info'
];
export const VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser() {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A profile on disk, so that the app's IndexedDB is written and read back as on a real device. */
export function launchPersistent(userDataDir) {
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		timeout: 60_000,
		viewport: VIEWPORT
	});
}

/**
 * Runs in every document before the app: records long tasks, the first visible grid row, and the
 * Blobs the page turns into object URLs (an export's file), all on the page's performance.now() clock.
 */
export function benchInitScript() {
	const bench = {
		longtasks: [],
		interactive: null,
		blobs: [],
		marks: {}
	};
	Object.defineProperty(window, '__bench', { value: bench });
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		bench.longtasksUnsupported = true;
	}
	const createObjectURL = URL.createObjectURL.bind(URL);
	URL.createObjectURL = (object) => {
		if (object instanceof Blob)
			bench.blobs.push({ at: performance.now(), size: object.size, type: object.type });
		return createObjectURL(object);
	};
	// Clicks on buttons, by accessible text, timestamped where the user's click lands.
	document.addEventListener(
		'click',
		(event) => {
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			if (button) bench.marks[`click:${button.textContent.trim()}`] = performance.now();
		},
		true
	);
	// Start-to-interactive: the first grid row with a product link, laid out inside the viewport.
	const firstRow = () => {
		const link = document.querySelector('table[aria-label="Products"] tbody tr a');
		if (!link || !link.textContent.trim()) return null;
		const rect = link.getBoundingClientRect();
		return rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight ? link.textContent.trim() : null;
	};
	const watch = () => {
		const observer = new MutationObserver(() => {
			const sku = firstRow();
			if (!sku) return;
			observer.disconnect();
			const inDom = performance.now();
			requestAnimationFrame(() =>
				setTimeout(() => (bench.interactive = { sku, inDom, painted: performance.now() }), 0)
			);
		});
		observer.observe(document, { childList: true, subtree: true, characterData: true });
	};
	watch();
}

/** Long tasks of the page's main thread between two page times: the longest, and how many over 50 ms. */
export async function longTasksBetween(page, from, to) {
	return page.evaluate(
		([from, to]) => {
			const tasks = window.__bench.longtasks.filter(
				([start, duration]) => start + duration >= from && start <= to
			);
			return {
				unsupported: !!window.__bench.longtasksUnsupported,
				count: tasks.length,
				longestMs: tasks.reduce((max, [, duration]) => Math.max(max, duration), 0),
				totalMs: tasks.reduce((sum, [, duration]) => sum + duration, 0),
				/** Each task as [ms after `from`, duration]. */
				tasks: tasks.map(([start, duration]) => [Math.round(start - from), Math.round(duration)])
			};
		},
		[from, to]
	);
}

/**
 * Polls `Runtime.getHeapUsage` of the page and of its dedicated workers (auto-attached through the
 * page's CDP session, non-flattened, so Playwright's own sessions are untouched). Peaks are of the
 * samples: a spike shorter than the interval can be missed.
 */
export class HeapMonitor {
	/**
	 * `enabled: false` attaches nothing (to check that the probes do not slow the app down);
	 * `profile: true` starts a CPU profile in every worker as soon as it starts (see takeProfile).
	 */
	constructor(page, { enabled = true, profile = false } = {}) {
		this.page = page;
		this.enabled = enabled;
		this.profile = profile;
		this.workers = new Map(); // sessionId -> { url, used }
		this.pending = new Map();
		this.nextId = 1;
		this.reset();
	}

	reset() {
		this.peak = { page: 0, worker: 0, total: 0, at: null };
		this.samples = 0;
		this.workerSamples = 0;
		this.workerErrors = 0;
	}

	async init() {
		if (!this.enabled) {
			this.workerSupport = false;
			this.workerNote = 'heap not measured (--no-heap)';
			return this;
		}
		const cdp = (this.cdp = await this.page.context().newCDPSession(this.page));
		cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
			if (targetInfo.type !== 'worker') return;
			this.workers.set(sessionId, { url: targetInfo.url, used: 0 });
			if (this.profile) void this.#startProfile(sessionId, waitingForDebugger);
		});
		cdp.on('Target.detachedFromTarget', ({ sessionId }) => this.workers.delete(sessionId));
		cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
			const reply = JSON.parse(message);
			const waiting = this.pending.get(reply.id);
			if (waiting) {
				this.pending.delete(reply.id);
				waiting(reply);
			}
		});
		try {
			await cdp.send('Target.setAutoAttach', {
				autoAttach: true,
				waitForDebuggerOnStart: this.profile,
				flatten: false
			});
			this.workerSupport = true;
		} catch (error) {
			this.workerSupport = false;
			this.workerNote = `worker heap not measurable over CDP (${error.message}); page heap only`;
		}
		await cdp.send('Performance.enable').catch(() => {});
		return this;
	}

	async #startProfile(sessionId, waiting) {
		try {
			await this.sendToWorker(sessionId, 'Profiler.enable');
			await this.sendToWorker(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
			await this.sendToWorker(sessionId, 'Profiler.start');
		} catch {
			/* profile lost; the run goes on */
		}
		if (waiting) await this.sendToWorker(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
	}

	/** Stops the engine worker's CPU profile, restarts it, and returns the finished one (or null). */
	async takeProfile() {
		const worker = this.engineWorker();
		if (!this.profile || !worker) return null;
		try {
			const { profile } = await this.sendToWorker(worker[0], 'Profiler.stop', {}, 60_000);
			await this.sendToWorker(worker[0], 'Profiler.start');
			return profile;
		} catch {
			return null;
		}
	}

	/** Whether workers started from now on are attached (the attachment itself costs the worker time). */
	async attachWorkers(on) {
		if (!this.enabled) return;
		await this.cdp.send('Target.setAutoAttach', {
			autoAttach: on,
			waitForDebuggerOnStart: on && this.profile,
			flatten: false
		});
		if (!on) {
			for (const sessionId of [...this.workers.keys()]) {
				await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
				this.workers.delete(sessionId);
			}
		}
	}

	/** The engine worker's session (the app has one dedicated worker). */
	engineWorker() {
		let found = null;
		for (const [sessionId, worker] of this.workers) {
			if (/engine/i.test(worker.url) || !found) found = [sessionId, worker];
		}
		return found;
	}

	sendToWorker(sessionId, method, params = {}, timeoutMs = 5000) {
		const id = this.nextId++;
		const reply = new Promise((resolve) => this.pending.set(id, resolve));
		this.cdp
			.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
			.catch(() => this.pending.get(id)?.({ error: { message: 'session gone' } }));
		return withTimeout(reply, timeoutMs, `${method} in the worker`).then((r) => {
			if (r.error) throw new Error(r.error.message);
			return r.result;
		});
	}

	async sample() {
		if (!this.enabled) return { page: null, worker: null };
		let page = null;
		try {
			page = (await withTimeout(this.cdp.send('Runtime.getHeapUsage'), 5000, 'page heap')).usedSize;
		} catch {
			/* navigating */
		}
		const worker = this.engineWorker();
		if (worker) {
			try {
				worker[1].used = (await this.sendToWorker(worker[0], 'Runtime.getHeapUsage')).usedSize;
				this.workerSamples++;
			} catch {
				this.workerErrors++;
			}
		}
		const workerUsed = worker ? worker[1].used : 0;
		if (page != null) {
			this.samples++;
			this.peak.page = Math.max(this.peak.page, page);
			this.peak.worker = Math.max(this.peak.worker, workerUsed);
			if (page + workerUsed > this.peak.total) this.peak.total = page + workerUsed;
		}
		return { page, worker: worker ? workerUsed : null };
	}

	/** Samples every `intervalMs` until `stop()`; returns the stop function. */
	poll(intervalMs = 200) {
		let running = true;
		const loop = (async () => {
			while (running) {
				await this.sample();
				await sleep(intervalMs);
			}
		})();
		return async () => {
			running = false;
			await loop;
		};
	}

	/** Heap after a full garbage collection in the page and the worker: what the data really holds. */
	async retained() {
		if (!this.enabled) return { page: null, worker: null };
		await this.cdp.send('HeapProfiler.collectGarbage').catch(() => {});
		const worker = this.engineWorker();
		if (worker) await this.sendToWorker(worker[0], 'HeapProfiler.collectGarbage', {}, 30_000).catch(() => {});
		return this.sample();
	}

	/** `performance.memory` of the page (main thread only): a cross-check of the CDP figure. */
	async pageMemory() {
		return this.page
			.evaluate(() => (performance.memory ? { used: performance.memory.usedJSHeapSize } : null))
			.catch(() => null);
	}

	async dispose() {
		await this.cdp?.detach().catch(() => {});
	}
}

/**
 * The functions with the most self time in a CPU profile (a compact "why" for the report). The app's
 * bundles are minified, so each entry also quotes the code where the function starts, read from the
 * served files through `source(url)`.
 */
export function profileSummary(profile, { top = 12, source = () => null } = {}) {
	if (!profile) return null;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map();
	for (let i = 0; i < profile.samples.length; i++) {
		const frame = byId.get(profile.samples[i]).callFrame;
		const file = frame.url ? frame.url.split('/').pop() : '';
		const where = file ? `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
		const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
		const entry = self.get(name) ?? { us: 0, frame };
		entry.us += profile.timeDeltas[i] ?? 0;
		self.set(name, entry);
	}
	const total = [...self.values()].reduce((sum, e) => sum + e.us, 0);
	const quote = (frame) => {
		const text = frame.url ? source(frame.url) : null;
		if (!text) return undefined;
		const line = text.split('\n')[frame.lineNumber] ?? '';
		return line.slice(frame.columnNumber, frame.columnNumber + 160);
	};
	return {
		totalMs: Math.round(total / 1000),
		top: [...self.entries()]
			.sort((a, b) => b[1].us - a[1].us)
			.slice(0, top)
			.map(([name, e]) => ({
				name,
				ms: Math.round(e.us / 1000),
				share: Math.round((100 * e.us) / total),
				code: quote(e.frame)
			}))
	};
}
