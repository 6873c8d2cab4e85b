// The Export page's state: the entity, the filters as typed, and the job that writes the file in the
// worker. A singleton, so a long export keeps going while the user looks at other pages.

import { NO_FILTERS, type ExportFilters, type StatusFilter } from '$lib/domain/csv/exportFormat';
import type { EntityType } from '$lib/domain/csv/importOptions';
import { quantityProblemMessage } from '$lib/domain/productRules';
import { parseQuantity } from '$lib/domain/quantity';
import { downloadBlob } from '$lib/ui/download';
import { engine, newJobId, proxy } from '$lib/ui/engine';
import type { Progress } from '$lib/worker/jobs';

type Bound = { ok: true; value: number | null } | { ok: false; message: string };

function readBound(label: string, text: string): Bound {
	if (text.trim() === '') return { ok: true, value: null };
	const parsed = parseQuantity(text);
	return parsed.ok ? parsed : { ok: false, message: quantityProblemMessage(label, text, parsed.problem) };
}

class ExportFlow {
	entity = $state<EntityType>('stock-sources');
	sources = $state<string[]>([]);
	skuContains = $state('');
	status = $state<StatusFilter>('any');
	quantityFrom = $state('');
	quantityTo = $state('');
	busy = $state(false);
	progress = $state.raw<Progress | null>(null);
	startedAt = $state(0);
	/** What the last export did, for the status region. */
	result = $state('');
	failure = $state('');
	#jobId: string | null = null;

	/** The filters as the worker takes them, or the first problem with what was typed. */
	get filters(): { ok: true; value: ExportFilters } | { ok: false; message: string } {
		const from = readBound('Quantity from', this.quantityFrom);
		if (!from.ok) return from;
		const to = readBound('Quantity to', this.quantityTo);
		if (!to.ok) return to;
		if (from.value !== null && to.value !== null && from.value > to.value) {
			return { ok: false, message: 'Quantity from is greater than Quantity to.' };
		}
		if (this.entity === 'products')
			return { ok: true, value: { ...NO_FILTERS, skuContains: this.skuContains } };
		return {
			ok: true,
			value: {
				sources: [...this.sources],
				skuContains: this.skuContains,
				status: this.status,
				quantityFrom: from.value,
				quantityTo: to.value
			}
		};
	}

	toggleSource(code: string, on: boolean) {
		this.sources = on ? [...this.sources, code] : this.sources.filter((c) => c !== code);
	}

	async run() {
		const filters = this.filters;
		if (this.busy || !filters.ok) return;
		this.busy = true;
		this.result = '';
		this.failure = '';
		this.#jobId = newJobId();
		this.progress = null;
		this.startedAt = performance.now();
		try {
			const listener = proxy((progress: Progress) => (this.progress = progress));
			const result = await engine().exportCsv(this.#jobId, this.entity, filters.value, listener);
			if (result.status === 'cancelled') {
				this.result = 'Export cancelled.';
				return;
			}
			downloadBlob(result.blob, result.fileName);
			this.result = result.message;
		} catch (error) {
			this.failure = `The export stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.busy = false;
			this.progress = null;
			this.#jobId = null;
		}
	}

	cancel() {
		if (this.#jobId) void engine().cancelJob(this.#jobId);
	}
}

export const exportFlow = new ExportFlow();
