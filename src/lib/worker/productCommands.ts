// Products: the grid's windowed queries, the product page, add/edit/delete, sample data.

import { productChange, removedSourcesStillUsed, type ProductChange } from '$lib/domain/changeSet';
import { applyFieldChanges, changedFields, type FieldConflict } from '$lib/domain/fieldChanges';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { createProduct, editProduct, type ProductEdit } from '$lib/domain/productEdits';
import type { ProductDraft } from '$lib/domain/productRules';
import type { ProductQuery } from '$lib/domain/productQuery';
import { SAMPLE_SOURCES, sampleProducts } from '$lib/domain/sampleData';
import { DEFAULT_SOURCE_CODE, skuKey, type Product, type Source } from '$lib/domain/types';
import { addQuantities } from '$lib/domain/quantity';
import { formatCount } from '$lib/domain/wording';
import { EditConflictError } from '$lib/db/applyChangeSet';
import type { ProductWindow } from './productQueries';
import { UserError, type Store } from './store';

export interface SavedProduct {
	product: Product;
	/** The history operation, for Undo; null when the save changed nothing. */
	operation: number | null;
}

/** A save refused because another tab or device changed a field this edit changes too. */
export type SaveConflict = Extract<Outcome<never>, { ok: false }> & { conflicts: FieldConflict[] };

export interface ProductDetail {
	product: Product;
	sources: Source[];
	defaultNotifyQty: number;
}

const SAMPLE_PREFIX = 'SAMPLE-';

export function productCommands(store: Store) {
	const barcodeOwner = (code: string) => {
		const key = store.inventory.barcodeOwner(code);
		return key ? store.inventory.get(key)!.sku : null;
	};

	/** Commits one product's change; the operation id lets the page offer Undo (null: nothing changed). */
	async function commitOne(
		kind: 'edit' | 'create-product' | 'delete-product',
		summary: string,
		change: ProductChange | null
	): Promise<number | null> {
		if (!change) return null;
		return (await store.commit({ kind, summary, changes: [change] })).operation?.id ?? null;
	}

	async function guarded<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
		try {
			return await work();
		} catch (error) {
			if (error instanceof UserError) return fail(error.message);
			throw error;
		}
	}

	return {
		async queryProducts(query: ProductQuery, offset: number, limit: number): Promise<ProductWindow> {
			await store.start();
			return store.queries.window(query, offset, limit, store.sources, store.settings.defaultNotifyQty);
		},

		async getProduct(sku: string): Promise<ProductDetail | null> {
			await store.start();
			const product = store.inventory.getBySku(sku);
			if (!product) return null;
			return { product, sources: store.sources, defaultNotifyQty: store.settings.defaultNotifyQty };
		},

		createProduct(draft: ProductDraft): Promise<Outcome<SavedProduct>> {
			return guarded(async () => {
				await store.start();
				const result = createProduct(
					draft,
					(sku) => store.inventory.getBySku(sku) !== undefined,
					barcodeOwner
				);
				if (!result.ok) return fail(result.errors[0].message, result.errors);
				const operation = await commitOne(
					'create-product',
					`Product ${draft.sku} added`,
					productChange(null, result.product)
				);
				return succeed({ product: result.product, operation });
			});
		},

		/**
		 * Saves only what the user changed: `loaded` is the product as the editor loaded it, and each field
		 * that differs from it is written if nobody else changed that field meanwhile (the check runs in
		 * the write transaction). Without `loaded` (scripts, tests) the edit is against the current product.
		 */
		saveProduct(
			sku: string,
			edit: ProductEdit,
			loaded?: Product
		): Promise<Outcome<SavedProduct> | SaveConflict> {
			return guarded(async () => {
				await store.start();
				const current = store.inventory.getBySku(sku);
				if (!current) return fail(deletedMeanwhile(sku));
				const base = loaded ?? current;
				const result = editProduct(base, edit, store.sources, barcodeOwner);
				if (!result.ok) return fail(result.errors[0].message, result.errors);
				const fields = changedFields(base, result.product);
				if (fields.length === 0) return succeed({ product: current, operation: null });
				// Merged here against memory for the history line; the writer merges again against storage.
				const preview = applyFieldChanges(current, fields);
				if (!preview.ok) return conflictOutcome(sku, preview.deleted ? [] : preview.conflicts);
				const change = productChange(current, preview.product);
				if (!change) return succeed({ product: current, operation: null });
				const summary = `${current.sku}: ${describeItemEdit(current, preview.product)}`;
				try {
					const applied = await store.commit({ kind: 'edit', summary, changes: [{ ...change, fields }] });
					const written = applied.changes[0]?.after ?? store.inventory.getBySku(sku) ?? preview.product;
					return succeed({ product: written, operation: applied.operation?.id ?? null });
				} catch (error) {
					if (error instanceof EditConflictError) return conflictOutcome(sku, error.conflicts);
					throw error;
				}
			});
		},

		deleteProduct(sku: string): Promise<Outcome<{ operation: number | null }>> {
			return guarded(async () => {
				await store.start();
				const current = store.inventory.getBySku(sku);
				if (!current) return fail(deletedMeanwhile(sku));
				const units = current.items.reduce((sum, item) => addQuantities(sum, item.quantity), 0);
				const operation = await commitOne(
					'delete-product',
					`Product ${current.sku} deleted with ${formatCount(current.items.length, 'source item')} (${formatCount(units, 'unit')})`,
					productChange(current, null)
				);
				return succeed({ operation });
			});
		},

		/** Adds the sample sources and `count` sample products: one undoable operation, sources included. */
		async addSampleData(count = 60, sourceCount = SAMPLE_SOURCES.length): Promise<number> {
			await store.start();
			const wanted = SAMPLE_SOURCES.slice(0, sourceCount).filter((s) => !store.source(s.code));
			const codes = [DEFAULT_SOURCE_CODE, ...SAMPLE_SOURCES.slice(0, sourceCount).map((s) => s.code)];
			const changes = sampleProducts(count, codes, SAMPLE_PREFIX)
				.map((product) => productChange(store.inventory.get(skuKey(product.sku)) ?? null, product))
				.filter((change) => change !== null);
			await store.commit({
				kind: 'import',
				summary: `Sample data: ${formatCount(changes.length, 'product')} added`,
				changes,
				sourceChanges: wanted.map((source) => ({ code: source.code, before: null, after: source }))
			});
			return changes.length;
		},

		/**
		 * Removes every sample product and the sample sources nothing else uses, as one operation whose
		 * undo brings both back.
		 */
		removeSampleData(): Promise<Outcome<{ products: number; sources: number; operation: number | null }>> {
			return guarded(async () => {
				await store.start();
				const changes = store.inventory
					.keysWithPrefix(SAMPLE_PREFIX.toLowerCase())
					.map((key) => store.inventory.get(key)!)
					.filter((product) => product.sku.startsWith(SAMPLE_PREFIX))
					.map((product) => productChange(product, null)!);
				const present = SAMPLE_SOURCES.flatMap((s) => store.source(s.code) ?? []);
				const removing = {
					kind: 'delete-product' as const,
					summary: '',
					changes,
					sourceChanges: present.map((source) => ({ code: source.code, before: source, after: null }))
				};
				const used = new Set(removedSourcesStillUsed(removing, store.inventory.products.entries()));
				const sourceChanges = removing.sourceChanges.filter((change) => !used.has(change.code));
				const sources =
					sourceChanges.length > 0 ? `, ${formatCount(sourceChanges.length, 'sample source')}` : '';
				const applied = await store.commit({
					...removing,
					summary: `Sample data removed (${formatCount(changes.length, 'product')}${sources})`,
					sourceChanges
				});
				return succeed({
					products: changes.length,
					sources: sourceChanges.length,
					operation: applied.operation?.id ?? null
				});
			});
		},

		async hasSampleData(): Promise<boolean> {
			await store.start();
			return store.inventory.hasKeyWithPrefix(SAMPLE_PREFIX.toLowerCase());
		}
	};
}

function deletedMeanwhile(sku: string): string {
	return `Product ${sku} no longer exists: it was deleted, perhaps in another tab or device. Nothing was saved.`;
}

function conflictOutcome(sku: string, conflicts: FieldConflict[]): Outcome<never> | SaveConflict {
	if (conflicts.length === 0) return fail(deletedMeanwhile(sku));
	const fields = conflicts.length === 1 ? 'a field' : `${conflicts.length} fields`;
	return {
		...fail(
			`Another tab or device changed ${fields} of ${sku} that you changed too, after you opened it. Nothing was saved: choose which value to keep.`,
			conflicts.map((c) => ({ field: c.field, message: 'Changed elsewhere while you edited it.' }))
		),
		conflicts
	} as SaveConflict;
}

function describeItemEdit(before: Product, after: Product): string {
	const parts: string[] = [];
	const old = new Map(before.items.map((item) => [item.source, item]));
	for (const item of after.items) {
		const previous = old.get(item.source);
		if (!previous) parts.push(`assigned to ${item.source} (${item.quantity})`);
		else if (previous.quantity !== item.quantity)
			parts.push(`${item.source} ${previous.quantity} → ${item.quantity}`);
		else if (previous.status !== item.status || previous.notifyQty !== item.notifyQty)
			parts.push(`${item.source} updated`);
		old.delete(item.source);
	}
	for (const source of old.keys()) parts.push(`unassigned from ${source}`);
	if (before.name !== after.name || before.barcodes.join() !== after.barcodes.join())
		parts.push('details updated');
	return parts.join(', ');
}
