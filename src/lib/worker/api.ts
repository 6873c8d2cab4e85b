// The engine's one typed API, grouped by domain (as Actual's handler maps): the page calls these
// through Comlink, and tests call them directly.

import * as Comlink from 'comlink';
import { historyCommands } from './historyCommands';
import { magentoCommands } from './magentoCommands';
import { massActionCommands } from './massActionCommands';
import { backupCommands } from './backupCommands';
import { countCommands } from './countCommands';
import { debugCommands } from './debugCommands';
import { durabilityCommands } from './durabilityCommands';
import { exportCommands } from './exportCommands';
import { importCommands } from './importCommands';
import { labelCommands } from './labelCommands';
import { productCommands } from './productCommands';
import { settingsCommands } from './settingsCommands';
import { sourceCommands } from './sourceCommands';
import { Store, type ChangeListener } from './store';
import { Jobs } from './jobs';

export function createEngine(store: Store) {
	const jobs = new Jobs();
	return {
		...productCommands(store),
		...sourceCommands(store),
		...settingsCommands(store),
		...backupCommands(store),
		...massActionCommands(store, jobs),
		...historyCommands(store),
		...importCommands(store, jobs),
		...exportCommands(store, jobs),
		...countCommands(store, jobs),
		...labelCommands(store),
		...debugCommands(),
		...magentoCommands(store, jobs),
		...durabilityCommands(store),

		async start(): Promise<{ products: number; sources: number }> {
			await store.start();
			return { products: store.inventory.size, sources: store.sources.length };
		},

		/** Calls `listener` with the topics that changed, from this tab or another. */
		async subscribe(listener: ChangeListener): Promise<void> {
			await store.start();
			store.subscribe(listener);
		},

		cancelJob(id: string) {
			jobs.cancel(id);
		}
	};
}

export type EngineApi = ReturnType<typeof createEngine>;
export type RemoteEngine = Comlink.Remote<EngineApi>;
