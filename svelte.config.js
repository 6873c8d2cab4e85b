import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** sha256 of the style attribute of SvelteKit's visually hidden route announcer. */
const SVELTEKIT_ANNOUNCER_STYLE = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: 'index.html' }),
		// The SPA shell answers every deep link (/products/X): its asset URLs must be absolute.
		paths: { relative: false },
		// Registered by workbox-window in the root layout so the app can offer "Reload to update".
		serviceWorker: { register: false },
		// A static app has no server to send headers, so SvelteKit writes this as a <meta> tag, with the
		// hash of its own inline bootstrap script (mode 'hash'): no other inline script can run.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// 'wasm-unsafe-eval' lets WebAssembly (the barcode decoder) compile; it allows no JS eval.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				// Svelte's CSS is extracted to files and `style:` sets properties through the CSSOM, which
				// CSP does not restrict, so 'unsafe-inline' is not needed. The one inline style attribute is
				// SvelteKit's own route announcer (sveltejs/kit#11993), allowed by its exact hash only; the
				// e2e test that fails on any CSP violation says when a SvelteKit update changes it.
				'style-src': ['self', 'unsafe-hashes', SVELTEKIT_ANNOUNCER_STYLE],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'manifest-src': ['self'],
				// https: for the store's own Magento REST API, whose address the user enters; plain http only
				// on loopback, the one place the Store URL rule accepts it (a store on this machine, tests).
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
