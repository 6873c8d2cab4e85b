// The History page's state: one page of operations (newest first) fetched from the worker, the source
// names to show, and which operation is open.

import type { OperationRecord } from '$lib/domain/history';
import { engine } from '$lib/ui/engine';

export const OPERATIONS_PER_PAGE = 50;

export class HistoryLog {
	rows = $state.raw<OperationRecord[]>([]);
	total = $state(0);
	offset = $state(0);
	loaded = $state(false);
	/** Operation whose item changes are shown. */
	open = $state<number | null>(null);
	sourceNames = $state.raw<Record<string, string>>({});
	#request = 0;

	get hasNewer(): boolean {
		return this.offset > 0;
	}

	get hasOlder(): boolean {
		return this.offset + OPERATIONS_PER_PAGE < this.total;
	}

	async refresh(): Promise<void> {
		const request = ++this.#request;
		const [page, sources] = await Promise.all([
			engine().listOperations(this.offset, OPERATIONS_PER_PAGE),
			engine().getSources()
		]);
		if (request !== this.#request) return;
		if (page.rows.length === 0 && page.total > 0 && this.offset > 0) {
			this.offset = Math.max(0, Math.floor((page.total - 1) / OPERATIONS_PER_PAGE) * OPERATIONS_PER_PAGE);
			return this.refresh();
		}
		this.rows = page.rows;
		this.total = page.total;
		this.sourceNames = Object.fromEntries(sources.map((source) => [source.code, source.name]));
		this.loaded = true;
	}

	turn(pages: number) {
		this.offset = Math.max(0, this.offset + pages * OPERATIONS_PER_PAGE);
		this.open = null;
		void this.refresh();
	}

	toggle(id: number) {
		this.open = this.open === id ? null : id;
	}

	sourceName(code: string): string {
		return this.sourceNames[code] ?? code;
	}
}
