// Send changes to Magento: the check asks Magento for the current value of every changed item (and
// which SKUs it has products for); the send writes in batches and moves the base batch by batch, so
// an interrupted send keeps what Magento accepted and the rest stays pending.

import { pendingChanges, findItem, valueOf, type PendingChange } from '$lib/domain/magento/changes';
import type { Connection } from '$lib/domain/magento/connection';
import {
	checkSend,
	inBatches,
	itemId,
	planSend,
	type ConflictChoice,
	type SendCheck
} from '$lib/domain/magento/send';
import {
	sameValue,
	toStatus,
	type BaseChange,
	type BaseEntry,
	type ItemValue,
	type MagentoSourceItem
} from '$lib/domain/magento/types';
import { productChange, type ProductChange } from '$lib/domain/changeSet';
import { inItemOrder, skuKey } from '$lib/domain/types';
import { formatCount } from '$lib/domain/wording';
import { bucketOf } from '$lib/db/magentoBase';
import type { Job } from './jobs';
import { magentoBase, type MagentoBase } from './magentoBase';
import { limitOf, MagentoClient, MagentoRequestError, type ClientOptions } from './magentoClient';
import type { Store } from './store';

const SKUS_PER_CHECK = 100;
export const SEND_BATCH = 200;

export function changesNotSent(store: Store, base: MagentoBase): PendingChange[] {
	return pendingChanges(store.inventory.products.keys(), (key) => store.inventory.get(key), base);
}

export async function checkWithMagento(
	store: Store,
	connection: Connection,
	job: Job,
	options: ClientOptions = {}
): Promise<{ check: SendCheck; requests: number }> {
	const client = new MagentoClient(connection, { ...options, signal: job.signal });
	const base = await magentoBase(store).fresh();
	const changes = changesNotSent(store, base);
	const now = new Map<string, ItemValue>();
	const known = new Set<string>();
	const skus = [...new Set(changes.map((c) => c.sku))];
	const upsertSkus = new Set(changes.filter((c) => c.here !== null).map((c) => c.sku));
	// `in` takes a comma-separated list: a SKU holding a comma is asked on its own with `eq`.
	const listed = skus.filter((sku) => !sku.includes(','));
	const batches = inBatches(listed, SKUS_PER_CHECK);
	let done = 0;
	job.report('Checking with Magento', 0, skus.length);
	const ask = async (batch: string[], condition: 'in' | 'eq') => {
		const filter = [[{ field: 'sku', value: batch.join(','), condition }]];
		const items = await client.search<MagentoSourceItem>('/inventory/source-items', filter);
		for (const row of items) {
			now.set(itemId(row.sku, row.source_code), {
				quantity: Number(row.quantity),
				status: toStatus(Number(row.status))
			});
		}
		const wanted = batch.filter((sku) => upsertSkus.has(sku));
		if (wanted.length > 0) {
			const products = await client.search<{ sku: string }>('/products', filter, undefined, {
				fields: 'items[sku],total_count'
			});
			for (const product of products) known.add(skuKey(product.sku));
		}
		done += batch.length;
		job.report('Checking with Magento', done, skus.length);
	};
	let next = 0;
	const worker = async () => {
		while (next < batches.length) await ask(batches[next++], 'in');
	};
	await Promise.all(Array.from({ length: Math.min(4, batches.length) }, worker));
	for (const sku of skus.filter((s) => s.includes(','))) await ask([sku], 'eq');
	return { check: checkSend(changes, now, known), requests: client.requests };
}

export interface SendOutcome {
	ok: boolean;
	message: string;
	sent: number;
	requests: number;
}

/** Writes what the check found ready plus the conflicts chosen; moves the base after each accepted batch. */
export async function sendToMagento(
	store: Store,
	connection: Connection,
	check: SendCheck,
	choices: ReadonlyMap<string, ConflictChoice>,
	job: Job,
	options: ClientOptions & { batchSize?: number } = {}
): Promise<SendOutcome> {
	const base = await magentoBase(store).fresh();
	const client = new MagentoClient(connection, { ...options, signal: job.signal });
	// Only what is still as checked is sent; a change made since waits for the next check.
	const current = (change: PendingChange) =>
		sameValue(valueOf(findItem(store.inventory.get(change.key), change.source)), change.here) &&
		sameValue(valueOf(base.get(change.key)?.items.find((i) => i.source === change.source)), change.base);
	const still: SendCheck = {
		ready: check.ready.filter(current),
		conflicts: check.conflicts.filter((c) => current(c.change)),
		unknown: check.unknown,
		alreadyThere: check.alreadyThere.filter(current)
	};
	const plan = planSend(still, choices);
	// Sent in the order the base is stored (by bucket), so each batch rewrites one or two base records.
	const byBucket = (a: { sku: string }, b: { sku: string }) =>
		bucketOf(skuKey(a.sku)) - bucketOf(skuKey(b.sku));
	plan.upserts.sort(byBucket);
	plan.deletes.sort(byBucket);
	if (still.alreadyThere.length > 0) {
		await base.write(
			baseChanges(
				base,
				still.alreadyThere.map((c) => ({ key: c.key, sku: c.sku, source: c.source, value: c.here }))
			)
		);
	}
	let taken = 0;
	if (plan.takeMagento.length > 0) taken = await takeMagentos(store, base, plan.takeMagento, job);

	const total = plan.upserts.length + plan.deletes.length;
	let sent = 0;
	let size = options.batchSize ?? SEND_BATCH;
	job.report('Sending', 0, total);
	const run = async <T extends { sku: string; source_code: string }>(
		rows: T[],
		write: (batch: T[]) => Promise<unknown>,
		value: (row: T) => ItemValue | null
	) => {
		let at = 0;
		while (at < rows.length) {
			job.checkpoint();
			const batch = rows.slice(at, at + size);
			try {
				await write(batch);
			} catch (error) {
				const limit = error instanceof MagentoRequestError ? limitOf(error) : null;
				// Input limits: Magento names its maximum; send smaller batches instead of failing.
				if (limit !== null && limit < batch.length) {
					size = limit;
					continue;
				}
				throw error;
			}
			await base.write(
				baseChanges(
					base,
					batch.map((row) => ({
						key: skuKey(row.sku),
						sku: row.sku,
						source: row.source_code,
						value: value(row)
					}))
				)
			);
			at += batch.length;
			sent += batch.length;
			job.report('Sending', sent, total);
		}
	};
	try {
		await run(
			plan.upserts,
			(b) => client.saveSourceItems(b),
			(row) => ({ quantity: row.quantity, status: toStatus(row.status) })
		);
		await run(
			plan.deletes,
			(b) => client.deleteSourceItems(b),
			() => null
		);
	} catch (error) {
		if (!(error instanceof MagentoRequestError)) throw error;
		if (error.failure.kind === 'cancelled') {
			return { ok: false, message: `Cancelled: ${sentLine(sent, total)}`, sent, requests: client.requests };
		}
		const batch = Math.floor(sent / size) + 1;
		const batches = Math.ceil((total - sent) / size) + batch - 1;
		return {
			ok: false,
			message: `Batch ${batch} of ${batches} failed: ${error.message}. ${sentLine(sent, total)}`,
			sent,
			requests: client.requests
		};
	}
	const tookLine = taken > 0 ? `; took Magento's values for ${formatCount(taken, 'item')}` : '';
	return {
		ok: true,
		message: `Sent ${formatCount(sent, 'change')} to Magento${tookLine}`,
		sent,
		requests: client.requests
	};
}

function sentLine(sent: number, total: number): string {
	return `${formatCount(sent, 'change')} of ${total} sent; the rest stay pending: send again to finish.`;
}

interface SentItem {
	key: string;
	sku: string;
	source: string;
	value: ItemValue | null;
}

/** The base entries after `items` were accepted by Magento (several items of a product merge). */
function baseChanges(base: MagentoBase, items: readonly SentItem[]): BaseChange[] {
	const after = new Map<string, BaseEntry | null>();
	for (const item of items) {
		const entry = after.has(item.key) ? after.get(item.key)! : (base.get(item.key) ?? null);
		const others = (entry?.items ?? []).filter((i) => i.source !== item.source);
		const next = item.value ? [...others, { source: item.source, ...item.value }] : others;
		after.set(item.key, next.length > 0 ? { sku: entry?.sku ?? item.sku, items: next } : null);
	}
	return [...after].map(([key, entry]) => ({ key, before: base.get(key) ?? null, after: entry }));
}

/** "Take Magento's": the items here take Magento's value, with the base, as one undoable operation. */
async function takeMagentos(
	store: Store,
	base: MagentoBase,
	conflicts: SendCheck['conflicts'],
	job: Job
): Promise<number> {
	const products = new Map<string, ProductChange>();
	for (const { change, magento } of conflicts) {
		const before = products.get(change.key)?.after ?? store.inventory.get(change.key) ?? null;
		const kept = findItem(before ?? undefined, change.source);
		const others = (before?.items ?? []).filter((i) => i.source !== change.source);
		const items = magento
			? [...others, { source: change.source, ...magento, notifyQty: kept?.notifyQty ?? null }]
			: others;
		const after = before
			? { ...before, items: inItemOrder(items) }
			: items.length > 0
				? { sku: change.sku, name: '', barcodes: [], items }
				: null;
		const original = store.inventory.get(change.key) ?? null;
		const made = productChange(original, after);
		if (made) products.set(change.key, made);
		else products.delete(change.key);
	}
	const changes = baseChanges(
		base,
		conflicts.map(({ change, magento }) => ({
			key: change.key,
			sku: change.sku,
			source: change.source,
			value: magento
		}))
	);
	const write = base.alongside(changes, base.trackedList);
	const summary = `Took Magento's values for ${formatCount(conflicts.length, 'conflicting item')}`;
	await store.commit({ kind: 'magento', summary, changes: [...products.values()] }, job, write.write);
	write.committed();
	return conflicts.length;
}
