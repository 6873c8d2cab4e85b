// The rows of a checked file that name a valid SKU (and, for Stock Sources, an existing source), kept in
// typed arrays rather than row objects so that a 4,000,000-row file fits in memory. Rows of one SKU are
// chained in file order; the chain also finds duplicate (SKU, source) pairs.

import { detach } from './detach';

/** An entry's status when the file gives none: derived from the quantity when the plan is made. */
export const STATUS_NOT_GIVEN = -1;

const NONE = -1;

export class CheckedRows {
	/** Per SKU: the lower-cased key, and the spelling first seen in the file. */
	readonly keys: string[] = [];
	readonly spellings: string[] = [];
	/** Per entry, Products files only: name and barcode cells (undefined when the column is absent). */
	readonly names: (string | undefined)[] = [];
	readonly barcodes: (string[] | undefined)[] = [];
	readonly #skuIndex = new Map<string, number>();
	#first = new Int32Array(1024);
	#last = new Int32Array(1024);
	#source = new Int32Array(1024);
	#row = new Int32Array(1024);
	#next = new Int32Array(1024);
	#quantity = new Float64Array(1024);
	#status = new Int8Array(1024);
	#valid = new Uint8Array(1024);
	#entries = 0;
	#validEntries = 0;

	get skuCount(): number {
		return this.keys.length;
	}

	get entryCount(): number {
		return this.#entries;
	}

	get validCount(): number {
		return this.#validEntries;
	}

	/** The SKU's index, adding it on first sight. `key` is `sku.toLowerCase()`. */
	skuIndex(sku: string, key: string): number {
		const known = this.#skuIndex.get(key);
		if (known !== undefined) return known;
		const index = this.keys.length;
		const ownKey = detach(key);
		this.#skuIndex.set(ownKey, index);
		this.keys.push(ownKey);
		this.spellings.push(sku === key ? ownKey : detach(sku));
		if (index >= this.#first.length) {
			this.#first = grow(this.#first);
			this.#last = grow(this.#last);
		}
		this.#first[index] = NONE;
		this.#last[index] = NONE;
		return index;
	}

	/** The row number of an earlier entry of the same SKU and source, or 0. */
	duplicateRow(sku: number, source: number): number {
		for (let entry = this.#first[sku]; entry !== NONE; entry = this.#next[entry]) {
			if (this.#source[entry] === source) return this.#row[entry];
		}
		return 0;
	}

	/** Records a row; invalid rows are kept only so that later duplicates can name them. */
	add(sku: number, source: number, row: number, valid: boolean, quantity: number, status: number): number {
		const entry = this.#entries++;
		if (entry >= this.#source.length) this.#growEntries();
		this.#source[entry] = source;
		this.#row[entry] = row;
		this.#next[entry] = NONE;
		this.#quantity[entry] = quantity;
		this.#status[entry] = status;
		this.#valid[entry] = valid ? 1 : 0;
		if (valid) this.#validEntries++;
		if (this.#last[sku] === NONE) this.#first[sku] = entry;
		else this.#next[this.#last[sku]] = entry;
		this.#last[sku] = entry;
		return entry;
	}

	setProductCells(entry: number, name: string | undefined, barcodes: string[] | undefined) {
		this.names[entry] = name === undefined ? undefined : detach(name);
		this.barcodes[entry] = barcodes?.map(detach);
	}

	/** Calls `visit` for each valid entry of the SKU, in file order. */
	forEachValid(sku: number, visit: (entry: number) => void) {
		for (let entry = this.#first[sku]; entry !== NONE; entry = this.#next[entry]) {
			if (this.#valid[entry] === 1) visit(entry);
		}
	}

	hasValid(sku: number): boolean {
		for (let entry = this.#first[sku]; entry !== NONE; entry = this.#next[entry]) {
			if (this.#valid[entry] === 1) return true;
		}
		return false;
	}

	source(entry: number): number {
		return this.#source[entry];
	}

	row(entry: number): number {
		return this.#row[entry];
	}

	/** NaN when the row gives no quantity. */
	quantity(entry: number): number {
		return this.#quantity[entry];
	}

	/** 0, 1 or STATUS_NOT_GIVEN. */
	status(entry: number): number {
		return this.#status[entry];
	}

	#growEntries() {
		this.#source = grow(this.#source);
		this.#row = grow(this.#row);
		this.#next = grow(this.#next);
		this.#quantity = grow(this.#quantity);
		this.#status = grow(this.#status);
		this.#valid = grow(this.#valid);
	}
}

function grow<T extends Int32Array | Float64Array | Int8Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
}
