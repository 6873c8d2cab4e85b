// Export: writes the catalogue (or the part the filters keep) as CSV in the worker, sorted by SKU then
// source, and hands the page a Blob to download.

import {
	exportFileName,
	exportHeader,
	itemMatcher,
	normalizedNeedle,
	NO_MATCHING_ROWS,
	productLine,
	skuMatches,
	stockSourceLines,
	type ExportFilters
} from '$lib/domain/csv/exportFormat';
import type { EntityType } from '$lib/domain/csv/importOptions';
import { formatCount } from '$lib/domain/wording';
import { yieldToEvents, type JobEnd, type Jobs, type ProgressListener } from './jobs';
import type { Store } from './store';

export interface ExportResult {
	status: 'exported';
	blob: Blob;
	fileName: string;
	rows: number;
	message: string;
}

const PRODUCTS_PER_PART = 20_000;

export function exportCommands(store: Store, jobs: Jobs) {
	return {
		async exportCsv(
			jobId: string,
			entity: EntityType,
			filters: ExportFilters,
			onProgress?: ProgressListener
		): Promise<ExportResult | JobEnd> {
			await store.start();
			return jobs.run(jobId, onProgress, async (job): Promise<ExportResult> => {
				const fileName = exportFileName(entity, new Date());
				const keys = store.inventory.sortedKeys();
				const needle = normalizedNeedle(filters);
				const matches = itemMatcher(filters);
				const quotedCodes = new Map<string, string>();
				const parts: string[] = [exportHeader(entity)];
				let lines: string[] = [];
				let rows = 0;
				let lastYield = performance.now();
				for (let i = 0; i < keys.length; i++) {
					const key = keys[i];
					const product = skuMatches(key, needle) ? store.inventory.get(key) : undefined;
					if (product && entity === 'stock-sources') {
						rows += stockSourceLines(product, matches, quotedCodes, lines);
					} else if (product) {
						lines.push(productLine(product));
						rows++;
					}
					if ((i + 1) % PRODUCTS_PER_PART === 0) {
						parts.push(lines.join(''));
						lines = [];
						job.report('Exporting', i + 1, keys.length);
						if (performance.now() - lastYield > 50) {
							await yieldToEvents();
							lastYield = performance.now();
							job.checkpoint();
						}
					}
				}
				parts.push(lines.join(''));
				job.report('Exporting', keys.length, keys.length);
				const blob = new Blob(parts, { type: 'text/csv' });
				const message =
					rows === 0 ? NO_MATCHING_ROWS : `Exported ${formatCount(rows, 'row')} to ${fileName}.`;
				return { status: 'exported', blob, fileName, rows, message };
			});
		}
	};
}
