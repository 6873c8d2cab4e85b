// The engine's side of the copy worker (copy.worker.ts): started at the first copy and kept, replaced
// when it fails, so that a crashed copier turns into a failed copy (the previous one stays) instead
// of a copy that never ends.

import * as Comlink from 'comlink';
import type { WrittenCopy } from '$lib/db/lastGoodCopy';
import type { Copier } from './copy.worker';

let running: { worker: Worker; copier: Comlink.Remote<Copier> } | null = null;

export function writeCopyInWorker(name: string, atLeastSeq: number): Promise<WrittenCopy> {
	if (!running) {
		const worker = new Worker(new URL('./copy.worker.ts', import.meta.url), { type: 'module' });
		running = { worker, copier: Comlink.wrap<Copier>(worker) };
	}
	const { worker, copier } = running;
	return new Promise<WrittenCopy>((resolve, reject) => {
		const failed = (event: ErrorEvent) => {
			if (running?.worker === worker) running = null;
			worker.terminate();
			reject(new Error(`The last-good copy could not be written: ${event.message}`));
		};
		worker.addEventListener('error', failed, { once: true });
		copier
			.write(name, atLeastSeq)
			.then(resolve, reject)
			.finally(() => worker.removeEventListener('error', failed));
	});
}
