// Commands for end-to-end tests of the page's worker supervision: the page refuses to send them unless
// its debug switch is on (lib/ui/errors/debugHooks.ts).

export function debugCommands() {
	return {
		/** Answers at once: the page's watchdog asks this while calls wait. */
		ping(): true {
			return true;
		},

		/** An uncaught error in the worker, as a bug would throw one. */
		debugCrash() {
			setTimeout(() => {
				throw new Error('Crash requested by a test (debug hook).');
			});
		},

		/** A worker stuck in a loop, as a runaway computation would be: it never answers again. */
		debugHang() {
			setTimeout(() => {
				for (;;) {
					// spins until the page terminates the worker
				}
			});
		}
	};
}
