// The Import page's state across its three steps (file and options → Check Data → Import). A singleton,
// so a check or an import keeps going, and its result stays, while the user looks at other pages.

import type { FileEncoding } from '$lib/domain/csv/encodingGuess';
import { DEFAULT_IMPORT_OPTIONS, readAllowedErrors, type ImportOptions } from '$lib/domain/csv/importOptions';
import type { CheckReport } from '$lib/domain/csv/checkReport';
import type { ImportPlanSummary } from '$lib/domain/csv/planSummary';
import { downloadBlob } from '$lib/ui/download';
import { engine } from '$lib/ui/engine';
import { JobRun } from '$lib/ui/jobRun.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import type { CheckImportResult, ImportDone } from '$lib/worker/importCommands';

type ValidCheck = Extract<CheckImportResult, { status: 'valid' }>;

/** Where the page is; each step holds exactly what it has. */
export type ImportStep =
	| { phase: 'choose' }
	| { phase: 'checking' }
	| { phase: 'checked'; check: CheckImportResult }
	| { phase: 'importing'; check: ValidCheck }
	| { phase: 'imported'; check: ValidCheck; result: ImportDone }
	/** Import refused a valid check (sources changed since): the file must be checked again. */
	| { phase: 'refused'; check: ValidCheck; message: string };

export type ImportPhase = ImportStep['phase'];

class ImportFlow {
	options = $state<ImportOptions>({ ...DEFAULT_IMPORT_OPTIONS });
	allowedErrorsText = $state(String(DEFAULT_IMPORT_OPTIONS.allowedErrors));
	file = $state.raw<File | null>(null);
	step = $state.raw<ImportStep>({ phase: 'choose' });
	/** A short line for the status region when a step ended without a result (cancelled). */
	notice = $state('');
	/** Something went wrong that the user did not cause (shown as an alert). */
	failure = $state('');
	readonly job = new JobRun();
	readonly reportJob = new JobRun();

	get phase(): ImportPhase {
		return this.step.phase;
	}

	get busy(): boolean {
		return this.phase === 'checking' || this.phase === 'importing';
	}

	/** The last check of the current file with the current options. */
	get report(): CheckReport | null {
		return 'check' in this.step ? this.step.check.report : null;
	}

	/** What Import will do, once the check is valid. */
	get summary(): ImportPlanSummary | null {
		return this.step.phase === 'checked' && this.step.check.status === 'valid'
			? this.step.check.summary
			: null;
	}

	get canImport(): boolean {
		return this.summary !== null;
	}

	/** Which of the three steps the page is at. */
	get stepNumber(): 1 | 2 | 3 {
		if (this.phase === 'imported') return 3;
		return this.phase === 'choose' || this.phase === 'checking' ? 1 : 2;
	}

	/** What the status region says: the last step's lines (the check's, or the import's). */
	get statusLines(): string[] {
		const step = this.step;
		if (step.phase === 'checking') return ['Checking the file…'];
		if (step.phase === 'imported') return step.result.lines;
		const lines = this.report?.lines ?? [];
		const extra = step.phase === 'refused' ? step.message : this.notice;
		return extra ? [...lines, extra] : lines;
	}

	get tone(): 'neutral' | 'valid' | 'invalid' {
		const step = this.step;
		if (step.phase === 'refused') return 'invalid';
		if (!('check' in step)) return 'neutral';
		return step.check.status === 'valid' ? 'valid' : 'invalid';
	}

	chooseFile(file: File | null) {
		if (this.busy) return;
		this.file = file;
		this.#startOver();
	}

	/** Any change of options makes the last check stale: Import waits for a new one. */
	setOptions(change: Partial<ImportOptions>) {
		if (this.busy) return;
		this.options = { ...this.options, ...change };
		this.#startOver();
	}

	/** What is wrong with the typed Allowed errors count ('' when fine); Check Data waits for a good one. */
	get allowedErrorsError(): string {
		const read = readAllowedErrors(this.allowedErrorsText);
		return read.ok ? '' : read.message;
	}

	get canCheck(): boolean {
		return this.file !== null && !this.busy && this.allowedErrorsError === '';
	}

	setAllowedErrors(text: string) {
		if (this.busy) return;
		this.allowedErrorsText = text;
		const read = readAllowedErrors(text);
		if (read.ok) this.setOptions({ allowedErrors: read.value });
		else this.#startOver(); // the last check was made with another count
	}

	/** The file is not UTF-8: read it again in the encoding Check Data guessed. */
	async readAs(encoding: FileEncoding) {
		this.setOptions({ encoding });
		await this.checkData();
	}

	async checkData() {
		const file = this.file;
		if (!file || !this.canCheck) return;
		this.#startOver();
		this.step = { phase: 'checking' };
		const options = $state.snapshot(this.options);
		const result = await this.job.run((id, onProgress) =>
			engine().checkImport(id, file, options, onProgress)
		);
		switch (result.status) {
			case 'valid':
			case 'invalid':
				this.step = { phase: 'checked', check: result };
				return;
			case 'cancelled':
				this.step = { phase: 'choose' };
				this.notice = 'Check Data cancelled. Nothing was changed.';
				return;
			default:
				this.step = { phase: 'choose' };
				this.failure = `Check Data stopped unexpectedly: ${result.message}`;
		}
	}

	async runImport() {
		const step = this.step;
		if (step.phase !== 'checked' || step.check.status !== 'valid') return;
		const check = step.check;
		this.step = { phase: 'importing', check };
		this.notice = '';
		const result = await this.job.run((id, onProgress) => engine().runImport(id, onProgress));
		switch (result.status) {
			case 'imported':
				this.step = { phase: 'imported', check, result };
				toasts.show(`Imported: ${result.summary}.`, { undoOperation: result.operationId ?? undefined });
				return;
			case 'cancelled':
				this.step = { phase: 'checked', check };
				this.notice = 'Import cancelled. Nothing was changed.';
				return;
			case 'failed':
				this.step = { phase: 'refused', check, message: result.message };
				return;
			case 'crashed':
				this.step = { phase: 'checked', check };
				this.failure = `The import stopped unexpectedly and changed nothing: ${result.message}`;
		}
	}

	cancel() {
		this.job.cancel();
	}

	async downloadErrorReport() {
		if (this.reportJob.running) return;
		const result = await this.reportJob.run((id, onProgress) => engine().downloadErrorReport(id, onProgress));
		if (result.status === 'written') downloadBlob(result.blob, result.fileName);
		else if (result.status === 'not-checked')
			this.notice = 'Check the file again to download its error report.';
		else if (result.status === 'failed' || result.status === 'crashed')
			this.failure = `The error report could not be written: ${result.message}`;
	}

	/** Back to step 1 with the same options (after an import, or to pick another file). */
	reset() {
		if (this.busy) return;
		this.file = null;
		this.#startOver();
	}

	#startOver() {
		this.step = { phase: 'choose' };
		this.notice = '';
		this.failure = '';
		void engine().discardImportCheck();
	}
}

export const importFlow = new ImportFlow();
