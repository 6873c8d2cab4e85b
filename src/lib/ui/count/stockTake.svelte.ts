// The Stock take page's state: the open counts, the count being scanned, its review, and the last
// result. Every change is the worker's; this class only asks and keeps what comes back.

import type { CountReview, UncountedChoice } from '$lib/domain/count/review';
import type { Outcome } from '$lib/domain/outcome';
import type { Source } from '$lib/domain/types';
import { downloadBlob } from '$lib/ui/download';
import { engine } from '$lib/ui/engine';
import { toasts } from '$lib/ui/toasts.svelte';
import type { CountSummary, CountView } from '$lib/worker/countCommands';
import { playScanSound } from './sounds';

const SOUNDS_KEY = 'stockroom.countSounds';

export class StockTake {
	counts = $state.raw<CountSummary[]>([]);
	sources = $state.raw<Source[]>([]);
	loaded = $state(false);
	view = $state.raw<CountView | null>(null);
	review = $state.raw<CountReview | null>(null);
	uncounted = $state<UncountedChoice>('leave');
	/** The line the last action changed: highlighted. */
	lastKey = $state<string | null>(null);
	/** The last result (role=status) or failure / flag (role=alert). */
	message = $state('');
	alert = $state('');
	busy = $state(false);
	sounds = $state(true);

	constructor() {
		if (typeof localStorage !== 'undefined') this.sounds = localStorage.getItem(SOUNDS_KEY) !== 'off';
	}

	get countId(): string | null {
		return this.view?.count.id ?? null;
	}

	setSounds(on: boolean) {
		this.sounds = on;
		localStorage.setItem(SOUNDS_KEY, on ? 'on' : 'off');
	}

	async refresh() {
		const [counts, sources] = await Promise.all([engine().listCounts(), engine().getSources()]);
		this.counts = counts;
		this.sources = sources;
		this.loaded = true;
	}

	#say(message: string) {
		this.message = message;
		this.alert = '';
	}

	#fail(message: string) {
		this.alert = message;
		this.message = '';
	}

	/** Runs a command that returns the count as it now is. */
	async #change(work: () => Promise<Outcome<CountView>>, message = ''): Promise<boolean> {
		const outcome = await work();
		if (!outcome.ok) {
			this.#fail(outcome.message);
			return false;
		}
		this.view = outcome.value;
		this.review = null;
		if (message) this.#say(message);
		return true;
	}

	async start(source: string, blind: boolean, skuPrefix: string, onlyAtSource: boolean) {
		const ok = await this.#change(
			() => engine().newCount({ source, blind, narrowing: { skuPrefix, onlyAtSource } }),
			'Count started. Scan or type each product; every scan is saved at once.'
		);
		if (ok) this.lastKey = null;
	}

	async open(id: string) {
		if (await this.#change(() => engine().openCount(id), '')) {
			this.lastKey = null;
			this.#say(`Count at ${this.view!.sourceName} reopened.`);
		}
	}

	/** Back to the list of counts (the count stays open and saved). */
	close(message = '') {
		this.#say(message);
		this.view = null;
		this.review = null;
		this.lastKey = null;
		void this.refresh();
	}

	async scan(code: string, quantity: string): Promise<boolean> {
		const id = this.countId;
		if (!id) return false;
		const outcome = await engine().scan(id, code, quantity);
		if (!outcome.ok) {
			this.#fail(outcome.message);
			return false;
		}
		const result = outcome.value;
		this.view = result.view;
		this.review = null;
		this.lastKey = result.key;
		if (result.kind === 'unknown') this.#fail(result.message);
		else this.#say(result.message);
		if (this.sounds) playScanSound(result.kind === 'counted' ? 'hit' : 'unknown');
		return true;
	}

	/** One tap on a line: takes back its last scan. */
	async takeBack(key: string, code: string) {
		const id = this.countId;
		if (id && (await this.#change(() => engine().correctLine(id, key), `Last scan of ${code} taken back.`))) {
			this.lastKey = this.view!.lines.some((line) => line.key === key) ? key : null;
		}
	}

	async setLine(key: string, code: string, quantity: string) {
		const id = this.countId;
		if (
			id &&
			(await this.#change(() => engine().setLine(id, key, quantity), `${code} set to ${quantity.trim()}.`))
		)
			this.lastKey = key;
	}

	async removeLine(key: string, code: string) {
		const id = this.countId;
		if (id) await this.#change(() => engine().removeLine(id, key), `${code} removed from the count.`);
	}

	async startReview() {
		const id = this.countId;
		if (!id) return;
		const outcome = await engine().review(id);
		if (!outcome.ok) return this.#fail(outcome.message);
		this.review = outcome.value;
		this.uncounted = 'leave';
		this.#say('Check the differences, then apply the count.');
	}

	async apply() {
		const id = this.countId;
		if (!id || this.busy) return;
		this.busy = true;
		try {
			const outcome = await engine().applyCount(id, this.uncounted);
			if (!outcome.ok) return this.#fail(outcome.message);
			const { message, operation } = outcome.value;
			toasts.show(message, operation === null ? {} : { undoOperation: operation });
			this.close(message);
		} finally {
			this.busy = false;
		}
	}

	async exportCount() {
		const id = this.countId;
		if (!id) return;
		const outcome = await engine().exportCount(id);
		if (!outcome.ok) return this.#fail(outcome.message);
		downloadBlob(outcome.value.blob, outcome.value.fileName);
		this.#say(outcome.value.message);
	}

	async importCounts(files: File[]) {
		const id = this.countId;
		if (!id || files.length === 0) return;
		this.busy = true;
		try {
			const outcome = await engine().importCounts(id, files);
			if (!outcome.ok) return this.#fail(outcome.message);
			this.view = outcome.value.view;
			this.review = null;
			this.lastKey = null;
			this.#say(outcome.value.message);
		} finally {
			this.busy = false;
		}
	}

	async discard() {
		const id = this.countId;
		if (!id) return;
		const outcome = await engine().discardCount(id);
		if (!outcome.ok) return this.#fail(outcome.message);
		const where = this.view!.sourceName;
		this.close(`Count at ${where} discarded. Stock was not changed.`);
	}
}
