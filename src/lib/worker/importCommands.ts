// Import: Check Data reads the file in the worker and keeps the checked rows here (the page gets only
// the report); Import turns them into one change set and commits it as one transaction, so Cancel or a
// failure leaves the data exactly as it was.

import { errorReportFileName, errorReportHeader, errorReportLine } from '$lib/domain/csv/errorReport';
import type { CheckContext, CheckOutcome, CheckReport } from '$lib/domain/csv/checkReport';
import { ImportChecker } from '$lib/domain/csv/importChecker';
import type { ImportPlanSummary } from '$lib/domain/csv/planSummary';
import type { ImportOptions } from '$lib/domain/csv/importOptions';
import { planImport, type PlannedImport } from '$lib/domain/csv/importPlanner';
import { countsLine, IMPORT_DONE, importSummary, type ImportCounts } from '$lib/domain/csv/messages';
import { CsvReadError, readCsvFile, type ReadProgress } from './csvReader';
import { yieldToEvents, type Job, type JobEnd, type Jobs, type ProgressListener } from './jobs';
import type { Store } from './store';

/** Check Data's verdict: invalid with the report of what is wrong, or valid with what Import will do. */
export type CheckImportResult =
	| { status: 'invalid'; report: CheckReport }
	| { status: 'valid'; report: CheckReport; summary: ImportPlanSummary };

export interface ImportDone {
	status: 'imported';
	counts: ImportCounts;
	lines: string[];
	summary: string;
	operationId: number | null;
}

export type ErrorReportResult =
	| { status: 'written'; blob: Blob; fileName: string }
	/** No check to report on (a new file or new options since). */
	| { status: 'not-checked' };

interface CheckedFile {
	file: File;
	options: ImportOptions;
	outcome: CheckOutcome;
	reportWidth: number;
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
		const onProgress = ({ bytes, totalBytes, rows }: ReadProgress) => {
			const total = bytes >= totalBytes ? rows : Math.max(rows, Math.round((rows * totalBytes) / bytes));
			job.report('Checking rows', rows, total);
		};
		try {
			await readCsvFile(file, checker, {
				separator: options.separator,
				encoding: options.encoding,
				job,
				onProgress
			});
		} catch (error) {
			if (!(error instanceof CsvReadError)) throw error;
			checker.fail(error.message, error.encodingGuess);
		}
	}

	return {
		/** Check Data: every rule of docs/domain-rules.md (CSV files); keeps the valid rows for `runImport`. */
		async checkImport(
			jobId: string,
			file: File,
			options: ImportOptions,
			onProgress?: ProgressListener
		): Promise<CheckImportResult | JobEnd> {
			await store.start();
			checked = null;
			return jobs.run(jobId, onProgress, async (job): Promise<CheckImportResult> => {
				const checker = new ImportChecker(options, context());
				await runChecker(checker, file, options, job);
				const outcome = checker.finish();
				checked = { file, options, outcome, reportWidth: checker.reportWidth };
				if (outcome.status === 'invalid') return { status: 'invalid', report: outcome.report };
				return { status: 'valid', report: outcome.report, summary: outcome.summary };
			});
		},

		/** All invalid rows of the checked file, with an `errors` column as the last one. */
		async downloadErrorReport(
			jobId: string,
			onProgress?: ProgressListener
		): Promise<ErrorReportResult | JobEnd> {
			if (!checked) return { status: 'not-checked' };
			const { file, options, reportWidth } = checked;
			return jobs.run(jobId, onProgress, async (job): Promise<ErrorReportResult> => {
				const lines: string[] = [];
				const parts: string[] = [];
				const checker: ImportChecker = new ImportChecker(options, context(), (fields, _row, errors) => {
					if (parts.length === 0 && lines.length === 0) {
						lines.push(errorReportHeader(checker.layout!.names, reportWidth, checker.separator));
					}
					lines.push(errorReportLine(fields, reportWidth, errors, checker.separator));
					if (lines.length >= 10_000) parts.push(lines.splice(0).join(''));
				});
				await runChecker(checker, file, options, job);
				parts.push(lines.join(''));
				const blob = new Blob(parts, { type: 'text/csv' });
				return { status: 'written', blob, fileName: errorReportFileName(file.name) };
			});
		},

		/** Import: applies the checked rows to the catalogue as it is now, as one undoable operation. */
		async runImport(jobId: string, onProgress?: ProgressListener): Promise<ImportDone | JobEnd> {
			await store.start();
			if (!checked || checked.outcome.status !== 'valid') return { status: 'failed', message: CHECK_FIRST };
			const { file, options, outcome } = checked;
			if (outcome.sourceCodes.some((code) => !store.source(code))) {
				return { status: 'failed', message: SOURCES_CHANGED };
			}
			return jobs.run(jobId, onProgress, async (job): Promise<ImportDone> => {
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
			});
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
