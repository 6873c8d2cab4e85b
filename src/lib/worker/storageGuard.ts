// Guards every stock write against the device's storage: refuses early a write that clearly does not
// fit, turns a refused write (full storage) into a message the user can act on, notices when the
// browser discarded the database during a failed write, and keeps the last-good copy outside
// IndexedDB fresh (a little after each commit, and before every large write).

import { StaleDataError } from '$lib/db/applyChangeSet';
import { copiesSupported, findLastGoodCopy, type CopyInfo } from '$lib/db/lastGoodCopy';
import { isQuotaError, storedWriteSeq } from '$lib/db/storageFailure';
import type { StockroomDb } from '$lib/db/schema';
import type { ChangeSet } from '$lib/domain/changeSet';
import {
	DATA_LOST_DURING_WRITE,
	estimateWriteBytes,
	spaceShortfall,
	storageFullMessage,
	WRITES_BLOCKED,
	type SpaceEstimate
} from '$lib/domain/storageHealth';
import { writeCopyInWorker } from './copyClient';
import { CancelledError } from './jobs';

/** A change set this large first brings the copy up to date: the write that follows is the risky one. */
export const LARGE_WRITE = 10_000;
/** Quiet time after a commit before the copy is refreshed (a burst of edits makes one copy). */
export const COPY_DELAY_MS = 2_000;

/** A message the user can act on (the store's UserError; declared here to avoid an import cycle). */
type UserErrorClass = new (message: string) => Error;

export class StorageGuard {
	/** The database lost data (detected at a failed write or at start); writes wait for a restore. */
	lost = false;
	lastCopy: CopyInfo | null = null;
	/** The newest copy's compressed bytes, for a restore after the browser deleted the stored one. */
	lastCopyBlob: Blob | null = null;
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#copying: Promise<void> | null = null;
	#seqBefore: number | null = null;

	constructor(
		private readonly db: StockroomDb,
		private readonly userError: UserErrorClass,
		/** The database's health or its copy changed (data lost, a new copy written). */
		private readonly onChange: () => void,
		private readonly hasData: () => boolean
	) {}

	async start() {
		this.lastCopy = await findLastGoodCopy().catch(() => null);
		// A page closed or reloaded within moments of a commit never wrote that commit's copy: catch up.
		const seq = await storedWriteSeq(this.db);
		if (seq !== null && this.hasData() && (this.lastCopy === null || this.lastCopy.seq < seq)) this.changed();
	}

	/** Before a stock write: refuse what can not succeed, and make the copy current before a large one. */
	async beforeWrite(set: ChangeSet) {
		if (this.lost) throw new this.userError(WRITES_BLOCKED);
		const shortfall = spaceShortfall(estimateWriteBytes(set.changes), await spaceEstimate());
		if (shortfall) throw new this.userError(shortfall);
		this.#seqBefore = await storedWriteSeq(this.db);
		if (set.changes.length >= LARGE_WRITE && this.#dirty) await this.flush();
	}

	/** A write failed: the error to give the user, after checking the database is still whole. */
	async failed(error: unknown): Promise<unknown> {
		if (
			error instanceof CancelledError ||
			error instanceof StaleDataError ||
			error instanceof this.userError
		) {
			return error;
		}
		const seq = await storedWriteSeq(this.db);
		if (seq === null || (this.#seqBefore !== null && seq < this.#seqBefore)) {
			this.lost = true;
			this.onChange();
			return new this.userError(DATA_LOST_DURING_WRITE);
		}
		if (isQuotaError(error)) return new this.userError(storageFullMessage(await spaceEstimate()));
		return error;
	}

	/** Something was committed: refresh the copy once writes have been quiet for a moment. */
	changed() {
		this.#dirty = true;
		if (!copiesSupported()) return;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.flush().catch(() => {}); // a failed copy keeps the previous one; the next commit retries
		}, COPY_DELAY_MS);
	}

	/** Writes the copy now when it is behind (one at a time). Never over a copy while data is lost. */
	async flush(): Promise<void> {
		if (!copiesSupported()) return;
		while (this.#copying) await this.#copying;
		if (!this.#dirty || this.lost || !this.hasData()) return;
		this.#dirty = false;
		this.#copying = (async () => {
			// The sequence this tab sees now: the copy must hold at least that (see copy.worker.ts).
			const seq = await storedWriteSeq(this.db);
			if (seq === null) throw new Error('The database is gone; the last-good copy is kept as it is.');
			const copy = await writeCopyInWorker(this.db.name, seq);
			this.lastCopy = copy.info;
			this.lastCopyBlob = copy.blob;
			this.onChange();
		})()
			.catch((error) => {
				this.#dirty = true;
				throw error;
			})
			.finally(() => (this.#copying = null));
		await this.#copying;
	}
}

export async function spaceEstimate(): Promise<SpaceEstimate | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
	const estimate = await navigator.storage.estimate().catch(() => null);
	return estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null;
}
