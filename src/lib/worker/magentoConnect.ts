// Connect: one call to the API, then a plain-language answer: what the store has, or exactly why not
// (wrong or refused token, missing permission, CORS, offline, no such host, no inventory API).

import { hostOf, restBase, type Connection } from '$lib/domain/magento/connection';
import {
	corsMessage,
	missingResource,
	missingWriteMessage,
	noInventoryMessage,
	OFFLINE_MESSAGE,
	refusedTokenMessage,
	unreachableMessage
} from '$lib/domain/magento/messages';
import { formatCount } from '$lib/domain/wording';
import { MagentoClient, MagentoRequestError, searchCriteria, type ClientOptions } from './magentoClient';

export type ConnectAnswer =
	{ ok: true; message: string; warning: string | null; sources: string[] } | { ok: false; message: string };

export async function connectToMagento(
	connection: Connection,
	options: ClientOptions = {}
): Promise<ConnectAnswer> {
	const client = new MagentoClient(connection, { retries: 1, ...options });
	try {
		const sources = await client.listSources();
		const items = await client.request<{ total_count: number }>(
			'GET',
			'/inventory/source-items',
			searchCriteria([], 1, 1)
		);
		const warning = await writeWarning(client);
		const message =
			`Connected to ${hostOf(connection.url)}: ${formatCount(sources.length, 'source')}, ` +
			`${formatCount(items.total_count, 'source item')}`;
		return { ok: true, message, warning, sources: sources.map((s) => s.source_code) };
	} catch (error) {
		if (!(error instanceof MagentoRequestError)) throw error;
		return { ok: false, message: await failureMessage(error, connection, options.fetch) };
	}
}

/**
 * Writing needs another permission than reading: an empty save is refused before any write, with 400
 * when the token may write and 401 when it may not.
 */
async function writeWarning(client: MagentoClient): Promise<string | null> {
	try {
		await client.saveSourceItems([]);
		return null;
	} catch (error) {
		if (
			error instanceof MagentoRequestError &&
			error.failure.kind === 'http' &&
			error.failure.status === 401
		) {
			return missingWriteMessage();
		}
		return null;
	}
}

export async function failureMessage(
	error: MagentoRequestError,
	connection: Connection,
	fetchImpl: typeof fetch = (input, init) => fetch(input, init)
): Promise<string> {
	const failure = error.failure;
	if (failure.kind === 'cancelled') return 'Cancelled.';
	if (failure.kind === 'http') {
		if (failure.status === 401)
			return refusedTokenMessage(failure.body ? missingResource(failure.body) : null);
		if (failure.status === 404) return noInventoryMessage(connection.url);
		return `Magento answered ${failure.status}: ${failure.message}`;
	}
	if (typeof navigator !== 'undefined' && navigator.onLine === false) return OFFLINE_MESSAGE;
	// A no-cors request gets an opaque answer when the host answers at all: then CORS blocked the call.
	try {
		await fetchImpl(`${restBase(connection)}/inventory/sources`, { mode: 'no-cors', credentials: 'omit' });
		return corsMessage(typeof location === 'undefined' ? 'this app' : location.origin);
	} catch {
		return unreachableMessage(hostOf(connection.url));
	}
}
