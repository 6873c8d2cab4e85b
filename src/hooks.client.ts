// Errors nobody caught: shown with Copy details instead of leaving a blank or frozen page.

import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { appErrors, isNewerDatabaseError } from '$lib/ui/errors/appErrors.svelte';
import { errorDetails, readableMessage } from '$lib/ui/errors/errorText';

/** Browser noise that is not an error of the app. */
const IGNORED = [/ResizeObserver loop/];

export const init: ClientInit = () => {
	window.addEventListener('error', (event) => {
		if (IGNORED.some((pattern) => pattern.test(event.message))) return;
		appErrors.report(event.error ?? event.message, 'page');
	});
	window.addEventListener('unhandledrejection', (event) => {
		const reason: unknown = event.reason;
		// The restart notice already says that the waiting action may not have completed.
		if (reason instanceof Error && reason.name === 'EngineRestartedError') return;
		if (isNewerDatabaseError(reason)) appErrors.newerDatabase(reason);
		else appErrors.report(reason, 'page (unhandled promise)');
	});
};

export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status === 404) return { message };
	return { message: readableMessage(error), details: errorDetails(error, 'navigation') };
};
