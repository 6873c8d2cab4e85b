// The worker's in-memory copy of the catalogue: products by key, keys in order, which page holds each
// key, and the barcode index. Updated only after a transaction has committed.

import type { ProductChange } from '$lib/domain/changeSet';
import type { Product } from '$lib/domain/types';
import { skuKey } from '$lib/domain/types';
import { barcodeKeys } from '$lib/domain/barcode/gtin';
import { ProductIndex } from '$lib/domain/productIndex';
import type { PageWrite } from '$lib/db/applyChangeSet';
import type { StoredPage } from '$lib/db/schema';

interface PageEntry {
	firstKey: string;
	keys: string[];
}

export class Inventory {
	readonly products = new Map<string, Product>();
	readonly #pageOf = new Map<string, number>();
	readonly #pages = new Map<number, PageEntry>();
	readonly #barcodes = new Map<string, string>();
	/** The catalogue laid out for queries; rebuilt after products come or go, patched after edits. */
	#index: ProductIndex | null = null;
	/** The index dropped when products came or went: the new one starts its sorts from its orders. */
	#replaced: ProductIndex | null = null;
	/** Bumped on every change so that query caches know they are stale. */
	version = 0;

	load(pages: readonly StoredPage[]) {
		this.products.clear();
		this.#pageOf.clear();
		this.#pages.clear();
		this.#barcodes.clear();
		for (const page of pages) this.#putPage(page.id, page.products);
		this.#changed(false);
	}

	get size(): number {
		return this.products.size;
	}

	get(key: string): Product | undefined {
		return this.products.get(key);
	}

	getBySku(sku: string): Product | undefined {
		return this.products.get(skuKey(sku));
	}

	/** The product a code belongs to, matching retail codes in any of their lengths (see gtin.ts). */
	barcodeOwner(barcode: string): string | undefined {
		for (const key of barcodeKeys(barcode)) {
			const owner = this.#barcodes.get(key);
			if (owner !== undefined) return owner;
		}
		return undefined;
	}

	/** Every key in SKU order: pages are disjoint sorted ranges, so concatenating them needs no sort. */
	sortedKeys(): readonly string[] {
		return this.index().keys;
	}

	index(): ProductIndex {
		if (!this.#index) {
			const pages = [...this.#pages.values()].sort((a, b) => (a.firstKey < b.firstKey ? -1 : 1));
			const keys = pages.flatMap((page) => page.keys);
			this.#index = new ProductIndex(
				keys,
				keys.map((key) => this.products.get(key)!),
				this.#replaced ?? undefined
			);
			this.#replaced = null;
		}
		return this.#index;
	}

	/** The keys that start with `prefix`, in order: a binary search per page, not a look at every key. */
	keysWithPrefix(prefix: string): string[] {
		const found: string[] = [];
		for (const page of this.#pages.values()) {
			const last = page.keys.at(-1);
			if (last === undefined || last < prefix) continue;
			for (let i = firstAtOrAfter(page.keys, prefix); i < page.keys.length; i++) {
				if (!page.keys[i].startsWith(prefix)) break;
				found.push(page.keys[i]);
			}
		}
		return found.sort();
	}

	/** Whether any key starts with `prefix` (as keysWithPrefix, stopping at the first). */
	hasKeyWithPrefix(prefix: string): boolean {
		for (const page of this.#pages.values()) {
			const i = firstAtOrAfter(page.keys, prefix);
			if (i < page.keys.length && page.keys[i].startsWith(prefix)) return true;
		}
		return false;
	}

	pageIds(): number[] {
		return [...this.#pages.keys()];
	}

	/** A page's products as this copy holds them, so a write need not read the page back. */
	pageProducts(id: number): Product[] | undefined {
		const page = this.#pages.get(id);
		return page?.keys.map((key) => this.products.get(key)!);
	}

	/** After this tab committed `changes`, laid out as `written`/`deleted` pages. */
	applyCommitted(
		changes: readonly ProductChange[],
		written: readonly PageWrite[],
		deleted: readonly number[]
	) {
		// Edits of existing products keep every key in place: the query index is patched, not rebuilt.
		let sameKeys = true;
		for (const change of changes) {
			const before = this.products.get(change.key);
			if (before) this.#unindexBarcodes(before);
			if (change.after) {
				sameKeys &&= before !== undefined;
				this.products.set(change.key, change.after);
				this.#indexBarcodes(change.key, change.after);
			} else {
				sameKeys = false;
				this.products.delete(change.key);
				this.#pageOf.delete(change.key);
			}
		}
		this.#relayout(written, deleted);
		const index = this.#index;
		if (sameKeys && index) {
			index.replace(changes.map((c) => ({ position: index.positionOf(c.key), product: c.after! })));
		}
		this.#changed(sameKeys);
	}

	/** Another tab rewrote `pages` and removed `deleted`: take them as they are now stored. */
	reloadPages(pages: readonly StoredPage[], deleted: readonly number[]) {
		const goneKeys = new Set<string>();
		for (const id of [...deleted, ...pages.map((p) => p.id)]) {
			for (const key of this.#pages.get(id)?.keys ?? []) goneKeys.add(key);
			this.#pages.delete(id);
		}
		for (const page of pages) {
			for (const product of page.products) goneKeys.delete(skuKey(product.sku));
		}
		for (const key of goneKeys) {
			const product = this.products.get(key);
			if (product) this.#unindexBarcodes(product);
			this.products.delete(key);
			this.#pageOf.delete(key);
		}
		for (const page of pages) {
			for (const product of page.products) {
				const old = this.products.get(skuKey(product.sku));
				if (old) this.#unindexBarcodes(old);
			}
			this.#putPage(page.id, page.products);
		}
		this.#changed(false);
	}

	#putPage(id: number, products: readonly Product[]) {
		const keys = products.map((p) => skuKey(p.sku));
		this.#pages.set(id, { firstKey: keys[0] ?? '', keys });
		products.forEach((product, i) => {
			this.products.set(keys[i], product);
			this.#pageOf.set(keys[i], id);
			this.#indexBarcodes(keys[i], product);
		});
	}

	#relayout(written: readonly PageWrite[], deleted: readonly number[]) {
		for (const id of deleted) this.#pages.delete(id);
		for (const page of written) {
			this.#pages.set(page.id, { firstKey: page.firstKey, keys: page.keys });
			for (const key of page.keys) this.#pageOf.set(key, page.id);
		}
	}

	#indexBarcodes(key: string, product: Product) {
		for (const code of product.barcodes)
			for (const index of barcodeKeys(code)) this.#barcodes.set(index, key);
	}

	#unindexBarcodes(product: Product) {
		const key = skuKey(product.sku);
		for (const code of product.barcodes) {
			for (const index of barcodeKeys(code))
				if (this.#barcodes.get(index) === key) this.#barcodes.delete(index);
		}
	}

	/** `keysKept`: the same keys as before (only products edited), so the index was patched. */
	#changed(keysKept: boolean) {
		if (!keysKept && this.#index) {
			this.#replaced = this.#index;
			this.#index = null;
		}
		this.version++;
	}
}

/** The index of the first of the sorted `keys` that is not below `key` (keys.length when none). */
function firstAtOrAfter(keys: readonly string[], key: string): number {
	let low = 0;
	let high = keys.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (keys[mid] < key) low = mid + 1;
		else high = mid;
	}
	return low;
}
