// Get stock from Magento: every source, then every item of the chosen sources, page by page; then one
// change set (items, base, and Magento's sources) committed in one transaction, so a cancelled or
// failed pull changes nothing and the pull is one undoable operation.

import type { Connection } from '$lib/domain/magento/connection';
import { planPull } from '$lib/domain/magento/pull';
import {
	toStatus,
	type BaseEntry,
	type MagentoSource,
	type MagentoSourceItem
} from '$lib/domain/magento/types';
import { DEFAULT_SOURCE_CODE, newSource, skuKey, type Source } from '$lib/domain/types';
import { formatCount } from '$lib/domain/wording';
import type { Job } from './jobs';
import { magentoBase } from './magentoBase';
import { MagentoClient, searchCriteria, type ClientOptions } from './magentoClient';
import type { Store } from './store';

export interface PullResult {
	message: string;
	operationId: number | null;
	conflicts: number;
	requests: number;
}

export async function pullFromMagento(
	store: Store,
	connection: Connection,
	chosen: readonly string[] | null,
	job: Job,
	options: ClientOptions = {}
): Promise<PullResult> {
	const client = new MagentoClient(connection, { ...options, signal: job.signal });
	job.report('Reading sources', 0, 1);
	const sources = await client.listSources();
	const codes = new Set(sources.map((s) => s.source_code));
	const pulled = (chosen ?? [...codes]).filter((code) => codes.has(code)).sort();
	const totals = await Promise.all(
		pulled.map(
			async (code) =>
				(
					await client.request<{ total_count: number }>(
						'GET',
						'/inventory/source-items',
						searchCriteria([[{ field: 'source_code', value: code, condition: 'eq' }]], 1, 1)
					)
				).total_count
		)
	);
	let total = totals.reduce((sum, n) => sum + n, 0);
	const magento = new Map<string, BaseEntry>();
	let received = 0;
	const take = (items: MagentoSourceItem[]) => {
		for (const row of items) addItem(magento, row);
		received += items.length;
		total = Math.max(total, received);
		job.report('Receiving items', received, total);
	};
	for (const code of pulled) {
		await client.listSourceItems(code, take);
		job.checkpoint();
	}
	const base = await magentoBase(store).fresh();
	const plan = planPull(
		store.inventory.products.keys(),
		(key) => store.inventory.get(key),
		base,
		pulled,
		magento
	);
	const items = [...magento.values()].reduce((sum, entry) => sum + entry.items.length, 0);
	const summary =
		`Received ${formatCount(items, 'source item')} for ${formatCount(magento.size, 'product')} ` +
		`from ${formatCount(pulled.length, 'source')}`;
	const sourceWrites = sourcesFromMagento(store.sources, sources);
	const baseWrite = base.alongside(plan.base, plan.tracked, sourceWrites);
	job.report('Saving all changes in one step', received, total);
	const applied = await store.commit(
		{ kind: 'magento', summary, changes: plan.changes },
		job,
		baseWrite.write
	);
	baseWrite.committed();
	if (sourceWrites.length > 0) await store.sourcesWritten();
	const kept =
		plan.conflicts.length > 0
			? `; ${formatCount(plan.conflicts.length, 'item')} with changes not sent kept here: Magento changed ` +
				`them too, so choose under "Send changes to Magento"`
			: '';
	return {
		message: summary + kept,
		operationId: applied.operation?.id ?? null,
		conflicts: plan.conflicts.length,
		requests: client.requests
	};
}

function addItem(magento: Map<string, BaseEntry>, row: MagentoSourceItem) {
	const key = skuKey(row.sku);
	let entry = magento.get(key);
	if (!entry) magento.set(key, (entry = { sku: row.sku, items: [] }));
	const value = {
		source: row.source_code,
		quantity: Number(row.quantity),
		status: toStatus(Number(row.status))
	};
	// An older Magento may repeat a page: the same item seen twice is kept once.
	const at = entry.items.findIndex((item) => item.source === row.source_code);
	if (at >= 0) entry.items[at] = value;
	else entry.items.push(value);
}

/** Missing sources are created; existing ones take Magento's name and enabled flag; none is deleted. */
function sourcesFromMagento(local: readonly Source[], magento: readonly MagentoSource[]): Source[] {
	const writes: Source[] = [];
	for (const remote of magento) {
		const existing = local.find((s) => s.code === remote.source_code);
		// The default source can never be disabled here (nor is it in Magento).
		const enabled = remote.source_code === DEFAULT_SOURCE_CODE ? true : Boolean(remote.enabled);
		const name = remote.name || remote.source_code;
		if (!existing) writes.push({ ...newSource(remote.source_code, name), enabled });
		else if (existing.name !== name || existing.enabled !== enabled)
			writes.push({ ...existing, name, enabled });
	}
	return writes;
}
