// The engine's state: the database, the in-memory inventory, sources and settings. Every write goes
// through `commit` (stock) or `saveSources`/`saveSettings`, which also tell other tabs and listeners.
// The database itself is only ever touched through the functions of src/lib/db.

import {
	applyChangeSet,
	EditConflictError,
	readInventorySnapshot,
	StaleDataError,
	type AlongsideWrite,
	type AppliedChangeSet
} from '$lib/db/applyChangeSet';
import { assertNotNewer, onNewerVersion } from '$lib/db/databaseVersion';
import { readPages } from '$lib/db/pages';
import { StockroomDb } from '$lib/db/schema';
import { readSettings, writeSettings } from '$lib/db/settingsStore';
import { ensureDefaultSource, readSources, writeSources, type SourceWrite } from '$lib/db/sourceStore';
import type { ChangeSet } from '$lib/domain/changeSet';
import { DEFAULT_SETTINGS, type Settings, type Source } from '$lib/domain/types';
import { Inventory } from './inventory';
import { ProductQueries } from './productQueries';
import type { Job } from './jobs';
import { StorageGuard } from './storageGuard';

/**
 * `newer-version`: a newer Stockroom upgraded the database; this engine no longer uses it.
 * `storage`: the database's health changed (it lost data, or was restored).
 */
export type ChangeTopic =
	'products' | 'sources' | 'settings' | 'history' | 'magento' | 'newer-version' | 'storage';
export type ChangeListener = (topics: ChangeTopic[]) => void;

type SyncMessage = { pages: number[]; deleted: number[]; seq: number } | { topics: ChangeTopic[] };

export class UserError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UserError';
	}
}

export class Store {
	readonly db: StockroomDb;
	readonly inventory = new Inventory();
	readonly queries = new ProductQueries(this.inventory);
	sources: Source[] = [];
	settings: Settings = { ...DEFAULT_SETTINGS };
	#listeners = new Set<ChangeListener>();
	#channel: BroadcastChannel | null = null;
	#started: Promise<void> | null = null;
	/** The database write sequence the in-memory inventory reflects; -1 when unsure. */
	#seq = -1;

	readonly guard: StorageGuard;

	constructor(name?: string) {
		this.db = new StockroomDb(name);
		onNewerVersion(this.db, (error) => {
			const refused = Promise.reject(error);
			refused.catch(() => {}); // each command that awaits start() reports it
			this.#started = refused;
			this.#notify(['newer-version']);
		});
		this.guard = new StorageGuard(
			this.db,
			UserError,
			() => this.#notify(['storage']),
			() => this.inventory.size > 0
		);
	}

	start(): Promise<void> {
		this.#started ??= this.#load();
		return this.#started;
	}

	async #load() {
		await assertNotNewer(this.db.name);
		await ensureDefaultSource(this.db);
		// Listen before reading, so that a write another tab commits meanwhile is not missed.
		this.#channel = new BroadcastChannel(`stockroom-sync:${this.db.name}`);
		this.#channel.onmessage = (event: MessageEvent<SyncMessage>) =>
			void this.start().then(() => this.#onOtherTab(event.data));
		await this.#loadSourcesAndSettings();
		await this.#loadAllPages();
		await this.guard.start();
		this.queries.warmSoon(this.sources, this.settings.defaultNotifyQty);
	}

	/** Reads every page and the write sequence in one transaction, so the two agree. */
	async #loadAllPages() {
		const { pages, seq } = await readInventorySnapshot(this.db);
		this.inventory.load(pages);
		this.#seq = seq;
	}

	async #loadSourcesAndSettings() {
		this.sources = (await readSources(this.db)).sort(bySourceOrder);
		this.settings = { ...DEFAULT_SETTINGS, ...(await readSettings(this.db)) };
	}

	close() {
		this.#channel?.close();
		this.db.close();
	}

	subscribe(listener: ChangeListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Applies a change set in one transaction, then updates memory, other tabs and listeners. */
	async commit(set: ChangeSet, job?: Job, alongside?: AlongsideWrite): Promise<AppliedChangeSet> {
		let applied: AppliedChangeSet;
		await this.guard.beforeWrite(set);
		try {
			const inventory = this.inventory;
			applied = await applyChangeSet(this.db, set, {
				checkpoint: job?.checkpoint,
				known: { seq: this.#seq, products: (id) => inventory.pageProducts(id) },
				alongside
			});
		} catch (error) {
			if (!(error instanceof StaleDataError || error instanceof EditConflictError))
				throw await this.guard.failed(error);
			// Memory was behind storage (another tab's message is still on its way): catch up first.
			await this.#loadAllPages();
			this.#notify(['products']);
			if (error instanceof EditConflictError) throw error;
			throw new UserError(
				'Another tab changed these products a moment ago. The view is now up to date: please try again.'
			);
		}
		const sourcesChanged = (set.sourceChanges?.length ?? 0) > 0;
		if (!applied.operation) {
			// Nothing written (a field edit that another tab had already made): memory is only behind.
			if (applied.seq !== this.#seq) this.#followSeq(applied.seq);
			return applied;
		}
		this.inventory.applyCommitted(applied.changes, applied.written, applied.deleted);
		if (sourcesChanged) await this.#loadSourcesAndSettings();
		// Only a write that followed ours directly keeps memory known-current; after a gap (another tab
		// wrote and its message has not arrived yet) the next write re-reads its pages.
		this.#followSeq(applied.seq);
		this.#post({ pages: applied.written.map((p) => p.id), deleted: applied.deleted, seq: applied.seq });
		if (sourcesChanged) this.#post({ topics: ['sources'] });
		this.#notify(sourcesChanged ? ['products', 'history', 'sources'] : ['products', 'history']);
		this.guard.changed();
		return applied;
	}

	async saveSources(write: SourceWrite) {
		await writeSources(this.db, write);
		this.guard.changed();
		await this.#loadSourcesAndSettings();
		this.#post({ topics: ['sources'] });
		this.#notify(['sources', 'products']);
	}

	/** Tells this tab's and other tabs' listeners that data of `topics` changed (the Magento base, its log). */
	announce(topics: ChangeTopic[]) {
		this.#post({ topics });
		this.#notify(topics);
	}

	/** After a write that changed sources alongside stock (a Magento pull): reload and tell everyone. */
	async sourcesWritten() {
		await this.#loadSourcesAndSettings();
		this.#post({ topics: ['sources'] });
		this.#notify(['sources', 'products']);
	}

	async saveSettings(settings: Settings) {
		await writeSettings(this.db, settings);
		this.guard.changed();
		this.settings = settings;
		this.#post({ topics: ['settings'] });
		this.#notify(['settings', 'products']);
	}

	/** After the whole database was replaced (restore): reload everything here and in other tabs. */
	async reloadAll() {
		this.guard.lost = false;
		this.guard.changed();
		await this.#loadSourcesAndSettings();
		await this.#loadAllPages();
		this.#post({ topics: ['sources', 'settings', 'history'] });
		this.#notify(['sources', 'settings', 'products', 'history', 'storage']);
	}

	source(code: string): Source | undefined {
		return this.sources.find((s) => s.code === code);
	}

	async #onOtherTab(message: SyncMessage) {
		if ('topics' in message) {
			await this.#loadSourcesAndSettings();
			if (message.topics.includes('history')) await this.#loadAllPages();
			this.#notify([...message.topics, 'products']);
			return;
		}
		const pages = (await readPages(this.db, message.pages)).filter((p) => p !== undefined);
		this.inventory.reloadPages(pages, message.deleted);
		this.#followSeq(message.seq);
		this.#notify(['products', 'history']);
	}

	#resyncing = false;

	/** Memory is known-current only while writes arrive in sequence; after a gap, reload everything. */
	#followSeq(seq: number) {
		if (seq === this.#seq + 1) {
			this.#seq = seq;
			return;
		}
		this.#seq = -1;
		if (this.#resyncing) return;
		this.#resyncing = true;
		void this.#loadAllPages()
			.then(() => this.#notify(['products']))
			.catch(() => {}) // a closed database (tab closing) needs no resync
			.finally(() => (this.#resyncing = false));
	}

	#post(message: SyncMessage) {
		this.#channel?.postMessage(message);
	}

	#notify(topics: ChangeTopic[]) {
		if (topics.includes('products')) this.queries.warmSoon(this.sources, this.settings.defaultNotifyQty);
		for (const listener of this.#listeners) listener(topics);
	}
}

/** The default source first, then by name. */
export function bySourceOrder(a: Source, b: Source): number {
	if (a.code === 'default') return -1;
	if (b.code === 'default') return 1;
	return a.name.localeCompare(b.name);
}
