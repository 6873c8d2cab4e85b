// Stock take: counts and their lines are stored as they go (every scan is one small write, so a count
// survives reloads); Apply turns the review into one change set through `store.commit`, so it is one
// history operation with Undo.

import { countFileText, CountFileReader } from '$lib/domain/count/countFile';
import {
	byNewestScan,
	lineKey,
	quantityAt,
	resolveCode,
	scanLine,
	setLineQuantity,
	undoLastChange,
	type Count,
	type CountLine,
	type CountNarrowing,
	type ProductLookup
} from '$lib/domain/count/count';
import {
	planCountApply,
	reviewCount,
	type CountReview,
	type UncountedChoice
} from '$lib/domain/count/review';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { quantityProblemMessage } from '$lib/domain/productRules';
import { addQuantities, formatQuantityPlain, parseQuantity } from '$lib/domain/quantity';
import { fileStamp, formatCount, formatNumber } from '$lib/domain/wording';
import { CsvReadError, readCsvFile } from './csvReader';
import { UserError, type Store } from './store';

export interface CountLineView {
	key: string;
	code: string;
	name: string;
	known: boolean;
	counted: number;
	/** The item's quantity now (null: not at the source); undefined in a blind count. */
	expected?: number | null;
	/** One tap can take back the line's last change. */
	undoable: boolean;
}

export interface CountView {
	count: Count;
	sourceName: string;
	/** Newest scan first. */
	lines: CountLineView[];
	units: number;
	unknown: number;
}

export interface CountSummary {
	count: Count;
	sourceName: string;
	lines: number;
	units: number;
}

export interface ScanResult {
	kind: 'counted' | 'unknown';
	/** The line the scan changed, for the highlight. */
	key: string;
	message: string;
	view: CountView;
}

export interface NewCountInput {
	source: string;
	blind: boolean;
	narrowing: CountNarrowing;
}

let lastStamp = 0;
/** Scan order: strictly increasing even for several scans in one millisecond. */
function stamp(): number {
	lastStamp = Math.max(Date.now(), lastStamp + 1);
	return lastStamp;
}

export function countCommands(store: Store) {
	const db = store.db;
	const lookup: ProductLookup = {
		product: (key) => store.inventory.get(key),
		barcodeOwner: (code) => store.inventory.barcodeOwner(code)
	};
	const sourceName = (code: string) => store.source(code)?.name ?? code;
	const linesOf = (id: string) => db.countLines.where('countId').equals(id).toArray();

	async function openCountOrFail(id: string): Promise<Count> {
		await store.start();
		const count = await db.counts.get(id);
		if (!count) throw new UserError('This count no longer exists.');
		if (count.status !== 'open') {
			throw new UserError(`This count was ${count.status === 'applied' ? 'applied' : 'discarded'} already.`);
		}
		return count;
	}

	function view(count: Count, lines: CountLine[]): CountView {
		const shown = [...lines].sort(byNewestScan).map((line): CountLineView => {
			const product = line.known ? store.inventory.get(line.key) : undefined;
			return {
				key: line.key,
				code: line.code,
				name: product?.name ?? '',
				known: product !== undefined,
				counted: line.counted,
				...(count.blind ? {} : { expected: quantityAt(product, count.source) }),
				undoable: line.last !== null
			};
		});
		return {
			count,
			sourceName: sourceName(count.source),
			lines: shown,
			units: lines.reduce((sum, line) => addQuantities(sum, line.counted), 0),
			unknown: shown.filter((line) => !line.known).length
		};
	}

	async function currentView(count: Count): Promise<CountView> {
		return view(count, await linesOf(count.id));
	}

	/** Runs `work` on an open count; a UserError becomes the failure message. */
	async function onOpenCount<T>(id: string, work: (count: Count) => Promise<T>): Promise<Outcome<T>> {
		try {
			return succeed(await work(await openCountOrFail(id)));
		} catch (error) {
			if (error instanceof UserError) return fail(error.message);
			throw error;
		}
	}

	/** Changes one line in its own transaction, so that quick scans of one product never lose one. */
	function changeLine(id: string, key: string, change: (line: CountLine) => CountLine | null) {
		return onOpenCount(id, async (count) => {
			await db.transaction('rw', db.countLines, async () => {
				const line = await db.countLines.get([id, key]);
				if (!line) throw new UserError('This line is no longer in the count.');
				const changed = change(line);
				if (changed) await db.countLines.put(changed);
				else await db.countLines.delete([id, key]);
			});
			return currentView(count);
		});
	}

	return {
		async newCount(input: NewCountInput): Promise<Outcome<CountView>> {
			await store.start();
			if (!store.source(input.source)) return fail(`Source "${input.source}" does not exist.`);
			const count: Count = {
				id: crypto.randomUUID(),
				source: input.source,
				narrowing: {
					skuPrefix: input.narrowing.skuPrefix.trim(),
					onlyAtSource: input.narrowing.onlyAtSource
				},
				blind: input.blind,
				status: 'open',
				createdAt: Date.now()
			};
			await db.counts.add(count);
			return succeed(view(count, []));
		},

		/** Open counts, newest first. */
		async listCounts(): Promise<CountSummary[]> {
			await store.start();
			const counts = await db.counts.where('status').equals('open').toArray();
			counts.sort((a, b) => b.createdAt - a.createdAt);
			return Promise.all(
				counts.map(async (count) => {
					const lines = await linesOf(count.id);
					return {
						count,
						sourceName: sourceName(count.source),
						lines: lines.length,
						units: lines.reduce((sum, line) => addQuantities(sum, line.counted), 0)
					};
				})
			);
		},

		openCount(id: string): Promise<Outcome<CountView>> {
			return onOpenCount(id, currentView);
		},

		/** One scan or typed code: adds 1 (or `quantity`); an unknown code gets its own flagged line. */
		async scan(id: string, code: string, quantity?: string): Promise<Outcome<ScanResult>> {
			let amount = 1;
			if (quantity !== undefined && quantity.trim() !== '') {
				const parsed = parseQuantity(quantity);
				if (!parsed.ok) return fail(quantityProblemMessage('Quantity', quantity, parsed.problem));
				amount = parsed.value;
			}
			return onOpenCount(id, async (count) => {
				const resolved = resolveCode(code, lookup);
				if (resolved.kind === 'empty') throw new UserError('Scan or type a SKU or barcode first.');
				const line = await db.transaction('rw', db.countLines, async () => {
					const key = lineKey(resolved);
					const next = scanLine(
						id,
						await db.countLines.get([id, key]),
						resolved,
						count.source,
						amount,
						stamp()
					);
					await db.countLines.put(next);
					return next;
				});
				const added = amount === 1 ? '' : ` +${formatNumber(amount)}`;
				const message =
					resolved.kind === 'product'
						? `${line.code}${added}: ${formatNumber(line.counted)} counted.`
						: `Unknown code "${resolved.code}": no product has this SKU or barcode. It is kept and flagged; tap it to take it back.`;
				return {
					kind: resolved.kind === 'product' ? 'counted' : 'unknown',
					key: line.key,
					message,
					view: await currentView(count)
				};
			});
		},

		/** Sets a line to a typed quantity (a correction). */
		async setLine(id: string, key: string, quantity: string): Promise<Outcome<CountView>> {
			const parsed = parseQuantity(quantity);
			if (!parsed.ok) return fail(quantityProblemMessage('Quantity', quantity, parsed.problem));
			return changeLine(id, key, (line) => setLineQuantity(line, parsed.value, stamp()));
		},

		/** One tap on a line: takes back its last scan or correction (a line that scan created goes). */
		correctLine(id: string, key: string): Promise<Outcome<CountView>> {
			return changeLine(id, key, (line) => {
				const undone = undoLastChange(line);
				if (undone.kind === 'nothing') throw new UserError(`Nothing to take back on ${line.code}.`);
				return undone.kind === 'removed' ? null : undone.line;
			});
		},

		removeLine(id: string, key: string): Promise<Outcome<CountView>> {
			return changeLine(id, key, () => null);
		},

		/** Expected (now), counted and variance per line, and the products not counted. */
		review(id: string): Promise<Outcome<CountReview>> {
			return onOpenCount(id, async (count) => reviewOf(count, await linesOf(id)));
		},

		/** Sets every counted item (and, when chosen, every uncounted one to 0) as one undoable operation. */
		applyCount(
			id: string,
			uncounted: UncountedChoice
		): Promise<Outcome<{ message: string; operation: number | null }>> {
			return onOpenCount(id, async (count) => {
				const review = reviewOf(count, await linesOf(id));
				const plan = planCountApply(count, review, uncounted, lookup.product, sourceName(count.source));
				// The count is marked applied in the same transaction, so it can never be applied twice.
				const applied = await store.commit(plan.set, undefined, {
					tables: [db.counts],
					write: (operation) => db.counts.put({ ...count, status: 'applied', appliedOperation: operation })
				});
				const operation = applied.operation?.id ?? null;
				return {
					message: operation === null ? `${plan.message} Nothing needed changing.` : plan.message,
					operation
				};
			});
		},

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
					if (result.ok) rows.push(...result.rows);
					else problems.push(...result.problems.map((problem) => `${file.name}: ${problem}`));
				}
				if (problems.length > 0) throw new UserError(`Nothing was imported. ${problems.join(' ')}`);
				let unknown = 0;
				let units = 0;
				await db.transaction('rw', db.countLines, async () => {
					for (const row of rows) {
						const resolved = resolveCode(row.sku, lookup);
						if (resolved.kind === 'empty') continue;
						if (resolved.kind === 'unknown') unknown++;
						const key = lineKey(resolved);
						const existing = await db.countLines.get([id, key]);
						await db.countLines.put(scanLine(id, existing, resolved, count.source, row.quantity, stamp()));
						units = addQuantities(units, row.quantity);
					}
				});
				const flagged = unknown > 0 ? ` ${formatCount(unknown, 'unknown SKU')} flagged.` : '';
				return {
					message: `Added ${formatCount(rows.length, 'line')} (${formatQuantityPlain(units)} units) from ${formatCount(files.length, 'file')}.${flagged}`,
					view: await currentView(count)
				};
			});
		},

		/** Throws the count and its lines away; the stock is not touched. */
		discardCount(id: string): Promise<Outcome<null>> {
			return onOpenCount(id, async (count) => {
				await db.transaction('rw', db.counts, db.countLines, async () => {
					await db.countLines.where('countId').equals(id).delete();
					await db.counts.put({ ...count, status: 'discarded' });
				});
				return null;
			});
		}
	};

	function reviewOf(count: Count, lines: CountLine[]): CountReview {
		return reviewCount(count, lines, lookup.product, store.inventory.products.values());
	}
}
