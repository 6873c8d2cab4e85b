// The Export page's state: the entity, the filters as typed, and the job that writes the file in the
// worker. A singleton, so a long export keeps going while the user looks at other pages.

import { NO_FILTERS, type ExportFilters, type StatusFilter } from '$lib/domain/csv/exportFormat';
import type { EntityType } from '$lib/domain/csv/importOptions';
import { readQuantity } from '$lib/domain/productRules';
import { downloadBlob } from '$lib/ui/download';
import { engine } from '$lib/ui/engine';
import { JobRun } from '$lib/ui/jobRun.svelte';

type Bound = { ok: true; value: number | null } | { ok: false; message: string };

function readBound(label: string, text: string): Bound {
	if (text.trim() === '') return { ok: true, value: null };
	return readQuantity(label, text);
}

class ExportFlow {
	entity = $state<EntityType>('stock-sources');
	sources = $state<string[]>([]);
	skuContains = $state('');
	status = $state<StatusFilter>('any');
	quantityFrom = $state('');
	quantityTo = $state('');
	readonly job = new JobRun();
	/** What the last export did, for the status region. */
	result = $state('');
	failure = $state('');

	get busy(): boolean {
		return this.job.running;
	}

	/** What is wrong with each typed bound, for its field ('' when fine); a reversed range goes on `to`. */
	get boundErrors(): { quantityFrom: string; quantityTo: string } {
		const bounds = this.#bounds();
		return bounds.ok
			? { quantityFrom: '', quantityTo: '' }
			: { quantityFrom: bounds.from, quantityTo: bounds.to };
	}

	#bounds(): { ok: true; from: number | null; to: number | null } | { ok: false; from: string; to: string } {
		const from = readBound('Quantity from', this.quantityFrom);
		const to = readBound('Quantity to', this.quantityTo);
		if (from.ok && to.ok) {
			if (from.value === null || to.value === null || from.value <= to.value)
				return { ok: true, from: from.value, to: to.value };
			return { ok: false, from: '', to: 'Quantity from is greater than Quantity to.' };
		}
		return { ok: false, from: from.ok ? '' : from.message, to: to.ok ? '' : to.message };
	}

	/** The filters as the worker takes them, or the first problem with what was typed. */
	get filters(): { ok: true; value: ExportFilters } | { ok: false; message: string } {
		// Products have no quantity filters (the fields are hidden), so what they hold does not count.
		if (this.entity === 'products')
			return { ok: true, value: { ...NO_FILTERS, skuContains: this.skuContains } };
		const bounds = this.#bounds();
		if (!bounds.ok) return { ok: false, message: bounds.from || bounds.to };
		return {
			ok: true,
			value: {
				sources: [...this.sources],
				skuContains: this.skuContains,
				status: this.status,
				quantityFrom: bounds.from,
				quantityTo: bounds.to
			}
		};
	}

	toggleSource(code: string, on: boolean) {
		this.sources = on ? [...this.sources, code] : this.sources.filter((c) => c !== code);
	}

	async run() {
		const filters = this.filters;
		if (this.busy || !filters.ok) return;
		this.result = '';
		this.failure = '';
		const entity = this.entity;
		const result = await this.job.run((id, onProgress) =>
			engine().exportCsv(id, entity, filters.value, onProgress)
		);
		if (result.status === 'exported') {
			downloadBlob(result.blob, result.fileName);
			this.result = result.message;
		} else if (result.status === 'cancelled') this.result = 'Export cancelled.';
		else this.failure = `The export stopped unexpectedly: ${result.message}`;
	}

	cancel() {
		this.job.cancel();
	}
}

export const exportFlow = new ExportFlow();
