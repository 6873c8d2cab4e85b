// Settings: the default notify quantity.

import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { readQuantity } from '$lib/domain/productRules';
import type { Settings } from '$lib/domain/types';
import type { Store } from './store';

export function settingsCommands(store: Store) {
	return {
		async getSettings(): Promise<Settings> {
			await store.start();
			return store.settings;
		},

		async saveDefaultNotifyQty(raw: string): Promise<Outcome<Settings>> {
			await store.start();
			const read = readQuantity('Default notify quantity', raw);
			if (!read.ok) return fail(read.message, [{ field: 'defaultNotifyQty', message: read.message }]);
			const settings = { ...store.settings, defaultNotifyQty: read.value };
			await store.saveSettings(settings);
			return succeed(settings);
		}
	};
}
