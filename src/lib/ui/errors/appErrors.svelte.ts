// Unexpected errors, shown instead of a blank page: what went wrong in words, with the details
// (message, stack, app version) one tap away for whoever supports the shop.

import { NEWER_DATABASE_MESSAGE } from '$lib/domain/wording';
import { errorDetails, readableMessage } from './errorText';

export interface ShownError {
	title: string;
	message: string;
	details: string;
	/** `update`: only a newer app can go on (Reload fetches it). */
	kind?: 'error' | 'update';
}

/** How an error crossing from the worker is recognised (Comlink keeps the name). */
export const isNewerDatabaseError = (error: unknown) =>
	error instanceof Error && error.name === 'NewerDatabaseError';

class AppErrors {
	current = $state.raw<ShownError | null>(null);

	report(error: unknown, where = '') {
		// The first error is usually the cause; later ones are its echoes.
		if (this.current) return;
		this.current = {
			title: 'Something went wrong',
			message: readableMessage(error),
			details: errorDetails(error, where)
		};
	}

	/** The engine worker crashed or hung and was started again. */
	engineRestarted(cause: string, error?: unknown) {
		this.current = {
			title: 'The background engine stopped and was restarted',
			message: `${cause} Your last action may not have completed. Every change is saved whole or not at all, so nothing was half-saved: check it and try again.`,
			details: errorDetails(error ?? cause, 'engine worker')
		};
	}

	/** The database was upgraded by a newer Stockroom (in another tab, or before a downgrade). */
	newerDatabase(error: unknown = new Error(NEWER_DATABASE_MESSAGE)) {
		this.current = {
			title: 'A newer version of Stockroom saved this data',
			message: readableMessage(error),
			details: errorDetails(error, 'opening the database'),
			kind: 'update'
		};
	}

	dismiss() {
		this.current = null;
	}
}

export const appErrors = new AppErrors();
