import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: 'index.html' }),
		// The SPA shell answers every deep link (/products/X): its asset URLs must be absolute.
		paths: { relative: false },
		// Registered by workbox-window in the root layout so the app can offer "Reload to update".
		serviceWorker: { register: false }
	}
};

export default config;
