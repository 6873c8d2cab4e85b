// Registers the service worker through workbox-window and offers "Reload to update" when a new
// version is waiting. Not in dev: Vite serves modules the service worker would cache stale.

import { Workbox } from 'workbox-window';

class AppUpdate {
	updateReady = $state(false);
	online = $state(true);
	#workbox: Workbox | null = null;

	start() {
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
		this.#workbox = new Workbox('/service-worker.js');
		this.#workbox.addEventListener('waiting', () => (this.updateReady = true));
		this.#workbox.addEventListener('controlling', (event) => {
			if (event.isUpdate) location.reload();
		});
		// Where the browser refuses a service worker (blocked by policy, a private window), the app
		// still works online; that is no error to show the user.
		this.#workbox.register().catch((error: unknown) => console.warn('No service worker:', error));
	}

	reload() {
		if (this.#workbox) this.#workbox.messageSkipWaiting();
		else location.reload();
	}
}

export const appUpdate = new AppUpdate();
