// Slows a thread of this machine the way a slower CPU would: each slowed thread gets a cgroup (v1
// `cpu` controller) of its own whose CFS bandwidth is 1/rate of every 40 ms; once the thread used its
// share it waits for the next period, and nothing else is preempted. Unlike holding a worker in the
// debugger, this costs the JavaScript nothing (no deoptimisation, no debugger hooks), so short and long
// work are slowed alike. (The kernel's SCHED_DEADLINE does the same, but refused a thread again for
// seconds after it had left the policy once, which the proof's off-and-on needs.)
//
// Only threads of Chromium processes started by this Node process are touched, so a browser run by
// anything else on the machine is left alone. Needs write access to /sys/fs/cgroup/cpu (root).

import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';

const PERIOD_US = 40_000;
const ROOT = '/sys/fs/cgroup/cpu';
const groupOf = (tid) => `${ROOT}/stockroom-bench-${process.pid}-${tid}`;
const slowed = new Set();

const read = (path) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
};

function parentOf(pid) {
	const stat = read(`/proc/${pid}/stat`);
	return stat === null ? 0 : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function startedByUs(pid) {
	for (let p = pid; p > 1; p = parentOf(p)) if (p === process.pid) return true;
	return false;
}

/** Thread ids of the dedicated workers in the renderers of browsers this process launched. */
export function workerThreads() {
	const threads = [];
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		if (!read(`/proc/${pid}/cmdline`)?.includes('--type=renderer') || !startedByUs(Number(pid))) continue;
		for (const tid of readdirSync(`/proc/${pid}/task`)) {
			if (read(`/proc/${pid}/task/${tid}/comm`)?.startsWith('DedicatedWorker')) threads.push({ pid, tid });
		}
	}
	return threads;
}

export function isSlowed({ tid }) {
	return slowed.has(tid);
}

/** Gives the thread 1/rate of the CPU (rate 1: its whole share again). Throws when not allowed. */
export function slowThread({ tid }, rate) {
	const group = groupOf(tid);
	if (!existsSync(group)) mkdirSync(group);
	writeFileSync(`${group}/cpu.cfs_period_us`, String(PERIOD_US));
	writeFileSync(`${group}/cpu.cfs_quota_us`, rate > 1 ? String(Math.round(PERIOD_US / rate)) : '-1');
	writeFileSync(`${group}/tasks`, String(tid));
	slowed.add(tid);
}

/** Puts the slowed `threads` still alive back in the root group and removes their groups. */
export function releaseThreads(threads) {
	for (const { tid } of threads) {
		try {
			writeFileSync(`${ROOT}/tasks`, String(tid));
		} catch {
			// the thread has ended
		}
		try {
			rmdirSync(groupOf(tid));
		} catch {
			// already removed
		}
		slowed.delete(tid);
	}
	// Groups of threads that were slowed but never handed back (a sweep found them late): removed
	// once empty, which they are when their thread has ended.
	for (const name of readdirSync(ROOT).filter((entry) =>
		entry.startsWith(`stockroom-bench-${process.pid}-`)
	)) {
		try {
			rmdirSync(`${ROOT}/${name}`);
		} catch {
			// its thread is still alive in another throttle's browser
		}
	}
}
