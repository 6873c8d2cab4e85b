// Slows a thread of this machine the way a slower CPU would: the kernel's SCHED_DEADLINE policy
// (set with util-linux `chrt`) gives the thread `1/rate` of every period and holds it for the rest,
// preempting nothing else. Unlike holding a worker in the debugger, it costs the JavaScript nothing
// (no deoptimisation, no debugger hooks), so short and long work are slowed alike.
//
// Only threads of Chromium processes started by this Node process are touched, so a browser run by
// anything else on the machine is left alone.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const PERIOD_NS = 40_000_000;
/** The kernel's number for SCHED_DEADLINE, as /proc/<pid>/stat reports a thread's policy. */
const SCHED_DEADLINE = 6;

const read = (path) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
};

/** The fields of /proc/…/stat after the command name (which may hold spaces), from field 3 on. */
function statFields(path) {
	const stat = read(path);
	return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function parentOf(pid) {
	const fields = statFields(`/proc/${pid}/stat`);
	return fields ? Number(fields[1]) : 0;
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

export function isSlowed({ pid, tid }) {
	const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
	return fields !== null && Number(fields[38]) === SCHED_DEADLINE;
}

/** Gives the thread 1/rate of the CPU (rate 1: back to the normal policy). Throws when not allowed. */
export function slowThread({ tid }, rate) {
	const args =
		rate > 1
			? ['-d', '-T', String(Math.round(PERIOD_NS / rate)), '-P', String(PERIOD_NS), '-D', String(PERIOD_NS)]
			: ['-o'];
	execFileSync('chrt', [...args, '-p', '0', String(tid)], { stdio: 'pipe' });
}
