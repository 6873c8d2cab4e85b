// Which row errors the page gets: every error when there are at most 100, otherwise one line per
// message (the first 100 messages), with how many rows share it. All of them go to the error report.

import { detach } from './detach';

export const ERRORS_ON_SCREEN = 100;
const ROWS_PER_GROUP = 5;
/** A cell can be a megabyte long; the page gets the start of it. */
const VALUE_CHARS = 200;
const MESSAGE_CHARS = 400;

/** The start of a long text; short texts as they are. */
function shorten(text: string, limit: number): string {
	return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** One line of the `Validation errors` table: one error, or one message shared by `count` rows. */
export interface ErrorLine {
	/** The first rows (all of them when `count` is small). */
	rows: number[];
	count: number;
	column: string;
	/** The cell as the file holds it; empty when the rows of a group hold different values. */
	value: string;
	message: string;
}

export interface ErrorTable {
	lines: ErrorLine[];
	grouped: boolean;
	/** Errors that no line shows (download the error report for them). */
	notShown: number;
}

export class ErrorCollector {
	#total = 0;
	readonly #first: ErrorLine[] = [];
	readonly #groups = new Map<string, ErrorLine>();

	get total(): number {
		return this.#total;
	}

	add(row: number, column: string, value: string, message: string) {
		this.#total++;
		const key = shorten(message, MESSAGE_CHARS);
		const shown = shorten(value, VALUE_CHARS);
		if (this.#first.length < ERRORS_ON_SCREEN) this.#first.push(ownLine(row, column, shown, key));
		const group = this.#groups.get(key);
		if (group) {
			group.count++;
			if (group.rows.length < ROWS_PER_GROUP) group.rows.push(row);
			if (group.value !== shown) group.value = '';
		} else if (this.#groups.size < ERRORS_ON_SCREEN) {
			const line = ownLine(row, column, shown, key);
			this.#groups.set(line.message, line);
		}
	}

	table(): ErrorTable {
		if (this.#total <= ERRORS_ON_SCREEN) {
			return {
				lines: this.#first.map((line) => ({ ...line, rows: [...line.rows] })),
				grouped: false,
				notShown: 0
			};
		}
		const lines = [...this.#groups.values()].map((line) => ({ ...line, rows: [...line.rows] }));
		const shown = lines.reduce((sum, line) => sum + line.count, 0);
		return { lines, grouped: true, notShown: this.#total - shown };
	}
}

/** A line that shares no memory with the parsed chunk its texts came from. */
function ownLine(row: number, column: string, value: string, message: string): ErrorLine {
	return { rows: [row], count: 1, column, value: detach(value), message: detach(message) };
}
