// The Stock take page's state: the count list, the count being scanned, its review and the last
// message, each in its own class; this one ties them together. Every change is the worker's; these
// classes only ask and keep what comes back.

import type { Outcome } from '$lib/domain/outcome';
import { downloadBlob } from '$lib/ui/download';
import { engine } from '$lib/ui/engine';
import { scanFeedback, setSoundsOn, soundsOn } from '$lib/ui/scanner/feedback';
import type { CountView } from '$lib/worker/countCommands';
import { CountList } from './countList.svelte';
import { CountMessages } from './countMessages.svelte';
import { CountReviewState } from './countReviewState.svelte';

export class StockTake {
	readonly list = new CountList();
	readonly messages = new CountMessages();
	readonly checking = new CountReviewState(this.messages);
	view = $state.raw<CountView | null>(null);
	/** The line the last action changed: highlighted. */
	lastKey = $state<string | null>(null);
	/** The last unknown code scanned, offered as `Add product` (cleared by the next scan). */
	unknownCode = $state<{ key: string; code: string } | null>(null);
	busy = $state(false);
	sounds = $state(soundsOn());

	get countId(): string | null {
		return this.view?.count.id ?? null;
	}

	setSounds(on: boolean) {
		this.sounds = on;
		setSoundsOn(on);
	}

	refresh() {
		return this.list.refresh();
	}

	/** Runs a command that returns the count as it now is. */
	async #change(work: () => Promise<Outcome<CountView>>, message = ''): Promise<boolean> {
		const outcome = await work();
		if (!outcome.ok) {
			this.messages.fail(outcome.message);
			return false;
		}
		this.#show(outcome.value);
		if (message) this.messages.say(message);
		return true;
	}

	#show(view: CountView | null) {
		this.view = view;
		this.checking.clear();
		if (!view?.lines.some((line) => line.key === this.unknownCode?.key)) this.unknownCode = null;
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
			this.messages.say(`Count at ${this.view!.sourceName} reopened.`);
		}
	}

	/** Back to the list of counts (the count stays open and saved). */
	close(message = '') {
		this.messages.say(message);
		this.#show(null);
		this.lastKey = null;
		void this.refresh();
	}

	async scan(code: string, quantity: string): Promise<boolean> {
		const id = this.countId;
		if (!id) return false;
		const outcome = await engine().scan(id, code, quantity);
		if (!outcome.ok) {
			this.messages.fail(outcome.message);
			return false;
		}
		const result = outcome.value;
		this.#show(result.view);
		this.lastKey = result.key;
		this.unknownCode = result.kind === 'unknown' ? { key: result.key, code: code.trim() } : null;
		if (result.kind === 'unknown') this.messages.fail(result.message);
		else this.messages.say(result.message);
		scanFeedback(result.kind === 'counted' ? 'hit' : 'unknown');
		return true;
	}

	/**
	 * The product just added for an unknown code takes over that code's line: the flagged line goes and
	 * the new product is counted as many times as the code was.
	 */
	async countAddedProduct(sku: string) {
		const id = this.countId;
		const unknown = this.unknownCode;
		const line = this.view?.lines.find((candidate) => candidate.key === unknown?.key);
		if (!id || !unknown || !line) return;
		if (!(await this.#change(() => engine().removeLine(id, unknown.key)))) return;
		await this.scan(sku, String(line.counted));
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
		if (id) await this.checking.start(id);
	}

	async apply() {
		const id = this.countId;
		if (!id) return;
		const message = await this.checking.apply(id);
		if (message !== null) this.close(message);
	}

	async exportCount() {
		const id = this.countId;
		if (!id) return;
		const outcome = await engine().exportCount(id);
		if (!outcome.ok) return this.messages.fail(outcome.message);
		downloadBlob(outcome.value.blob, outcome.value.fileName);
		this.messages.say(outcome.value.message);
	}

	async importCounts(files: File[]) {
		const id = this.countId;
		if (!id || files.length === 0) return;
		this.busy = true;
		try {
			const outcome = await engine().importCounts(id, files);
			if (!outcome.ok) return this.messages.fail(outcome.message);
			this.#show(outcome.value.view);
			this.lastKey = null;
			this.messages.say(outcome.value.message);
		} finally {
			this.busy = false;
		}
	}

	async discard() {
		const id = this.countId;
		if (!id) return;
		const outcome = await engine().discardCount(id);
		if (!outcome.ok) return this.messages.fail(outcome.message);
		const where = this.view!.sourceName;
		this.close(`Count at ${where} discarded. Stock was not changed.`);
	}
}
