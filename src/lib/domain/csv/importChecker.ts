// Check Data: reads parsed records (header, then rows) and applies every rule of docs/domain-rules.md
// (CSV files), keeping the counts, the errors to show, the warnings and the valid rows. Pure: the reader
// feeds it, the worker keeps what it returns. The same checker, run again with `onInvalidRow`, writes
// the error report. What it answers is typed in checkReport.ts.

import { deriveStatus, parseQuantity } from '../quantity';
import { quantityProblemMessage, skuProblem } from '../productRules';
import type { CheckContext, CheckOutcome, CheckReport, InvalidRowListener, RowError } from './checkReport';
import type { EncodingGuess } from './encodingGuess';
import { CheckedRows, STATUS_NOT_GIVEN } from './checkedRows';
import { cellIntent, isBlankCell, isClearMarker, KeptCells, notClearableMessage } from './blankCells';
import { FormulaSkus, unprotectFreeText } from './formulaCells';
import { summarizePlan, type ImportPlanSummary } from './planSummary';
import { ErrorCollector } from './errorCollector';
import { analyzeHeader, type HeaderLayout } from './header';
import type { ImportColumn, ImportOptions } from './importOptions';
import {
	disabledSourceWarning,
	FILE_EMPTY,
	INVALID_VERDICT,
	newProductsWarning,
	NO_DATA_ROWS,
	nothingToDeleteWarning,
	skippedRowsLine,
	summaryLine,
	VALID_VERDICT,
	type CheckCounts
} from './messages';
import { barcodeKey } from '../barcode/gtin';
import {
	barcodeSpacesMessage,
	isBlankRow,
	plainWholeNumber,
	barcodeTakenMessage,
	duplicateMessage,
	fieldCountMessage,
	readStatus,
	SourceLookup,
	splitBarcodes,
	statusMessage
} from './rowRules';

export class ImportChecker {
	readonly #options: ImportOptions;
	readonly #context: CheckContext;
	readonly #sources: SourceLookup;
	readonly #onInvalidRow: InvalidRowListener | undefined;
	readonly #rows = new CheckedRows();
	readonly #errors = new ErrorCollector();
	/** The current row's errors (kept only for `onInvalidRow`) and how many it has. */
	readonly #rowErrors: RowError[] = [];
	#rowErrorCount = 0;
	readonly #disabledUsed = new Set<number>();
	readonly #fileBarcodes = new Map<string, number>();
	#separator = ',';
	#layout: HeaderLayout | null = null;
	#fileErrors: string[] = [];
	#encodingGuess: EncodingGuess | null = null;
	#warnings: string[] = [];
	#dataRows = 0;
	#lastSku = '';
	#lastSkuIndex = -1;
	#invalidRows = 0;
	#widestInvalidRow = 0;
	readonly #keptCells = new KeptCells();
	readonly #formulaSkus = new FormulaSkus();

	constructor(options: ImportOptions, context: CheckContext, onInvalidRow?: InvalidRowListener) {
		this.#options = options;
		this.#context = context;
		this.#sources = new SourceLookup(context.sources);
		this.#onInvalidRow = onInvalidRow;
	}

	get layout(): HeaderLayout | null {
		return this.#layout;
	}

	get separator(): string {
		return this.#separator;
	}

	get dataRows(): number {
		return this.#dataRows;
	}

	/** Cells before the error report's `errors` column: the widest invalid row, at least the header. */
	get reportWidth(): number {
		return Math.max(this.#layout?.width ?? 0, this.#widestInvalidRow);
	}

	/** The reader tells which separator it uses before the first records. */
	useSeparator(separator: string) {
		this.#separator = separator;
	}

	/** A problem of the file itself (encoding, an open quote): the check stops. */
	fail(message: string, encodingGuess: EncodingGuess | null = null) {
		this.#fileErrors.push(message);
		this.#encodingGuess ??= encodingGuess;
	}

	get stopped(): boolean {
		return this.#fileErrors.length > 0;
	}

	/** Checks records numbered from `firstRow`; returns false once the check can not go on. */
	addRecords(records: readonly string[][], firstRow: number): boolean {
		for (let i = 0; i < records.length; i++) {
			const fields = records[i];
			if (isBlankRow(fields)) continue;
			if (this.#layout === null) {
				if (!this.#readHeader(fields)) return false;
				continue;
			}
			this.#dataRows++;
			this.#checkRow(fields, firstRow + i);
		}
		return !this.stopped;
	}

	finish(): CheckOutcome {
		const rows = this.#rows;
		if (!this.stopped && this.#layout === null) this.#fileErrors.push(FILE_EMPTY);
		else if (!this.stopped && this.#dataRows === 0) this.#fileErrors.push(NO_DATA_ROWS);
		const counts: CheckCounts = {
			rows: this.#dataRows,
			entities: rows.skuCount,
			invalidRows: this.#invalidRows,
			errors: this.#errors.total + this.#fileErrors.length
		};
		const summary = summarizePlan({
			rows,
			sourceCodes: this.#sources.codes,
			entity: this.#options.entity,
			behavior: this.#options.behavior,
			skippedRows: this.#invalidRows,
			keptCells: this.#keptCells.total,
			product: (key) => this.#context.product(key)
		});
		const warnings = this.stopped ? this.#warnings : [...this.#warnings, ...this.#rowWarnings(summary)];
		const valid =
			!this.stopped &&
			rows.validCount > 0 &&
			(this.#options.strategy === 'skip-errors' || counts.errors <= this.#options.allowedErrors);
		const lines = [summaryLine(counts), valid ? VALID_VERDICT : INVALID_VERDICT];
		if (valid && counts.invalidRows > 0) lines.push(skippedRowsLine(counts.invalidRows));
		const report: CheckReport = {
			fileErrors: this.#fileErrors,
			counts,
			lines,
			errors: this.#errors.table(),
			warnings,
			encodingGuess: this.#encodingGuess
		};
		if (!valid) return { status: 'invalid', report };
		return { status: 'valid', report, summary, rows, sourceCodes: this.#sources.codes };
	}

	#readHeader(fields: readonly string[]): boolean {
		const { entity, behavior } = this.#options;
		const analysis = analyzeHeader(fields, entity, behavior, this.#separator);
		this.#warnings = analysis.warnings;
		if (!analysis.ok) {
			this.#fileErrors = analysis.errors;
			return false;
		}
		this.#layout = analysis.layout;
		return true;
	}

	#checkRow(fields: readonly string[], row: number) {
		const layout = this.#layout!;
		this.#rowErrors.length = 0;
		this.#rowErrorCount = 0;
		if (fields.length !== layout.width) {
			this.#error(row, '', '', fieldCountMessage(fields.length, layout.width));
		} else if (this.#options.entity === 'stock-sources') {
			this.#checkStockRow(fields, row, layout.index);
		} else {
			this.#checkProductRow(fields, row, layout.index);
		}
		if (this.#rowErrorCount > 0) {
			this.#invalidRows++;
			if (fields.length > this.#widestInvalidRow) this.#widestInvalidRow = fields.length;
			this.#onInvalidRow?.(fields, row, this.#rowErrors);
		}
	}

	#checkStockRow(fields: readonly string[], row: number, index: HeaderLayout['index']) {
		const code = fields[index.source_code!];
		const sku = fields[index.sku!];
		const source = this.#sources.indexOf(code);
		if (source < 0) this.#error(row, 'source_code', code, this.#sources.problem(code));
		const skuError = skuProblem(sku);
		if (skuError) this.#error(row, 'sku', sku, skuError);
		let quantity = NaN;
		let status = STATUS_NOT_GIVEN;
		if (this.#options.behavior !== 'delete') {
			const raw = fields[index.quantity!];
			quantity = plainWholeNumber(raw);
			if (Number.isNaN(quantity)) quantity = this.#quantity(raw, row, 'quantity');
			status = this.#status(fields, row, index.status, 'status');
			if (status === STATUS_NOT_GIVEN && !Number.isNaN(quantity)) status = deriveStatus(quantity);
		}
		if (skuError) return;
		this.#formulaSkus.note(sku, row);
		const skuIndex = this.#skuIndex(sku);
		if (source < 0) return;
		const earlier = this.#rows.duplicateRow(skuIndex, source);
		if (earlier > 0) {
			this.#error(row, 'sku', sku, duplicateMessage(earlier, 'stock-sources'));
			return;
		}
		const valid = this.#rowErrorCount === 0;
		this.#rows.add(skuIndex, source, row, valid, quantity, status);
		if (valid && !this.#sources.isEnabled(source)) this.#disabledUsed.add(source);
	}

	#checkProductRow(fields: readonly string[], row: number, index: HeaderLayout['index']) {
		const sku = fields[index.sku!];
		const skuError = skuProblem(sku);
		if (skuError) this.#error(row, 'sku', sku, skuError);
		const key = skuError ? '' : sku.toLowerCase();
		const deleting = this.#options.behavior === 'delete';
		let quantity = NaN;
		let status = STATUS_NOT_GIVEN;
		let name: string | undefined;
		let barcodes: string[] | undefined;
		if (!deleting) {
			quantity = this.#productQuantity(fields, row, index.qty);
			status = this.#status(fields, row, index.is_in_stock, 'is_in_stock');
			name = this.#name(fields, index.name);
			barcodes = this.#barcodes(fields, index.barcode, key, row);
		}
		if (skuError) return;
		this.#formulaSkus.note(sku, row);
		const skuIndex = this.#skuIndex(sku);
		const earlier = this.#rows.duplicateRow(skuIndex, 0);
		if (earlier > 0) {
			this.#error(row, 'sku', sku, duplicateMessage(earlier, 'products'));
			return;
		}
		const valid = this.#rowErrorCount === 0;
		const entry = this.#rows.add(skuIndex, 0, row, valid, quantity, status);
		if (valid && !deleting) {
			if (barcodes) for (const code of barcodes) this.#fileBarcodes.set(barcodeKey(code), skuIndex);
			this.#rows.setProductCells(entry, name, barcodes);
			const cell = (at: number | undefined) => (at === undefined ? undefined : fields[at]);
			this.#keptCells.count(
				{
					name: cell(index.name),
					barcode: cell(index.barcode),
					qty: cell(index.qty),
					is_in_stock: cell(index.is_in_stock)
				},
				() => this.#context.product(key) !== undefined
			);
		}
	}

	/** NaN when the cell is blank or the column absent (the stored quantity stays). */
	#productQuantity(fields: readonly string[], row: number, at: number | undefined): number {
		if (at === undefined || isBlankCell(fields[at])) return NaN;
		const raw = fields[at];
		return this.#quantity(raw, row, 'qty');
	}

	/** The quantity of a cell, or NaN with its error recorded. */
	#quantity(raw: string, row: number, column: ImportColumn): number {
		const parsed = parseQuantity(raw);
		if (parsed.ok) return parsed.value;
		const message = isClearMarker(raw)
			? notClearableMessage(column)
			: quantityProblemMessage('Quantity', raw, parsed.problem);
		this.#error(row, column, raw, message);
		return NaN;
	}

	/** undefined keeps the stored name (blank cell or no column); the marker clears it. */
	#name(fields: readonly string[], at: number | undefined): string | undefined {
		if (at === undefined) return undefined;
		const intent = cellIntent(fields[at]);
		if (intent.kind === 'keep') return undefined;
		return intent.kind === 'clear' ? '' : unprotectFreeText(intent.text);
	}

	#barcodes(
		fields: readonly string[],
		at: number | undefined,
		key: string,
		row: number
	): string[] | undefined {
		if (at === undefined) return undefined;
		const intent = cellIntent(fields[at]);
		if (intent.kind === 'keep') return undefined;
		if (intent.kind === 'clear') return [];
		const barcodes = splitBarcodes(intent.text);
		for (const code of barcodes) this.#checkBarcode(code, key, row, intent.text);
		return barcodes;
	}

	/** Files usually list a SKU's sources one after another: the last SKU is remembered. */
	#skuIndex(sku: string): number {
		if (sku !== this.#lastSku) {
			this.#lastSku = sku;
			this.#lastSkuIndex = this.#rows.skuIndex(sku, sku.toLowerCase());
		}
		return this.#lastSkuIndex;
	}

	#checkBarcode(code: string, key: string, row: number, cell: string) {
		if (/\s/.test(code)) {
			this.#error(row, 'barcode', cell, barcodeSpacesMessage(code));
			return;
		}
		const inFile = this.#fileBarcodes.get(barcodeKey(code));
		if (inFile !== undefined && this.#rows.keys[inFile] !== key) {
			this.#error(row, 'barcode', cell, barcodeTakenMessage(code, this.#rows.spellings[inFile]));
			return;
		}
		const owner = this.#context.barcodeOwner(code);
		if (owner !== undefined && owner.toLowerCase() !== key && inFile === undefined) {
			this.#error(row, 'barcode', cell, barcodeTakenMessage(code, owner));
		}
	}

	/** The row's status (0/1), STATUS_NOT_GIVEN when empty or absent; records an error if invalid. */
	#status(fields: readonly string[], row: number, at: number | undefined, column: ImportColumn): number {
		if (at === undefined) return STATUS_NOT_GIVEN;
		const raw = fields[at];
		const status = readStatus(raw);
		if (status === 'invalid') {
			this.#error(row, column, raw, isClearMarker(raw) ? notClearableMessage(column) : statusMessage(raw));
			return STATUS_NOT_GIVEN;
		}
		return status === 'derive' ? STATUS_NOT_GIVEN : status;
	}

	#error(row: number, column: string, value: string, message: string) {
		this.#errors.add(row, column, value, message);
		this.#rowErrorCount++;
		if (this.#onInvalidRow) this.#rowErrors.push({ row, column, value, message });
	}

	#rowWarnings(summary: ImportPlanSummary): string[] {
		const { entity, behavior } = this.#options;
		const warnings: string[] = [];
		if (behavior === 'delete' && summary.nothingToDelete > 0)
			warnings.push(nothingToDeleteWarning(summary.nothingToDelete, entity));
		if (summary.newProducts > 0) warnings.push(newProductsWarning(summary.newProducts));
		for (const source of this.#disabledUsed) {
			warnings.push(disabledSourceWarning(this.#sources.codes[source]));
		}
		for (const warning of [this.#keptCells.warning(), this.#formulaSkus.warning()])
			if (warning) warnings.push(warning);
		return warnings;
	}
}
