// One mass action running in the worker: its progress, Cancel, and the error to show in the dialog.
// On success it tells the result in a toast that carries Undo.

import type { MassActionResult } from '$lib/worker/massActionCommands';
import { JobRun, type JobCrashed, type StartJob } from '$lib/ui/jobRun.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import { lastMassActionResult } from './lastResult.svelte';

const CANCELLED = 'Cancelled. Nothing was changed.';
const CRASHED = 'Something went wrong in the background. Nothing was changed; please try again.';

export class MassActionRun {
	readonly job = new JobRun();
	error = $state('');

	get running(): boolean {
		return this.job.running;
	}

	/** Runs the action; resolves true when it succeeded (the dialog then closes). */
	async run<C>(start: StartJob<MassActionResult<C>>): Promise<boolean> {
		this.error = '';
		const result: MassActionResult<C> | JobCrashed = await this.job.run(start);
		if (result.status !== 'done') {
			this.error =
				result.status === 'cancelled' ? CANCELLED : result.status === 'failed' ? result.message : CRASHED;
			return false;
		}
		lastMassActionResult.message = result.message;
		if (result.operation === null) toasts.show(result.message, { tone: 'info' });
		else toasts.show(result.message, { undoOperation: result.operation });
		return true;
	}

	cancel() {
		this.job.cancel();
	}

	reset() {
		this.error = '';
	}
}
