// Settings: the default notify quantity.

import { fail, succeed, type Outcome } from '$lib/domain/outcome';
import { parseQuantity } from '$lib/domain/quantity';
import { quantityProblemMessage } from '$lib/domain/productRules';
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
			const parsed = parseQuantity(raw);
			if (!parsed.ok) {
				const message = quantityProblemMessage('Default notify quantity', raw, parsed.problem);
				return fail(message, [{ field: 'defaultNotifyQty', message }]);
			}
			const settings = { ...store.settings, defaultNotifyQty: parsed.value };
			await store.saveSettings(settings);
			return succeed(settings);
		}
	};
}
