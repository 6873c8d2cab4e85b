// What the count pages show of a count, and the guard every count command runs behind: the count
// must exist and still be open.

import {
	byNewestScan,
	quantityAt,
	tallyLines,
	type Count,
	type CountLine,
	type ProductLookup
} from '$lib/domain/count/count';
import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { readCount, readCountLines } from '$lib/db/countStore';
import { UserError, type Store } from './store';

export interface CountLineView {
	key: string;
	code: string;
	name: string;
	known: boolean;
	counted: number;
	/** The item's quantity now (null: not at the source); undefined in a blind count. */
	expected?: number | null;
	/** One tap can take back the line's last change. */
	undoable: boolean;
}

export interface CountView {
	count: Count;
	sourceName: string;
	/** Newest scan first. */
	lines: CountLineView[];
	units: number;
	unknown: number;
}

export interface CountSummary {
	count: Count;
	sourceName: string;
	lines: number;
	units: number;
}

let lastStamp = 0;
/** Scan order: strictly increasing even for several scans in one millisecond. */
export function stamp(): number {
	lastStamp = Math.max(Date.now(), lastStamp + 1);
	return lastStamp;
}

export const unitsOf = (lines: readonly CountLine[]) => tallyLines(lines).units;

/** The pieces the count commands share: product lookup, views, and the open-count guard. */
export function countContext(store: Store) {
	const lookup: ProductLookup = {
		product: (key) => store.inventory.get(key),
		barcodeOwner: (code) => store.inventory.barcodeOwner(code)
	};
	const sourceName = (code: string) => store.source(code)?.name ?? code;
	const linesOf = (id: string) => readCountLines(store.db, id);

	async function openCountOrFail(id: string): Promise<Count> {
		await store.start();
		const count = await readCount(store.db, id);
		if (!count) throw new UserError('This count no longer exists.');
		if (count.status !== 'open') {
			throw new UserError(`This count was ${count.status === 'applied' ? 'applied' : 'discarded'} already.`);
		}
		return count;
	}

	function view(count: Count, lines: CountLine[]): CountView {
		const shown = [...lines].sort(byNewestScan).map((line): CountLineView => {
			const product = line.known ? store.inventory.get(line.key) : undefined;
			return {
				key: line.key,
				code: line.code,
				name: product?.name ?? '',
				known: product !== undefined,
				counted: line.counted,
				...(count.blind ? {} : { expected: quantityAt(product, count.source) }),
				undoable: line.last !== null
			};
		});
		return {
			count,
			sourceName: sourceName(count.source),
			lines: shown,
			units: unitsOf(lines),
			unknown: shown.filter((line) => !line.known).length
		};
	}

	return {
		lookup,
		sourceName,
		linesOf,
		view,
		async currentView(count: Count): Promise<CountView> {
			return view(count, await linesOf(count.id));
		},
		/** Runs `work` on an open count; a UserError becomes the failure message. */
		async onOpenCount<T>(id: string, work: (count: Count) => Promise<T>): Promise<Outcome<T>> {
			try {
				return succeed(await work(await openCountOrFail(id)));
			} catch (error) {
				if (error instanceof UserError) return fail(error.message);
				throw error;
			}
		}
	};
}

export type CountContext = ReturnType<typeof countContext>;
