// Count files: a count exported as a Stock Sources CSV, and count files of other tablets added in.

import { countFileText, CountFileReader } from '$lib/domain/count/countFile';
import { lineKey, resolveCode, scanLine } from '$lib/domain/count/count';
import type { Outcome } from '$lib/domain/outcome';
import { addQuantities, formatQuantityPlain } from '$lib/domain/quantity';
import { fileStamp, formatCount } from '$lib/domain/wording';
import { updateCountLines } from '$lib/db/countStore';
import { CsvReadError, readCsvFile } from './csvReader';
import { stamp, type CountContext, type CountView } from './countViews';
import { UserError, type Store } from './store';

export function countFileCommands(store: Store, context: CountContext) {
	const { lookup, onOpenCount, currentView, linesOf } = context;

	return {
		/** The count as a Stock Sources CSV (unknown codes are left out: they are no SKU). */
		exportCount(id: string): Promise<Outcome<{ blob: Blob; fileName: string; message: string }>> {
			return onOpenCount(id, async (count) => {
				const lines = await linesOf(id);
				const { text, rows } = countFileText(count.source, lines);
				const fileName = `count_${count.source}_${fileStamp(new Date())}.csv`;
				const left = lines.length - rows;
				const leftOut = left > 0 ? ` ${formatCount(left, 'unknown code')} left out.` : '';
				return {
					blob: new Blob([text], { type: 'text/csv' }),
					fileName,
					message: `Exported ${formatCount(rows, 'line')} to ${fileName}.${leftOut}`
				};
			});
		},

		/** Adds the quantities of count files (from other tablets) to this count; a file with problems adds nothing. */
		importCounts(id: string, files: File[]): Promise<Outcome<{ message: string; view: CountView }>> {
			return onOpenCount(id, async (count) => {
				const problems: string[] = [];
				const rows: { sku: string; quantity: number }[] = [];
				for (const file of files) {
					const reader = new CountFileReader(count.source);
					try {
						await readCsvFile(file, reader, { separator: 'auto' });
					} catch (error) {
						if (!(error instanceof CsvReadError)) throw error;
						reader.fail(error.message);
					}
					const result = reader.finish();
					// One by one: spreading a file of 100,000 rows into push() overflows the stack.
					if (result.ok) for (const row of result.rows) rows.push(row);
					else problems.push(...result.problems.map((problem) => `${file.name}: ${problem}`));
				}
				if (problems.length > 0) throw new UserError(`Nothing was imported. ${problems.join(' ')}`);
				let unknown = 0;
				let units = 0;
				const updates = [];
				for (const row of rows) {
					const resolved = resolveCode(row.sku, lookup);
					if (resolved.kind === 'empty') continue;
					if (resolved.kind === 'unknown') unknown++;
					units = addQuantities(units, row.quantity);
					updates.push({
						key: lineKey(resolved),
						next: (existing: Parameters<typeof scanLine>[1]) =>
							scanLine(id, existing, resolved, count.source, row.quantity, stamp())
					});
				}
				await updateCountLines(store.db, id, updates);
				const flagged = unknown > 0 ? ` ${formatCount(unknown, 'unknown SKU')} flagged.` : '';
				return {
					message: `Added ${formatCount(rows.length, 'line')} (${formatQuantityPlain(units)} units) from ${formatCount(files.length, 'file')}.${flagged}`,
					view: await currentView(count)
				};
			});
		}
	};
}
