import os from 'node:os';

// Small helpers shared by the bench modules.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
export function log(...parts) {
	const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
	console.log(`[${s}s]`, ...parts);
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const round = (n, digits = 0) => (n == null || Number.isNaN(n) ? null : Number(n.toFixed(digits)));
export const mb = (bytes) => (bytes == null ? null : round(bytes / 1024 / 1024, 1));

/** The last `lines` lines of a process's output, for error messages. */
export function tail(text, lines = 25) {
	return String(text)
		.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
		.split('\n')
		.filter((line) => !/^\s+at /.test(line))
		.slice(-lines)
		.join('\n');
}

/** The 1-minute load average: other work on this 2-core machine makes every figure noisier. */
export function loadAverage() {
	return round(os.loadavg()[0], 1);
}
