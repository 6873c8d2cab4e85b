// The Magento connection's commands: connect, disconnect, status (with the changes not sent), pull,
// the send check and the send, and the sync log. No request goes anywhere until the user connects.

import { countChanges, type ChangeCounts } from '$lib/domain/magento/changes';
import { hostOf, maskToken, parseConnection } from '$lib/domain/magento/connection';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { formatCount } from '$lib/domain/wording';
import { itemId, type ConflictChoice, type SendCheck } from '$lib/domain/magento/send';
import type { ItemValue } from '$lib/domain/magento/types';
import type { SyncLogRecord } from '$lib/domain/magento/types';
import {
	addSyncLog,
	deleteConnection,
	readConnection,
	readSyncLog,
	saveConnection,
	type StoredConnection
} from '$lib/db/magentoConnection';
import { CancelledError, type Job, type Jobs, type ProgressListener } from './jobs';
import { magentoBase } from './magentoBase';
import { MagentoRequestError, type ClientOptions } from './magentoClient';
import { connectToMagento, failureMessage } from './magentoConnect';
import { pullFromMagento } from './magentoPull';
import { changesNotSent, checkWithMagento, sendToMagento } from './magentoSend';
import { UserError, type Store } from './store';

export interface MagentoStatus {
	connection: { url: string; host: string; storeCode: string; token: string; sources: string[] } | null;
	/** Sources pulled so far (only their items can have changes to send). */
	tracked: string[];
	pending: ChangeCounts & { total: number };
}

export interface ConflictRow {
	id: string;
	sku: string;
	source: string;
	received: ItemValue | null;
	magento: ItemValue | null;
	here: ItemValue | null;
}

export type MagentoJobResult<T> =
	({ status: 'done' } & T) | { status: 'cancelled' } | { status: 'failed'; message: string };

export interface CheckSummary {
	ready: ChangeCounts;
	conflicts: ConflictRow[];
	unknown: { sku: string; source: string }[];
	alreadyThere: number;
}

const NOT_CONNECTED = 'Connect to Magento first.';

export function magentoCommands(store: Store, jobs: Jobs, clientOptions: ClientOptions = {}) {
	let checked: SendCheck | null = null;

	async function log(kind: SyncLogRecord['kind'], ok: boolean, summary: string) {
		await addSyncLog(store.db, { at: Date.now(), kind, ok, summary });
		store.announce(['magento']);
	}

	/** Runs long work as a job; Magento's refusals become results (logged), a Cancel ends it as cancelled. */
	async function asJob<T>(
		kind: SyncLogRecord['kind'],
		jobId: string,
		onProgress: ProgressListener | undefined,
		work: (connection: StoredConnection, job: Job) => Promise<T & { log: string }>
	): Promise<MagentoJobResult<T>> {
		await store.start();
		const connection = await readConnection(store.db);
		if (!connection) return { status: 'failed', message: NOT_CONNECTED };
		return jobs.run(jobId, onProgress, async (job): Promise<MagentoJobResult<T>> => {
			try {
				const result = await work(connection, job);
				await log(kind, true, result.log);
				return { status: 'done', ...result };
			} catch (error) {
				if (error instanceof MagentoRequestError) {
					if (error.failure.kind === 'cancelled') throw new CancelledError();
					const message = await failureMessage(error, connection, clientOptions.fetch);
					await log(kind, false, message);
					return { status: 'failed', message };
				}
				if (error instanceof UserError) await log(kind, false, error.message);
				throw error;
			}
		});
	}

	return {
		async magentoStatus(): Promise<MagentoStatus> {
			await store.start();
			const connection = await readConnection(store.db);
			const base = await magentoBase(store).fresh();
			const counts = countChanges(connection ? changesNotSent(store, base) : []);
			return {
				connection: connection && {
					url: connection.url,
					host: hostOf(connection.url),
					storeCode: connection.storeCode,
					token: maskToken(connection.token),
					sources: connection.sources
				},
				tracked: base.trackedList,
				pending: { ...counts, total: counts.updates + counts.created + counts.removals }
			};
		},

		async magentoConnect(
			url: string,
			token: string,
			storeCode: string
		): Promise<Outcome<{ message: string; warning: string | null }>> {
			await store.start();
			const parsed = parseConnection(url, token, storeCode);
			if (!parsed.ok) return fail(parsed.message, [{ field: parsed.field, message: parsed.message }]);
			const answer = await connectToMagento(parsed.connection, clientOptions);
			await log('connect', answer.ok, answer.message);
			if (!answer.ok) return fail(answer.message);
			await saveConnection(store.db, { ...parsed.connection, sources: answer.sources });
			checked = null;
			return succeed({ message: answer.message, warning: answer.warning });
		},

		/** Forgets the connection and its token; the stock and its base stay (connect again to go on). */
		async magentoDisconnect(): Promise<void> {
			await store.start();
			await deleteConnection(store.db);
			checked = null;
			await log('connect', true, 'Disconnected: the access token was deleted from this device.');
		},

		async magentoPull(
			jobId: string,
			sources: string[] | null,
			onProgress?: ProgressListener
		): Promise<MagentoJobResult<{ message: string; operationId: number | null; conflicts: number }>> {
			return asJob('pull', jobId, onProgress, async (connection, job) => {
				const result = await pullFromMagento(store, connection, sources, job, clientOptions);
				checked = null;
				return { ...result, log: result.message };
			});
		},

		async magentoCheckSend(
			jobId: string,
			onProgress?: ProgressListener
		): Promise<MagentoJobResult<CheckSummary>> {
			checked = null;
			return asJob('send', jobId, onProgress, async (connection, job) => {
				const { check } = await checkWithMagento(store, connection, job, clientOptions);
				checked = check;
				const ready = countChanges(check.ready);
				const summary: CheckSummary = {
					ready,
					conflicts: check.conflicts.map(({ change, magento }) => ({
						id: itemId(change.sku, change.source),
						sku: change.sku,
						source: change.source,
						received: change.base,
						magento,
						here: change.here
					})),
					unknown: check.unknown.map((c) => ({ sku: c.sku, source: c.source })),
					alreadyThere: check.alreadyThere.length
				};
				const log =
					`Checked: ${formatCount(ready.updates, 'update')}, ${formatCount(ready.created, 'new item')}, ` +
					`${formatCount(ready.removals, 'removal')} ready; ${formatCount(check.conflicts.length, 'conflict')}; ` +
					`${formatCount(check.unknown.length, 'unknown product')}`;
				return { ...summary, log };
			});
		},

		/** `choices` by conflict id: a conflict without a choice is not sent. */
		async magentoSend(
			jobId: string,
			choices: Record<string, ConflictChoice>,
			onProgress?: ProgressListener
		): Promise<MagentoJobResult<{ message: string; sent: number }>> {
			const check = checked;
			if (!check)
				return { status: 'failed', message: 'Check the changes first: press "Send changes to Magento".' };
			return asJob('send', jobId, onProgress, async (connection, job) => {
				const outcome = await sendToMagento(
					store,
					connection,
					check,
					new Map(Object.entries(choices)),
					job,
					clientOptions
				);
				checked = null;
				store.announce(['magento']);
				if (!outcome.ok) throw new UserError(outcome.message);
				return { message: outcome.message, sent: outcome.sent, log: outcome.message };
			});
		},

		async magentoLog(limit = 50): Promise<SyncLogRecord[]> {
			await store.start();
			return readSyncLog(store.db, limit);
		}
	};
}
