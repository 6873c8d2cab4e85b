// Every count (open ones to continue, applied and discarded ones as the log) and the sources a new count
// can be started at.

import type { Source } from '$lib/domain/types';
import { engine } from '$lib/ui/engine';
import type { CountSummary } from '$lib/worker/countCommands';

export class CountList {
	counts = $state.raw<CountSummary[]>([]);
	sources = $state.raw<Source[]>([]);
	loaded = $state(false);

	get open(): CountSummary[] {
		return this.counts.filter((summary) => summary.count.status === 'open');
	}

	async refresh() {
		const [counts, sources] = await Promise.all([engine().listCounts(), engine().getSources()]);
		this.counts = counts;
		this.sources = sources;
		this.loaded = true;
	}
}
