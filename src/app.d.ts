// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Message, stack and app version, for Copy details (set by hooks.client.ts). */
			details?: string;
		}
	}
}

export {};
