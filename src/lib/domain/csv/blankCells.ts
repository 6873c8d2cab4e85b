// Blank cells in an import keep what is stored, as Magento's import does: a file may list only the
// columns or cells it means to change. Name and barcode can be cleared on purpose with Magento's own
// marker for an empty value; a quantity or a status can not be cleared.

import { formatCount } from '../wording';

/** Magento's default "Empty attribute value constant" (System → Import). */
export const CLEAR_MARKER = '__EMPTY__VALUE__';

/** What one cell of a clearable text column asks for. */
export type CellIntent = { kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; text: string };

export function isBlankCell(cell: string): boolean {
	return cell.trim() === '';
}

export function isClearMarker(cell: string): boolean {
	return cell.trim() === CLEAR_MARKER;
}

export function cellIntent(cell: string): CellIntent {
	if (isBlankCell(cell)) return { kind: 'keep' };
	if (isClearMarker(cell)) return { kind: 'clear' };
	return { kind: 'set', text: cell };
}

export function notClearableMessage(column: string): string {
	return `${CLEAR_MARKER} can clear only a name or a barcode, not ${column}.`;
}

/** Counts, per column, the blank cells of existing products' rows that keep a stored value. */
export class KeptCells {
	readonly #byColumn = new Map<string, number>([
		['name', 0],
		['barcode', 0],
		['qty', 0],
		['is_in_stock', 0]
	]);
	#total = 0;

	get total(): number {
		return this.#total;
	}

	/** `cells` are the row's name, barcode, qty and is_in_stock cells (undefined: no such column). */
	count(
		cells: Record<'name' | 'barcode' | 'qty' | 'is_in_stock', string | undefined>,
		exists: () => boolean
	) {
		const blank = (cell: string | undefined) => cell !== undefined && isBlankCell(cell);
		const qty = blank(cells.qty);
		const kept = {
			name: blank(cells.name),
			barcode: blank(cells.barcode),
			qty,
			// A blank is_in_stock beside a given qty is derived from it, so it keeps nothing.
			is_in_stock: blank(cells.is_in_stock) && (cells.qty === undefined || qty)
		};
		if (!(kept.name || kept.barcode || kept.qty || kept.is_in_stock) || !exists()) return;
		for (const [column, yes] of Object.entries(kept)) {
			if (!yes) continue;
			this.#byColumn.set(column, this.#byColumn.get(column)! + 1);
			this.#total++;
		}
	}

	warning(): string | null {
		return blankCellsWarning(this.#byColumn);
	}
}

/** `3 blank cells keep their stored values (name: 1, qty: 2). …`, or null when there are none. */
export function blankCellsWarning(byColumn: ReadonlyMap<string, number>): string | null {
	let total = 0;
	const parts: string[] = [];
	for (const [column, count] of byColumn) {
		if (count === 0) continue;
		total += count;
		parts.push(`${column}: ${count}`);
	}
	if (total === 0) return null;
	const verb = total === 1 ? 'keeps its stored value' : 'keep their stored values';
	return (
		`${formatCount(total, 'blank cell')} ${verb} (${parts.join(', ')}). ` +
		`To clear a name or barcode, write ${CLEAR_MARKER}.`
	);
}
