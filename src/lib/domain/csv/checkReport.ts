// What Check Data answers: the report the page shows, the row errors the error report lists, and the
// outcome (invalid with its report, or valid with the rows an import will apply).

import type { Product, Source } from '../types';
import type { CheckedRows } from './checkedRows';
import type { EncodingGuess } from './encodingGuess';
import type { ErrorTable } from './errorCollector';
import type { CheckCounts } from './messages';
import type { ImportPlanSummary } from './planSummary';

/** What the check may consult: the sources and the catalogue as they are now. */
export interface CheckContext {
	sources: readonly Source[];
	product(key: string): Product | undefined;
	/** The SKU of the product that has this barcode. */
	barcodeOwner(code: string): string | undefined;
}

export interface RowError {
	row: number;
	/** The column as the file names it; empty for errors of the whole row. */
	column: string;
	value: string;
	message: string;
}

/** What the page shows after Check Data. */
export interface CheckReport {
	/** Problems of the whole file, found before (or instead of) row errors. */
	fileErrors: string[];
	counts: CheckCounts;
	/** The summary line, the verdict, and the skipped-rows line when rows will be skipped. */
	lines: string[];
	errors: ErrorTable;
	warnings: string[];
	/** For a file that is not UTF-8 but reads as Windows-1252: the offer to read it so. */
	encodingGuess: EncodingGuess | null;
}

/** Either invalid with its report, or valid with the rows an import will apply. */
export type CheckOutcome =
	| { status: 'invalid'; report: CheckReport }
	| {
			status: 'valid';
			report: CheckReport;
			summary: ImportPlanSummary;
			rows: CheckedRows;
			sourceCodes: readonly string[];
	  };

export type InvalidRowListener = (
	fields: readonly string[],
	row: number,
	errors: readonly RowError[]
) => void;
