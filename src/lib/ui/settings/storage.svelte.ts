// How much this device stores for the app and whether the browser may evict it.

import { formatBytes } from '$lib/ui/format';

class StorageStatus {
	used = $state('');
	quota = $state('');
	persistent = $state<boolean | null>(null);

	async refresh() {
		if (!navigator.storage) return;
		const estimate = await navigator.storage.estimate();
		this.used = formatBytes(estimate.usage ?? 0);
		this.quota = formatBytes(estimate.quota ?? 0);
		this.persistent = await navigator.storage.persisted();
	}

	/** Asked once real data exists (docs/domain-rules.md, Storage); browsers decide, we show the outcome. */
	async requestPersistence(): Promise<boolean> {
		if (!navigator.storage?.persist) return false;
		const granted = await navigator.storage.persist();
		await this.refresh();
		return granted;
	}
}

export const storageStatus = new StorageStatus();
