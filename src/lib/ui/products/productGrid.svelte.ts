// The product grid's state: the query, the window of rows on screen (fetched from the worker, never
// the whole catalogue), and the selection (some rows, or every row matching the query but some).

import { SvelteSet } from 'svelte/reactivity';
import { ALL_PRODUCTS, type ProductQuery, type ProductSelection } from '$lib/domain/productQuery';
import type { GridRow } from '$lib/worker/productQueries';
import { engine } from '$lib/ui/engine';

export const ROW_HEIGHT = 48;
const OVERSCAN = 30;

export class ProductGridState {
	query = $state<ProductQuery>({ ...ALL_PRODUCTS });
	/** Rows matching the query, and products in the catalogue. */
	total = $state(0);
	catalogue = $state(0);
	loaded = $state(false);
	window = $state.raw<{ offset: number; rows: GridRow[] }>({ offset: 0, rows: [] });
	allSelected = $state(false);
	/** Keys selected when not all; keys excluded when all. */
	readonly marked = new SvelteSet<string>();
	#request = 0;
	#wanted = { first: 0, count: 40 };

	constructor(query: ProductQuery = ALL_PRODUCTS) {
		this.query = { ...query };
	}

	selectedCount = $derived(this.allSelected ? this.total - this.marked.size : this.marked.size);

	isSelected(key: string): boolean {
		return this.allSelected !== this.marked.has(key);
	}

	toggle(key: string) {
		if (this.marked.has(key)) this.marked.delete(key);
		else this.marked.add(key);
	}

	selectAll(on: boolean) {
		this.allSelected = on;
		this.marked.clear();
	}

	clearSelection() {
		this.selectAll(false);
	}

	selection(): ProductSelection {
		return this.allSelected
			? { mode: 'all', query: $state.snapshot(this.query), except: [...this.marked] }
			: { mode: 'some', keys: [...this.marked] };
	}

	/** A new search, filter or sort: the selection no longer means what the user saw, so it resets. */
	setQuery(patch: Partial<ProductQuery>) {
		this.query = { ...this.query, ...patch };
		this.clearSelection();
		this.#wanted.first = 0;
		void this.refresh();
	}

	/** Rows `first`..`first+count` are on screen: fetch them unless the window already holds them. */
	show(first: number, count: number) {
		this.#wanted = { first, count };
		const { offset, rows } = this.window;
		const covered = first >= offset && first + count <= offset + rows.length;
		if (!covered || !this.loaded) void this.refresh();
	}

	rowAt(index: number): GridRow | undefined {
		return this.window.rows[index - this.window.offset];
	}

	async refresh() {
		const request = ++this.#request;
		const offset = Math.max(0, this.#wanted.first - OVERSCAN);
		const limit = this.#wanted.count + 2 * OVERSCAN;
		const result = await engine().queryProducts($state.snapshot(this.query), offset, limit);
		if (request !== this.#request) return;
		this.total = result.total;
		this.catalogue = result.catalogue;
		this.window = { offset: result.offset, rows: result.rows };
		this.loaded = true;
	}
}
