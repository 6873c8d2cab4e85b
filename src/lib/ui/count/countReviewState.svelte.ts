// The review of the open count (expected, counted, variance, not counted) and applying it.

import type { CountReview, UncountedChoice } from '$lib/domain/count/review';
import { engine } from '$lib/ui/engine';
import { JobRun } from '$lib/ui/jobRun.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import type { CountMessages } from './countMessages.svelte';

export class CountReviewState {
	review = $state.raw<CountReview | null>(null);
	uncounted = $state<UncountedChoice>('leave');
	/** Applying runs as a job: a count of many lines shows its phase while it is written. */
	readonly job = new JobRun();

	readonly #messages: CountMessages;

	constructor(messages: CountMessages) {
		this.#messages = messages;
	}

	async start(id: string) {
		const outcome = await engine().review(id);
		if (!outcome.ok) return this.#messages.fail(outcome.message);
		this.review = outcome.value;
		this.uncounted = 'leave';
		this.#messages.say('Check the differences, then apply the count.');
	}

	/** Applies the count; its message when it was applied (the toast carries Undo). */
	async apply(id: string): Promise<string | null> {
		if (this.job.running) return null;
		const uncounted = this.uncounted;
		const result = await this.job.run((jobId, onProgress) =>
			engine().applyCount(jobId, id, uncounted, onProgress)
		);
		if (!('ok' in result)) {
			if (result.status === 'cancelled') this.#messages.say('Apply cancelled. Stock was not changed.');
			else this.#messages.fail(result.message);
			return null;
		}
		if (!result.ok) {
			this.#messages.fail(result.message);
			return null;
		}
		const { message, operation } = result.value;
		toasts.show(message, operation === null ? {} : { undoOperation: operation });
		return message;
	}

	clear() {
		this.review = null;
	}
}
