// Which row errors the page gets: every error when there are at most 100, otherwise one line per
// message (the first 100 messages), with how many rows share it. All of them go to the error report.

import { detach } from './detach';

export const ERRORS_ON_SCREEN = 100;
const ROWS_PER_GROUP = 5;

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
		if (this.#first.length < ERRORS_ON_SCREEN) {
			this.#first.push({ rows: [row], count: 1, column, value: detach(value), message: detach(message) });
		}
		const group = this.#groups.get(message);
		if (group) {
			group.count++;
			if (group.rows.length < ROWS_PER_GROUP) group.rows.push(row);
			if (group.value !== '' && group.value !== value) group.value = '';
		} else if (this.#groups.size < ERRORS_ON_SCREEN) {
			const own = detach(message);
			this.#groups.set(own, { rows: [row], count: 1, column, value: detach(value), message: own });
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
