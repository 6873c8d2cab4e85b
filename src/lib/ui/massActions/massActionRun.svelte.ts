// One mass action running in the worker: its progress, Cancel, and the error to show in the dialog.
// On success it tells the result in a toast that carries Undo.

import type { Outcome } from '$lib/domain/outcome';
import type { MassActionResult } from '$lib/worker/massActionCommands';
import type { Progress } from '$lib/worker/jobs';
import { engine, newJobId, proxy } from '$lib/ui/engine';
import { toasts } from '$lib/ui/toasts.svelte';
import { lastMassActionResult } from './lastResult.svelte';

type Start<C> = (
	jobId: string,
	onProgress: (progress: Progress) => void
) => Promise<Outcome<MassActionResult<C>>>;

export class MassActionRun {
	running = $state(false);
	progress = $state.raw<Progress | null>(null);
	startedAt = $state(0);
	error = $state('');
	#jobId = '';

	/** Runs the action; resolves true when it succeeded (the dialog then closes). */
	async run<C>(start: Start<C>): Promise<boolean> {
		this.#jobId = newJobId();
		this.running = true;
		this.progress = null;
		this.error = '';
		this.startedAt = performance.now();
		try {
			const outcome = await start(
				this.#jobId,
				proxy((progress: Progress) => (this.progress = progress))
			);
			if (!outcome.ok) {
				this.error = outcome.message;
				return false;
			}
			const { message, operation } = outcome.value;
			lastMassActionResult.message = message;
			if (operation === null) toasts.show(message, { tone: 'info' });
			else toasts.show(message, { undoOperation: operation });
			return true;
		} catch {
			this.error = 'Something went wrong in the background. Nothing was changed; please try again.';
			return false;
		} finally {
			this.running = false;
		}
	}

	cancel() {
		if (this.running) void engine().cancelJob(this.#jobId);
	}

	reset() {
		this.error = '';
		this.progress = null;
	}
}
