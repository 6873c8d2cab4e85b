// The words and the details of an unexpected error: what the page shows and what Copy details copies.

import { version as build } from '$app/environment';
import pkg from '../../../../package.json';

export const APP_VERSION = `${pkg.version} (build ${build})`;

/** The text `Copy details` puts on the clipboard. */
export function errorDetails(error: unknown, where = ''): string {
	const lines = [`Stockroom ${APP_VERSION}`];
	if (typeof location !== 'undefined') lines.push(`Page: ${location.pathname}${location.search}`);
	if (typeof navigator !== 'undefined') lines.push(`Browser: ${navigator.userAgent}`);
	if (where) lines.push(`Where: ${where}`);
	lines.push(`Time: ${new Date().toISOString()}`, '', describe(error));
	if (error instanceof Error && error.stack) lines.push('', error.stack);
	return lines.join('\n');
}

function describe(error: unknown): string {
	if (error instanceof Error) return `${error.name}: ${error.message}`;
	if (typeof error === 'string') return error;
	try {
		return JSON.stringify(error);
	} catch {
		return String(error);
	}
}

/** A short, readable line for the message itself (the details carry the rest). */
export function readableMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
	return text.trim() === '' ? 'An unexpected error occurred.' : text.trim();
}

/** Copies `text`; false when the browser refuses (the page then shows the text to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
