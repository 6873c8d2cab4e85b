// One long job in the worker as the page sees it: start it with a fresh id, show its progress, cancel
// it, and learn how it ended. Every long job of the page (Check Data, Import, the error report, Export,
// mass actions) runs through this class, so the lifecycle is written once.

import { engine, newJobId, proxy } from '$lib/ui/engine';
import type { Progress, ProgressListener } from '$lib/worker/jobs';

/** The worker did not answer with a result (a bug, or the worker died): the page says so. */
export interface JobCrashed {
	status: 'crashed';
	message: string;
}

/** Starts the job in the worker (Comlink answers a union result as a union of promises). */
export type StartJob<R> = (jobId: string, onProgress: ProgressListener) => Promise<R>;

export class JobRun {
	running = $state(false);
	progress = $state.raw<Progress | null>(null);
	startedAt = $state(0);
	#id: string | null = null;

	/** Runs the job to its end; a result it could not deliver becomes `crashed`. */
	async run<F extends StartJob<unknown>>(start: F): Promise<Awaited<ReturnType<F>> | JobCrashed> {
		const id = newJobId();
		this.#id = id;
		this.running = true;
		this.progress = null;
		this.startedAt = performance.now();
		try {
			return (await start(
				id,
				proxy((progress: Progress) => {
					if (this.#id === id) this.progress = progress;
				})
			)) as Awaited<ReturnType<F>>;
		} catch (error) {
			return { status: 'crashed', message: error instanceof Error ? error.message : String(error) };
		} finally {
			if (this.#id === id) {
				this.#id = null;
				this.running = false;
				this.progress = null;
			}
		}
	}

	cancel() {
		if (this.#id) void engine().cancelJob(this.#id);
	}
}
