// The Import page's state across its three steps (file and options → Check Data → Import). A singleton,
// so a check or an import keeps going, and its result stays, while the user looks at other pages.

import { allowedErrorsFrom, DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '$lib/domain/csv/importOptions';
import type { CheckReport } from '$lib/domain/csv/importChecker';
import type { ImportCounts } from '$lib/domain/csv/messages';
import { downloadBlob } from '$lib/ui/download';
import { engine, newJobId, proxy } from '$lib/ui/engine';
import { toasts } from '$lib/ui/toasts.svelte';
import type { Progress } from '$lib/worker/jobs';

export type ImportPhase = 'choose' | 'checking' | 'checked' | 'importing' | 'imported';

export interface ImportOutcome {
	lines: string[];
	counts: ImportCounts;
}

class ImportFlow {
	options = $state<ImportOptions>({ ...DEFAULT_IMPORT_OPTIONS });
	allowedErrorsText = $state(String(DEFAULT_IMPORT_OPTIONS.allowedErrors));
	file = $state.raw<File | null>(null);
	phase = $state<ImportPhase>('choose');
	progress = $state.raw<Progress | null>(null);
	startedAt = $state(0);
	/** The last check of the current file with the current options. */
	report = $state.raw<CheckReport | null>(null);
	valid = $state(false);
	outcome = $state.raw<ImportOutcome | null>(null);
	/** A short line for the status region when a step ended without a result (cancelled, refused). */
	notice = $state('');
	/** Something went wrong that the user did not cause (shown as an alert). */
	failure = $state('');
	reportBusy = $state(false);
	#jobId: string | null = null;

	get busy(): boolean {
		return this.phase === 'checking' || this.phase === 'importing';
	}

	get canImport(): boolean {
		return this.phase === 'checked' && this.valid;
	}

	/** Which of the three steps the page is at. */
	get step(): 1 | 2 | 3 {
		if (this.phase === 'imported') return 3;
		return this.phase === 'checked' || this.phase === 'importing' ? 2 : 1;
	}

	/** What the status region says: the last step's lines (the check's, or the import's). */
	get statusLines(): string[] {
		if (this.phase === 'checking') return ['Checking the file…'];
		if (this.outcome) return this.outcome.lines;
		const lines = this.report?.lines ?? [];
		return this.notice ? [...lines, this.notice] : lines;
	}

	get tone(): 'neutral' | 'valid' | 'invalid' {
		if (this.outcome || this.valid) return 'valid';
		return this.report ? 'invalid' : 'neutral';
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

	setAllowedErrors(text: string) {
		this.allowedErrorsText = text;
		this.setOptions({ allowedErrors: allowedErrorsFrom(text) });
	}

	async checkData() {
		const file = this.file;
		if (!file || this.busy) return;
		this.#startOver();
		this.phase = 'checking';
		try {
			const result = await engine().checkImport(
				this.#begin(),
				file,
				$state.snapshot(this.options),
				this.#listen()
			);
			if (result.status === 'cancelled') {
				this.phase = 'choose';
				this.notice = 'Check Data cancelled. Nothing was changed.';
				return;
			}
			this.report = result.report;
			this.valid = result.valid;
			this.phase = 'checked';
		} catch (error) {
			this.phase = 'choose';
			this.failure = `Check Data stopped unexpectedly: ${messageOf(error)}`;
		} finally {
			this.#end();
		}
	}

	async runImport() {
		if (!this.canImport) return;
		this.phase = 'importing';
		this.notice = '';
		try {
			const result = await engine().runImport(this.#begin(), this.#listen());
			if (result.status === 'cancelled') {
				this.phase = 'checked';
				this.notice = 'Import cancelled. Nothing was changed.';
				return;
			}
			if (result.status === 'failed') {
				this.phase = 'checked';
				this.valid = false;
				this.notice = result.message;
				return;
			}
			this.outcome = { lines: result.lines, counts: result.counts };
			this.phase = 'imported';
			toasts.show(`Imported: ${result.summary}.`, {
				undoOperation: result.operationId ?? undefined
			});
		} catch (error) {
			this.phase = 'checked';
			this.failure = `The import stopped unexpectedly and changed nothing: ${messageOf(error)}`;
		} finally {
			this.#end();
		}
	}

	cancel() {
		if (this.#jobId) void engine().cancelJob(this.#jobId);
	}

	async downloadErrorReport() {
		if (this.reportBusy) return;
		this.reportBusy = true;
		try {
			const file = await engine().downloadErrorReport(newJobId());
			if (file) downloadBlob(file.blob, file.fileName);
			else this.notice = 'Check the file again to download its error report.';
		} catch (error) {
			this.failure = `The error report could not be written: ${messageOf(error)}`;
		} finally {
			this.reportBusy = false;
		}
	}

	/** Back to step 1 with the same options (after an import, or to pick another file). */
	reset() {
		if (this.busy) return;
		this.file = null;
		this.#startOver();
	}

	#startOver() {
		this.report = null;
		this.valid = false;
		this.outcome = null;
		this.notice = '';
		this.failure = '';
		this.phase = 'choose';
		void engine().discardImportCheck();
	}

	#begin(): string {
		this.#jobId = newJobId();
		this.progress = null;
		this.startedAt = performance.now();
		return this.#jobId;
	}

	#listen() {
		return proxy((progress: Progress) => {
			this.progress = progress;
		});
	}

	#end() {
		this.#jobId = null;
		this.progress = null;
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export const importFlow = new ImportFlow();
