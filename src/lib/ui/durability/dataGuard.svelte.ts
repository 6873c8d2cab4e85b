// The page's side of durability: the marker of what this device held (in localStorage, which a
// browser's eviction of IndexedDB and the other quota storage leaves in place), the data-lost state
// with its one-tap restore, and the backup reminder.

import { backupReminder, type BackupReminder, type DataMarker } from '$lib/domain/storageHealth';
import { downloadBlob } from '$lib/ui/download';
import { engine, onEngineChange } from '$lib/ui/engine';
import { storageStatus } from '$lib/ui/settings/storage.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import type { CopyInfo, StorageHealth } from '$lib/worker/durabilityCommands';

const MARKER_KEY = 'stockroom.dataMarker';
const LAST_BACKUP_KEY = 'stockroom.lastBackupAt';
const REMINDER_DISMISSED_KEY = 'stockroom.backupReminderDismissedAt';
const MIRROR_KEY = 'stockroom.lastGoodCopy';
/** localStorage holds about 5 million characters per site; a copy up to this size fits as base64. */
const MIRROR_MAX_BYTES = 3 * 1024 * 1024;

interface Mirror {
	info: CopyInfo;
	base64: string;
}

function toBase64(bytes: ArrayBuffer): string {
	const view = new Uint8Array(bytes);
	let text = '';
	for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
	return btoa(text);
}

function fromBase64(base64: string): Blob {
	const text = atob(base64);
	const view = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
	return new Blob([view]);
}

function readJson<T>(key: string): T | null {
	try {
		const text = localStorage.getItem(key);
		return text === null ? null : (JSON.parse(text) as T);
	} catch {
		return null;
	}
}

class DataGuard {
	health = $state.raw<StorageHealth | null>(null);
	/** What the device held before the loss, for the message. */
	marker = $state.raw<DataMarker | null>(null);
	busy = $state(false);
	error = $state('');
	lastBackupAt = $state<number | null>(null);
	dismissedAt = $state<number | null>(null);
	#started = false;

	get lost(): boolean {
		return this.health?.lost ?? false;
	}

	/** The copy a restore would bring back: the worker's (OPFS or memory), else the page's mirror. */
	get copy(): CopyInfo | null {
		return this.health?.copy ?? this.mirror?.info ?? null;
	}

	mirror = $state.raw<Mirror | null>(null);

	get reminder(): BackupReminder {
		if (!this.health || this.lost) return 'none';
		return backupReminder({
			products: this.health.now.products,
			lastBackupAt: this.lastBackupAt,
			persistent: storageStatus.persistent,
			dismissedAt: this.dismissedAt,
			now: Date.now()
		});
	}

	/** Once per page load: check now, and again whenever stored data changes. */
	start() {
		if (this.#started) return;
		this.#started = true;
		this.lastBackupAt = readJson<number>(LAST_BACKUP_KEY);
		this.dismissedAt = readJson<number>(REMINDER_DISMISSED_KEY);
		this.mirror = readJson<Mirror>(MIRROR_KEY);
		void this.check();
		onEngineChange(['products', 'sources', 'history', 'storage'], () => void this.check());
	}

	async check() {
		const marker = readJson<DataMarker>(MARKER_KEY);
		const health = await engine().storageHealth(marker);
		this.marker = marker;
		this.health = health;
		if (health.lost) return;
		localStorage.setItem(MARKER_KEY, JSON.stringify(health.now));
		if (health.copy && health.copy.at !== this.mirror?.info.at) await this.#refreshMirror();
	}

	/** Small copies are mirrored here: localStorage outlives the deletion of the site's other storage. */
	async #refreshMirror() {
		const copy = await engine().lastGoodCopyBytes(MIRROR_MAX_BYTES);
		try {
			if (!copy) {
				localStorage.removeItem(MIRROR_KEY);
				this.mirror = null;
				return;
			}
			const mirror: Mirror = { info: copy.info, base64: toBase64(copy.bytes) };
			localStorage.setItem(MIRROR_KEY, JSON.stringify(mirror));
			this.mirror = mirror;
		} catch {
			// localStorage full: the copies in OPFS and in the worker remain.
		}
	}

	async restoreCopy() {
		await this.#busy(async () => {
			const mirrored = this.health?.copy || !this.mirror ? undefined : fromBase64(this.mirror.base64);
			const result = await engine().restoreLastGoodCopy(mirrored);
			if (!result.ok) {
				this.error = result.message;
				return;
			}
			toasts.show(`Restored ${result.value.products.toLocaleString()} products from the last-good copy.`);
		});
	}

	async keepCurrent() {
		await this.#busy(() => engine().keepCurrentData(this.marker?.seq ?? 0));
	}

	/** Downloads a backup of everything and remembers when (for the reminder). */
	async backUp() {
		await this.#busy(async () => {
			const { blob, fileName } = await engine().backUp();
			downloadBlob(blob, fileName);
			this.lastBackupAt = Date.now();
			localStorage.setItem(LAST_BACKUP_KEY, JSON.stringify(this.lastBackupAt));
			toasts.show(`Backup saved as ${fileName}.`);
		});
	}

	dismissReminder() {
		this.dismissedAt = Date.now();
		localStorage.setItem(REMINDER_DISMISSED_KEY, JSON.stringify(this.dismissedAt));
	}

	async #busy(work: () => Promise<unknown>) {
		this.busy = true;
		this.error = '';
		try {
			await work();
			await this.check();
		} catch (error) {
			this.error = `That did not work: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.busy = false;
		}
	}
}

export const dataGuard = new DataGuard();
