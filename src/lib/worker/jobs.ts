// Long work (import, export, mass actions) reports progress and can be cancelled between steps.

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

export class Job {
	cancelled = false;
	#listener: ProgressListener | undefined;
	#lastReport = 0;

	constructor(listener?: ProgressListener) {
		this.#listener = listener;
	}

	/** Throws once the user has cancelled; call between steps. */
	checkpoint = () => {
		if (this.cancelled) throw new CancelledError();
	};

	/** Reports at most every 100 ms (plus the final step) so the page is not flooded with messages. */
	report(phase: string, done: number, total: number) {
		const now = performance.now();
		if (done < total && now - this.#lastReport < 100) return;
		this.#lastReport = now;
		this.#listener?.({ phase, done, total });
	}
}

export class Jobs {
	#running = new Map<string, Job>();

	start(id: string, listener?: ProgressListener): Job {
		const job = new Job(listener);
		this.#running.set(id, job);
		return job;
	}

	finish(id: string) {
		this.#running.delete(id);
	}

	cancel(id: string) {
		const job = this.#running.get(id);
		if (job) job.cancelled = true;
	}
}

/** Lets the worker answer other messages (a cancel, a grid query) in the middle of long work. */
export function yieldToEvents(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
