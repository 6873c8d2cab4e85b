// Import: Check Data reads the file in the worker and keeps the checked rows here (the page gets only
// the report); Import turns them into one change set and commits it as one transaction, so Cancel or a
// failure leaves the data exactly as it was.

import { errorReportFileName, errorReportHeader, errorReportLine } from '$lib/domain/csv/errorReport';
import {
	ImportChecker,
	type CheckContext,
	type CheckOutcome,
	type CheckReport
} from '$lib/domain/csv/importChecker';
import type { ImportOptions } from '$lib/domain/csv/importOptions';
import { planImport, type PlannedImport } from '$lib/domain/csv/importPlanner';
import { countsLine, IMPORT_DONE, importSummary, type ImportCounts } from '$lib/domain/csv/messages';
import { CsvReadError, readCsvFile, type ReadProgress } from './csvReader';
import { CancelledError, yieldToEvents, type Job, type Jobs, type ProgressListener } from './jobs';
import { UserError, type Store } from './store';

export type CheckImportResult =
	{ status: 'checked'; valid: boolean; report: CheckReport } | { status: 'cancelled' };

export type RunImportResult =
	| { status: 'imported'; counts: ImportCounts; lines: string[]; summary: string; operationId: number | null }
	| { status: 'cancelled' }
	| { status: 'failed'; message: string };

export interface ErrorReportFile {
	blob: Blob;
	fileName: string;
}

interface CheckedFile {
	file: File;
	options: ImportOptions;
	outcome: CheckOutcome;
}

const CHECK_FIRST = 'Check the file first: press "Check Data".';
const SOURCES_CHANGED = 'Sources changed since Check Data: please check the file again.';

export function importCommands(store: Store, jobs: Jobs) {
	let checked: CheckedFile | null = null;

	function context(): CheckContext {
		return {
			sources: store.sources,
			product: (key) => store.inventory.get(key),
			barcodeOwner: (code) => {
				const key = store.inventory.barcodeOwner(code);
				return key === undefined ? undefined : store.inventory.get(key)?.sku;
			}
		};
	}

	/** Runs the checker over the whole file; a file that can not be read ends the check with its message. */
	async function runChecker(checker: ImportChecker, file: File, options: ImportOptions, job: Job) {
		const started = performance.now();
		const onProgress = ({ bytes, totalBytes, rows }: ReadProgress) => {
			const total = bytes >= totalBytes ? rows : Math.max(rows, Math.round((rows * totalBytes) / bytes));
			job.report('Checking rows', rows, total);
		};
		try {
			await readCsvFile(file, checker, { separator: options.separator, job, onProgress });
		} catch (error) {
			if (!(error instanceof CsvReadError)) throw error;
			checker.fail(error.message);
		}
		return performance.now() - started;
	}

	return {
		/** Check Data: every rule of docs/domain-rules.md (CSV files); keeps the valid rows for `runImport`. */
		async checkImport(
			jobId: string,
			file: File,
			options: ImportOptions,
			onProgress?: ProgressListener
		): Promise<CheckImportResult> {
			await store.start();
			checked = null;
			const job = jobs.start(jobId, onProgress);
			try {
				const checker = new ImportChecker(options, context());
				await runChecker(checker, file, options, job);
				const outcome = checker.finish();
				checked = { file, options, outcome };
				return { status: 'checked', valid: outcome.status === 'valid', report: outcome.report };
			} catch (error) {
				if (error instanceof CancelledError) return { status: 'cancelled' };
				throw error;
			} finally {
				jobs.finish(jobId);
			}
		},

		/** All invalid rows of the checked file, with an `errors` column; null when nothing was checked. */
		async downloadErrorReport(jobId: string, onProgress?: ProgressListener): Promise<ErrorReportFile | null> {
			if (!checked) return null;
			const { file, options } = checked;
			const job = jobs.start(jobId, onProgress);
			const lines: string[] = [];
			const parts: string[] = [];
			let checker: ImportChecker | null = null;
			checker = new ImportChecker(options, context(), (fields, _row, errors) => {
				const layout = checker!.layout!;
				if (parts.length === 0 && lines.length === 0) {
					lines.push(errorReportHeader(layout.names, checker!.separator));
				}
				lines.push(errorReportLine(fields, layout.width, errors, checker!.separator));
				if (lines.length >= 10_000) parts.push(lines.splice(0).join(''));
			});
			try {
				await runChecker(checker, file, options, job);
			} catch (error) {
				if (error instanceof CancelledError) return null;
				throw error;
			} finally {
				jobs.finish(jobId);
			}
			parts.push(lines.join(''));
			return { blob: new Blob(parts, { type: 'text/csv' }), fileName: errorReportFileName(file.name) };
		},

		/** Import: applies the checked rows to the catalogue as it is now, as one undoable operation. */
		async runImport(jobId: string, onProgress?: ProgressListener): Promise<RunImportResult> {
			await store.start();
			if (!checked || checked.outcome.status !== 'valid') return { status: 'failed', message: CHECK_FIRST };
			const { file, options, outcome } = checked;
			if (outcome.sourceCodes.some((code) => !store.source(code))) {
				return { status: 'failed', message: SOURCES_CHANGED };
			}
			const job = jobs.start(jobId, onProgress);
			try {
				const plan = await planWithProgress(store, outcome, options, job);
				const summary = importSummary(file.name, options.entity, plan.counts);
				job.report('Saving all changes in one step', plan.changes.length, plan.changes.length);
				const applied = await store.commit({ kind: 'import', summary, changes: plan.changes }, job);
				checked = null;
				return {
					status: 'imported',
					counts: plan.counts,
					lines: [IMPORT_DONE, countsLine(plan.counts)],
					summary,
					operationId: applied.operation?.id ?? null
				};
			} catch (error) {
				if (error instanceof CancelledError) return { status: 'cancelled' };
				if (error instanceof UserError) return { status: 'failed', message: error.message };
				throw error;
			} finally {
				jobs.finish(jobId);
			}
		},

		/** The page starts over (new file or options): forget the checked rows. */
		discardImportCheck() {
			checked = null;
		}
	};
}

async function planWithProgress(
	store: Store,
	outcome: Extract<CheckOutcome, { status: 'valid' }>,
	options: ImportOptions,
	job: Job
): Promise<PlannedImport> {
	const steps = planImport({
		rows: outcome.rows,
		sourceCodes: outcome.sourceCodes,
		entity: options.entity,
		behavior: options.behavior,
		skippedRows: outcome.report.counts.invalidRows,
		product: (key) => store.inventory.get(key)
	});
	const total = outcome.rows.skuCount;
	let lastYield = performance.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		job.report('Preparing changes', step.value, total);
		if (performance.now() - lastYield > 50) {
			await yieldToEvents();
			lastYield = performance.now();
		}
		job.checkpoint();
	}
}
