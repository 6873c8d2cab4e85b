// A thin typed client for the store's Magento 2 REST API (module Magento_Inventory*), over fetch.
// Pages are fetched a few at a time; 5xx answers and network errors are retried with backoff; an
// AbortSignal cancels everything in flight. Errors come back as values the caller can word.

import { restBase, type Connection } from '$lib/domain/magento/connection';
import {
	inputLimit,
	isMagentoErrorBody,
	magentoMessage,
	type MagentoErrorBody
} from '$lib/domain/magento/messages';
import type { MagentoSource, MagentoSourceItem } from '$lib/domain/magento/types';

export type MagentoFailure =
	| { kind: 'http'; status: number; message: string; body: MagentoErrorBody | null }
	| { kind: 'network'; message: string }
	| { kind: 'cancelled' };

export class MagentoRequestError extends Error {
	constructor(readonly failure: MagentoFailure) {
		super(failure.kind === 'cancelled' ? 'Cancelled.' : failure.message);
		this.name = 'MagentoRequestError';
	}
}

export interface Filter {
	field: string;
	value: string;
	condition: 'eq' | 'in';
}

export interface ClientOptions {
	fetch?: typeof fetch;
	signal?: AbortSignal;
	/** Requests in flight at once when reading pages (default 6: Chromium's connections per host). */
	concurrency?: number;
	/** Retries of a request that failed with 5xx or a network error. */
	retries?: number;
	backoffMs?: number;
	pageSize?: number;
}

interface SearchResult<T> {
	items: T[];
	total_count: number;
}

export const PAGE_SIZE = 300;

/** `searchCriteria[filter_groups][g][filters][f][field]=…`: filters of a group are OR, groups AND. */
export function searchCriteria(
	groups: readonly (readonly Filter[])[],
	pageSize: number,
	currentPage: number
) {
	const params = new URLSearchParams();
	groups.forEach((filters, g) =>
		filters.forEach((filter, f) => {
			const at = `searchCriteria[filter_groups][${g}][filters][${f}]`;
			params.append(`${at}[field]`, filter.field);
			params.append(`${at}[value]`, filter.value);
			params.append(`${at}[condition_type]`, filter.condition);
		})
	);
	params.append('searchCriteria[pageSize]', String(pageSize));
	params.append('searchCriteria[currentPage]', String(currentPage));
	return params;
}

export class MagentoClient {
	/** Requests sent, retries included (the bench reports it). */
	requests = 0;
	readonly #base: string;
	readonly #token: string;
	readonly #fetch: typeof fetch;
	readonly #signal: AbortSignal | undefined;
	readonly #concurrency: number;
	readonly #retries: number;
	readonly #backoffMs: number;
	#pageSize: number;

	constructor(connection: Connection, options: ClientOptions = {}) {
		this.#base = restBase(connection);
		this.#token = connection.token;
		this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
		this.#signal = options.signal;
		this.#concurrency = options.concurrency ?? 6;
		this.#retries = options.retries ?? 3;
		this.#backoffMs = options.backoffMs ?? 300;
		this.#pageSize = options.pageSize ?? PAGE_SIZE;
	}

	get pageSize() {
		return this.#pageSize;
	}

	async request<T>(
		method: 'GET' | 'POST',
		path: string,
		query?: URLSearchParams,
		body?: unknown
	): Promise<T> {
		const url = `${this.#base}${path}${query ? `?${query}` : ''}`;
		const headers: Record<string, string> = {
			Authorization: `Bearer ${this.#token}`,
			Accept: 'application/json'
		};
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		for (let attempt = 0; ; attempt++) {
			this.#throwIfCancelled();
			let response: Response;
			try {
				this.requests++;
				response = await this.#fetch(url, {
					method,
					headers,
					body: body === undefined ? undefined : JSON.stringify(body),
					signal: this.#signal,
					credentials: 'omit'
				});
			} catch (error) {
				this.#throwIfCancelled();
				if (attempt < this.#retries) {
					await this.#backoff(attempt);
					continue;
				}
				const message = error instanceof Error ? error.message : String(error);
				throw new MagentoRequestError({ kind: 'network', message });
			}
			if (response.status >= 500 && attempt < this.#retries) {
				await this.#backoff(attempt);
				continue;
			}
			const text = await response.text().catch(() => '');
			const parsed = parseJson(text);
			if (response.ok) return parsed as T;
			const errorBody = isMagentoErrorBody(parsed) ? parsed : null;
			const message = errorBody
				? magentoMessage(errorBody)
				: `HTTP ${response.status} ${response.statusText}`;
			throw new MagentoRequestError({ kind: 'http', status: response.status, message, body: errorBody });
		}
	}

	/** Every item matching `groups`, page by page, `onPage` after each (pages stop by count, never by emptiness). */
	async search<T>(
		path: string,
		groups: readonly (readonly Filter[])[],
		onPage?: (items: T[], total: number) => void,
		extra?: Record<string, string>
	): Promise<T[]> {
		for (;;) {
			const pageSize = this.#pageSize;
			try {
				return await this.#searchAll<T>(path, groups, pageSize, onPage, extra);
			} catch (error) {
				const limit = error instanceof MagentoRequestError ? limitOf(error) : null;
				// The store enforces a smaller page: read again with its maximum.
				if (limit === null || limit >= pageSize) throw error;
				this.#pageSize = limit;
			}
		}
	}

	async #searchAll<T>(
		path: string,
		groups: readonly (readonly Filter[])[],
		pageSize: number,
		onPage: ((items: T[], total: number) => void) | undefined,
		extra: Record<string, string> | undefined
	): Promise<T[]> {
		const page = (n: number) => {
			const query = searchCriteria(groups, pageSize, n);
			for (const [name, value] of Object.entries(extra ?? {})) query.append(name, value);
			return this.request<SearchResult<T>>('GET', path, query);
		};
		const first = await page(1);
		const total = first.total_count;
		const results: T[][] = [first.items ?? []];
		onPage?.(results[0], total);
		// Page n is the last when n × pageSize ≥ total_count (past it Magento answers empty or repeats).
		const pages = Math.max(1, Math.ceil(total / pageSize));
		let next = 2;
		const worker = async () => {
			while (next <= pages) {
				const n = next++;
				const answer = await page(n);
				results[n - 1] = answer.items ?? [];
				onPage?.(results[n - 1], total);
			}
		};
		await Promise.all(Array.from({ length: Math.min(this.#concurrency, pages - 1) }, worker));
		return results.flat();
	}

	listSources(): Promise<MagentoSource[]> {
		return this.search<MagentoSource>('/inventory/sources', []);
	}

	listSourceItems(source: string, onPage?: (items: MagentoSourceItem[], total: number) => void) {
		return this.search<MagentoSourceItem>(
			'/inventory/source-items',
			[[{ field: 'source_code', value: source, condition: 'eq' }]],
			onPage
		);
	}

	/** Magento's items now for these SKUs (at any source). SKUs holding a comma can not be asked with `in`. */
	sourceItemsOf(skus: readonly string[]) {
		return this.search<MagentoSourceItem>('/inventory/source-items', [
			[{ field: 'sku', value: skus.join(','), condition: 'in' }]
		]);
	}

	async existingSkus(skus: readonly string[]): Promise<string[]> {
		const items = await this.search<{ sku: string }>(
			'/products',
			[[{ field: 'sku', value: skus.join(','), condition: 'in' }]],
			undefined,
			{ fields: 'items[sku],total_count' }
		);
		return items.map((item) => item.sku);
	}

	saveSourceItems(sourceItems: readonly MagentoSourceItem[]) {
		return this.request<unknown>('POST', '/inventory/source-items', undefined, { sourceItems });
	}

	deleteSourceItems(sourceItems: readonly { sku: string; source_code: string }[]) {
		return this.request<unknown>('POST', '/inventory/source-items-delete', undefined, { sourceItems });
	}

	#throwIfCancelled() {
		if (this.#signal?.aborted) throw new MagentoRequestError({ kind: 'cancelled' });
	}

	#backoff(attempt: number): Promise<void> {
		const ms = this.#backoffMs * 2 ** attempt;
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			this.#signal?.addEventListener('abort', done, { once: true });
			function done() {
				clearTimeout(timer);
				resolve();
			}
		});
	}
}

/** The maximum an input-limits refusal names (400), else null. */
export function limitOf(error: MagentoRequestError): number | null {
	const failure = error.failure;
	if (failure.kind !== 'http' || failure.status !== 400 || !failure.body) return null;
	return inputLimit(failure.body);
}

function parseJson(text: string): unknown {
	try {
		return text === '' ? null : JSON.parse(text);
	} catch {
		return null; // an HTML error page of a proxy, say: worded by its status instead
	}
}
