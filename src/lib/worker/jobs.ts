// Long work (Check Data, import, export, the error report, mass actions) runs as a job: it reports
// progress, can be cancelled between steps, and ends as a value. `Jobs.run` is the one place that turns
// a Cancel or a refusal into that value, so no command repeats the lifecycle.

import { UserError } from './store';

export class CancelledError extends Error {
	constructor() {
		super('Cancelled.');
		this.name = 'CancelledError';
	}
}

export interface Progress {
	phase: string;
	done: number;
	total: number;
}

export type ProgressListener = (progress: Progress) => void;

/** The user pressed Cancel: nothing was changed. */
export interface JobCancelled {
	status: 'cancelled';
}

/** The job could not do its work, for a reason the user can act on (nothing was changed). */
export interface JobFailed {
	status: 'failed';
	message: string;
}

/** How any job may end besides its own result. */
export type JobEnd = JobCancelled | JobFailed;

export class Job {
	cancelled = false;
	/** Aborts requests in flight (a Magento pull or send) when the user cancels. */
	readonly #abort = new AbortController();
	readonly signal = this.#abort.signal;
	#listener: ProgressListener | undefined;
	#lastReport = 0;
	#lastPhase = '';

	constructor(listener?: ProgressListener) {
		this.#listener = listener;
	}

	cancel() {
		this.cancelled = true;
		this.#abort.abort();
	}

	/** Throws once the user has cancelled; call between steps. */
	checkpoint = () => {
		if (this.cancelled) throw new CancelledError();
	};

	/**
	 * Reports at most every 100 ms within a phase (plus its final step) so the page is not flooded with
	 * messages; a new phase is always reported, since it may be the long one (a quick step before a
	 * long save must not leave the quick step's name on screen).
	 */
	report(phase: string, done: number, total: number) {
		const now = performance.now();
		if (phase === this.#lastPhase && done < total && now - this.#lastReport < 100) return;
		this.#lastReport = now;
		this.#lastPhase = phase;
		this.#listener?.({ phase, done, total });
	}
}

export class Jobs {
	#running = new Map<string, Job>();

	/**
	 * Runs `work` as job `id` until it returns: a Cancel ends it as `cancelled`, a UserError (a write
	 * another tab made stale) as `failed` with its message. Anything else is a bug and still throws.
	 */
	async run<T>(
		id: string,
		listener: ProgressListener | undefined,
		work: (job: Job) => Promise<T>
	): Promise<T | JobEnd> {
		const job = new Job(listener);
		this.#running.set(id, job);
		try {
			return await work(job);
		} catch (error) {
			if (error instanceof CancelledError) return { status: 'cancelled' };
			if (error instanceof UserError) return { status: 'failed', message: error.message };
			throw error;
		} finally {
			this.#running.delete(id);
		}
	}

	cancel(id: string) {
		const job = this.#running.get(id);
		job?.cancel();
	}
}

/** Lets the worker answer other messages (a cancel, a grid query) in the middle of long work. */
export function yieldToEvents(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
