// The review of the open count (expected, counted, variance, not counted) and applying it.

import type { CountReview, UncountedChoice } from '$lib/domain/count/review';
import { engine } from '$lib/ui/engine';
import { toasts } from '$lib/ui/toasts.svelte';
import type { CountMessages } from './countMessages.svelte';

export class CountReviewState {
	review = $state.raw<CountReview | null>(null);
	uncounted = $state<UncountedChoice>('leave');
	busy = $state(false);

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

	/** Applies the count; true when it was applied (the toast carries Undo). */
	async apply(id: string): Promise<string | null> {
		if (this.busy) return null;
		this.busy = true;
		try {
			const outcome = await engine().applyCount(id, this.uncounted);
			if (!outcome.ok) {
				this.#messages.fail(outcome.message);
				return null;
			}
			const { message, operation } = outcome.value;
			toasts.show(message, operation === null ? {} : { undoOperation: operation });
			return message;
		} finally {
			this.busy = false;
		}
	}

	clear() {
		this.review = null;
	}
}
