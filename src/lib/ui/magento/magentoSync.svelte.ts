// The Magento page's state: the connection as shown (token masked), changes not sent, and the three
// jobs (pull, check, send) with their progress. A singleton, so a long pull keeps going while the user
// looks at other pages.

import type { ConflictChoice } from '$lib/domain/magento/send';
import type { SyncLogRecord } from '$lib/domain/magento/types';
import { engine, onEngineChange } from '$lib/ui/engine';
import { JobRun } from '$lib/ui/jobRun.svelte';
import type { ProgressListener } from '$lib/worker/jobs';
import type { CheckSummary, MagentoJobResult, MagentoStatus } from '$lib/worker/magentoCommands';

export type Running = 'pull' | 'check' | 'send' | null;

class MagentoSync {
	status = $state.raw<MagentoStatus | null>(null);
	log = $state.raw<SyncLogRecord[]>([]);
	connecting = $state(false);
	/** The outcome of Connect or Disconnect. */
	connectResult = $state<{ ok: boolean; message: string; warning: string | null } | null>(null);
	fieldErrors = $state<Record<string, string>>({});
	running = $state<Running>(null);
	readonly job = new JobRun();
	/** The outcome of the last pull, check or send. */
	result = $state<{ ok: boolean; message: string; undoOperation?: number } | null>(null);
	check = $state.raw<CheckSummary | null>(null);
	choices = $state<Record<string, ConflictChoice | ''>>({});
	pullSources = $state<string[] | null>(null);
	#subscribed = false;

	async refresh() {
		const [status, log] = await Promise.all([engine().magentoStatus(), engine().magentoLog(50)]);
		this.status = status;
		this.log = log;
		if (this.#subscribed) return;
		this.#subscribed = true;
		onEngineChange(['products', 'magento', 'sources'], () => void this.refresh());
	}

	async connect(url: string, token: string, storeCode: string) {
		this.connecting = true;
		this.connectResult = null;
		this.fieldErrors = {};
		try {
			const outcome = await engine().magentoConnect(url, token, storeCode);
			if (outcome.ok) this.connectResult = { ok: true, ...outcome.value };
			else {
				this.connectResult = { ok: false, message: outcome.message, warning: null };
				this.fieldErrors = Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]));
			}
			this.check = null;
			await this.refresh();
		} finally {
			this.connecting = false;
		}
	}

	async disconnect() {
		await engine().magentoDisconnect();
		this.connectResult = {
			ok: true,
			message: 'Disconnected: the access token was deleted from this device.',
			warning: null
		};
		this.check = null;
		this.result = null;
		await this.refresh();
	}

	async #run<T>(
		kind: Exclude<Running, null>,
		start: (jobId: string, listener: ProgressListener) => Promise<MagentoJobResult<T>>
	) {
		if (this.running) return null;
		this.running = kind;
		this.result = null;
		try {
			const answer = await this.job.run(start);
			if (answer.status === 'cancelled') {
				this.result = { ok: true, message: 'Cancelled: nothing was changed.' };
				return null;
			}
			if (answer.status === 'failed' || answer.status === 'crashed') {
				this.result = { ok: false, message: answer.message };
				return null;
			}
			return answer;
		} finally {
			this.running = null;
			await this.refresh();
		}
	}

	async pull() {
		this.check = null;
		const done = await this.#run('pull', (id, listener) =>
			engine().magentoPull(id, $state.snapshot(this.pullSources), listener)
		);
		if (done) this.result = { ok: true, message: done.message, undoOperation: done.operationId ?? undefined };
	}

	async checkSend() {
		this.check = null;
		const done = await this.#run('check', (id, listener) => engine().magentoCheckSend(id, listener));
		if (!done) return;
		this.check = done;
		this.choices = Object.fromEntries(done.conflicts.map((c) => [c.id, '']));
	}

	chooseAll(choice: ConflictChoice) {
		this.choices = Object.fromEntries(Object.keys(this.choices).map((id) => [id, choice]));
	}

	async send() {
		const chosen = Object.fromEntries(Object.entries(this.choices).filter(([, c]) => c !== '')) as Record<
			string,
			ConflictChoice
		>;
		const done = await this.#run('send', (id, listener) => engine().magentoSend(id, chosen, listener));
		this.check = null;
		if (done) this.result = { ok: true, message: done.message };
	}

	cancel() {
		this.job.cancel();
	}
}

export const magentoSync = new MagentoSync();
