// Mass actions on the grid's selection: resolved, planned and committed here in the worker as one
// transaction and one history operation, with progress and Cancel; the page only gets counts back.

import {
	assignSources,
	previewUnassign,
	transferInventory,
	unassignSources,
	type MassActionPlan,
	type TransferInput,
	type UnassignCounts
} from '$lib/domain/massActions';
import type { Outcome } from '$lib/domain/outcome';
import { staleSelection, type PlannedOn } from '$lib/domain/plannedOn';
import type { ProductSelection } from '$lib/domain/productQuery';
import type { Product } from '$lib/domain/types';
import { yieldToEvents, type Job, type JobEnd, type Jobs, type ProgressListener } from './jobs';
import type { Store } from './store';

export interface MassActionDone<C> {
	status: 'done';
	/** The result line (docs/domain-rules.md, Mass actions) (for the page's status and the toast). */
	message: string;
	counts: C;
	/** The history operation, or null when nothing changed (then there is nothing to undo). */
	operation: number | null;
}

/** Done, or cancelled, or refused with the reason (a plan the selection does not allow, a stale tab). */
export type MassActionResult<C> = MassActionDone<C> | JobEnd;

const SLICE = 20_000;

export function massActionCommands(store: Store, jobs: Jobs) {
	/** The selected products, read in slices so that a Cancel sent meanwhile is seen. */
	async function selectedProducts(selection: ProductSelection, job?: Job): Promise<Product[]> {
		await store.start();
		const keys = store.queries.selectedKeys(selection, store.sources, store.settings.defaultNotifyQty);
		const products: Product[] = [];
		for (let start = 0; start < keys.length; start += SLICE) {
			for (const key of keys.slice(start, start + SLICE)) {
				const product = store.inventory.get(key);
				if (product) products.push(product);
			}
			if (job && keys.length > SLICE) {
				job.report('Reading the selection', Math.min(keys.length, start + SLICE), keys.length);
				await yieldToEvents();
				job.checkpoint();
			}
		}
		return products;
	}

	function run<C>(
		jobId: string,
		onProgress: ProgressListener | undefined,
		plan: (products: Product[]) => Outcome<MassActionPlan<C>>,
		selection: ProductSelection,
		seen: PlannedOn | undefined,
		figures: (products: Product[]) => PlannedOn['unassign'] = () => undefined
	): Promise<MassActionResult<C>> {
		return jobs.run(jobId, onProgress, async (job): Promise<MassActionResult<C>> => {
			const products = await selectedProducts(selection, job);
			// Checked against memory here; the writer then checks every changed product against storage
			// inside the transaction, so a product changed in another tab meanwhile is refused too.
			const stale = seen ? staleSelection(seen, products, figures(products)) : null;
			if (stale) return { status: 'failed', message: stale };
			job.report('Preparing', 0, products.length);
			const planned = plan(products);
			if (!planned.ok) return { status: 'failed', message: planned.message };
			const { set, counts, message } = planned.value;
			job.checkpoint();
			job.report('Saving', 0, set.changes.length);
			await yieldToEvents();
			job.checkpoint();
			const applied = await store.commit(set, job);
			job.report('Saving', set.changes.length, set.changes.length);
			return { status: 'done', message, counts, operation: applied.operation?.id ?? null };
		});
	}

	return {
		/** The figures the Unassign confirmation states, before anything is removed. */
		async previewUnassign(selection: ProductSelection, sources: string[]): Promise<UnassignCounts> {
			return previewUnassign(await selectedProducts(selection), sources);
		},

		/** `seen`: what the user confirmed (the selection's size), refused if it no longer holds. */
		assignSources(
			jobId: string,
			selection: ProductSelection,
			sources: string[],
			onProgress?: ProgressListener,
			seen?: PlannedOn
		) {
			return run(
				jobId,
				onProgress,
				(products) => assignSources(products, sources, store.sources),
				selection,
				seen
			);
		},

		unassignSources(
			jobId: string,
			selection: ProductSelection,
			sources: string[],
			onProgress?: ProgressListener,
			seen?: PlannedOn
		) {
			return run(
				jobId,
				onProgress,
				(products) => unassignSources(products, sources, store.sources),
				selection,
				seen,
				(products) => previewUnassign(products, sources)
			);
		},

		transferInventory(
			jobId: string,
			selection: ProductSelection,
			input: TransferInput,
			onProgress?: ProgressListener,
			seen?: PlannedOn
		) {
			return run(
				jobId,
				onProgress,
				(products) => transferInventory(products, input, store.sources),
				selection,
				seen
			);
		}
	};
}
