// Sources: the list (cheap: every page needs it), their usage (only the Sources pages: it reads every
// item), create, edit, delete when unused.

import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { sourceDeletionBlocker, validateSource } from '$lib/domain/sourceRules';
import type { Source } from '$lib/domain/types';
import type { Store } from './store';

export interface SourceSummary {
	source: Source;
	/** Source items held at this source. */
	items: number;
	units: number;
}

export function sourceCommands(store: Store) {
	function usage(): Map<string, { items: number; units: number }> {
		const usage = new Map<string, { items: number; units: number }>();
		for (const product of store.inventory.products.values()) {
			for (const item of product.items) {
				const entry = usage.get(item.source) ?? { items: 0, units: 0 };
				entry.items++;
				entry.units += item.quantity;
				usage.set(item.source, entry);
			}
		}
		return usage;
	}

	return {
		/** The sources in display order (default first, then by name). */
		async getSources(): Promise<Source[]> {
			await store.start();
			return store.sources;
		},

		/** Each source with the items and units it holds. */
		async sourceUsage(): Promise<SourceSummary[]> {
			await store.start();
			const counts = usage();
			return store.sources.map((source) => ({
				source,
				...(counts.get(source.code) ?? { items: 0, units: 0 })
			}));
		},

		async getSource(code: string): Promise<SourceSummary | null> {
			await store.start();
			const source = store.source(code);
			if (!source) return null;
			return { source, ...(usage().get(code) ?? { items: 0, units: 0 }) };
		},

		/** `original` is the code of the source being edited, or null to create one. */
		async saveSource(draft: Source, original: string | null): Promise<Outcome<Source>> {
			await store.start();
			if (original !== null && !store.source(original)) return fail(`Source "${original}" no longer exists.`);
			const clean: Source = {
				...draft,
				name: draft.name.trim(),
				country: draft.country.trim().toUpperCase()
			};
			const errors = validateSource(clean, store.sources, original);
			if (errors.length > 0) return fail(errors[0].message, errors);
			await store.saveSources({ put: [clean] });
			return succeed(clean);
		},

		async deleteSource(code: string): Promise<Outcome<null>> {
			await store.start();
			const source = store.source(code);
			if (!source) return fail(`Source "${code}" no longer exists.`);
			const blocker = sourceDeletionBlocker(source, usage().get(code)?.items ?? 0);
			if (blocker) return fail(blocker);
			await store.saveSources({ remove: [code] });
			return succeed(null);
		}
	};
}
