// Test-only hooks, off unless localStorage holds `stockroom.debug` = "on" (README, "Security"): they
// let an end-to-end test make the engine worker crash or hang, and shorten the hang timeout.

const PREFIX = 'stockroom.debug';

export function debugEnabled(): boolean {
	try {
		return localStorage.getItem(PREFIX) === 'on';
	} catch {
		return false;
	}
}

/** A debug setting such as `hangTimeoutMs`; null unless debugging is on. */
export function debugSetting(name: string): string | null {
	return debugEnabled() ? localStorage.getItem(`${PREFIX}.${name}`) : null;
}
