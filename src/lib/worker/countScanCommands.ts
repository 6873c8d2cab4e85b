// Counting: a scan or typed code adds to its line, a typed quantity corrects it, one tap takes the
// line's last change back. Each is one small transaction on one line (db/countStore.ts).

import {
	lineKey,
	readCountedQuantity,
	readScanAmount,
	resolveCode,
	scanLine,
	setLineQuantity,
	undoLastChange,
	type CountLine
} from '$lib/domain/count/count';
import { fail, type Outcome } from '$lib/domain/outcome';
import { formatNumber } from '$lib/domain/wording';
import { updateCountLine } from '$lib/db/countStore';
import { stamp, type CountContext, type CountView } from './countViews';
import { UserError, type Store } from './store';

export interface ScanResult {
	kind: 'counted' | 'unknown';
	/** The line the scan changed, for the highlight. */
	key: string;
	message: string;
	view: CountView;
}

export function countScanCommands(store: Store, context: CountContext) {
	const { lookup, onOpenCount, currentView } = context;

	/** Changes one existing line in its own transaction, so that quick scans of one product never lose one. */
	function changeLine(id: string, key: string, change: (line: CountLine) => CountLine | null) {
		return onOpenCount(id, async (count) => {
			await updateCountLine(store.db, id, key, (line) => {
				if (!line) throw new UserError('This line is no longer in the count.');
				return change(line);
			});
			return currentView(count);
		});
	}

	return {
		/** One scan or typed code: adds 1 (or `quantity`); an unknown code gets its own flagged line. */
		async scan(id: string, code: string, quantity?: string): Promise<Outcome<ScanResult>> {
			const read = readScanAmount(quantity ?? '');
			if (!read.ok) return fail(read.message, [{ field: 'quantity', message: read.message }]);
			const amount = read.value;
			return onOpenCount(id, async (count) => {
				const resolved = resolveCode(code, lookup);
				if (resolved.kind === 'empty') throw new UserError('Scan or type a SKU or barcode first.');
				const line = (await updateCountLine(store.db, id, lineKey(resolved), (existing) =>
					scanLine(id, existing, resolved, count.source, amount, stamp())
				))!;
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
			const read = readCountedQuantity(quantity);
			if (!read.ok) return fail(read.message, [{ field: 'quantity', message: read.message }]);
			return changeLine(id, key, (line) => setLineQuantity(line, read.value, stamp()));
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
		}
	};
}
