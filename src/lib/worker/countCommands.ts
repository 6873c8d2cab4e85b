// Stock take: counts and their lines are stored as they go (every scan is one small write, so a count
// survives reloads); Apply turns the review into one change set through `store.commit`, so it is one
// history operation with Undo. Scanning lives in countScanCommands.ts, count files in
// countFileCommands.ts, views and the open-count guard in countViews.ts.

import { tallyLines, type Count, type CountLine, type CountNarrowing } from '$lib/domain/count/count';
import {
	planCountApply,
	reviewCount,
	type CountReview,
	type UncountedChoice
} from '$lib/domain/count/review';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { addCount, discardCount, markCountApplied, readCountsWithTally } from '$lib/db/countStore';
import { countFileCommands } from './countFileCommands';
import { countScanCommands } from './countScanCommands';
import { countContext, type CountSummary, type CountView } from './countViews';
import { yieldToEvents, type JobEnd, type Jobs, type ProgressListener } from './jobs';
import type { Store } from './store';

export type { CountLineView, CountSummary, CountView } from './countViews';
export type { ScanResult } from './countScanCommands';

export interface NewCountInput {
	source: string;
	blind: boolean;
	narrowing: CountNarrowing;
}

export function countCommands(store: Store, jobs: Jobs) {
	const context = countContext(store);
	const { lookup, sourceName, linesOf, view, currentView, onOpenCount } = context;

	function reviewOf(count: Count, lines: CountLine[]): CountReview {
		return reviewCount(count, lines, lookup.product, store.inventory.products.values());
	}

	return {
		...countScanCommands(store, context),
		...countFileCommands(store, context),

		async newCount(input: NewCountInput): Promise<Outcome<CountView>> {
			await store.start();
			if (!store.source(input.source)) return fail(`Source "${input.source}" does not exist.`);
			const count: Count = {
				id: crypto.randomUUID(),
				source: input.source,
				narrowing: {
					skuPrefix: input.narrowing.skuPrefix.trim(),
					onlyAtSource: input.narrowing.onlyAtSource
				},
				blind: input.blind,
				status: 'open',
				createdAt: Date.now()
			};
			await addCount(store.db, count);
			return succeed(view(count, []));
		},

		/** Open, applied and discarded counts, newest first. */
		async listCounts(): Promise<CountSummary[]> {
			await store.start();
			const counts = await readCountsWithTally(store.db);
			return counts.map(({ count, tally }) => ({ count, sourceName: sourceName(count.source), ...tally }));
		},

		openCount(id: string): Promise<Outcome<CountView>> {
			return onOpenCount(id, currentView);
		},

		/** Expected (now), counted and variance per line, and the products not counted. */
		review(id: string): Promise<Outcome<CountReview>> {
			return onOpenCount(id, async (count) => reviewOf(count, await linesOf(id)));
		},

		/**
		 * Sets every counted item (and, when chosen, every uncounted one to 0) as one undoable operation.
		 * A job: a count of many lines takes seconds to write, so it shows its phase and can be cancelled
		 * until the one transaction commits.
		 */
		applyCount(
			jobId: string,
			id: string,
			uncounted: UncountedChoice,
			onProgress?: ProgressListener
		): Promise<Outcome<{ message: string; operation: number | null }> | JobEnd> {
			return jobs.run(jobId, onProgress, (job) =>
				onOpenCount(id, async (count) => {
					job.report('Preparing changes', 0, 1);
					const lines = await linesOf(id);
					const review = reviewOf(count, lines);
					const plan = planCountApply(count, review, uncounted, lookup.product, sourceName(count.source));
					const changes = plan.set.changes.length;
					job.report('Saving all changes in one step', changes, changes);
					await yieldToEvents();
					job.checkpoint();
					const applied = await store.commit(
						plan.set,
						job,
						markCountApplied(store.db, count, tallyLines(lines))
					);
					const operation = applied.operation?.id ?? null;
					return {
						message: operation === null ? `${plan.message} Nothing needed changing.` : plan.message,
						operation
					};
				})
			);
		},

		/** Throws the count and its lines away; the stock is not touched. */
		discardCount(id: string): Promise<Outcome<null>> {
			return onOpenCount(id, async (count) => {
				await discardCount(store.db, count);
				return null;
			});
		}
	};
}
