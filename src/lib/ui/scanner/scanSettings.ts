// Scanner preferences kept on this device: the cooldown between two counts of one code, and the camera
// chosen last (a tablet's back camera, say), so it opens next time without asking.

import { clampCooldown, DEFAULT_COOLDOWN_MS } from '$lib/domain/barcode/cooldown';

const COOLDOWN_KEY = 'stockroom.scanCooldownMs';
const CAMERA_KEY = 'stockroom.cameraId';

function stored(key: string): string | null {
	return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
}

export function scanCooldownMs(): number {
	const value = stored(COOLDOWN_KEY);
	return value === null ? DEFAULT_COOLDOWN_MS : clampCooldown(Number(value));
}

export function setScanCooldownMs(ms: number): number {
	const clamped = clampCooldown(ms);
	localStorage.setItem(COOLDOWN_KEY, String(clamped));
	return clamped;
}

export function rememberedCamera(): string | null {
	return stored(CAMERA_KEY);
}

export function rememberCamera(deviceId: string) {
	localStorage.setItem(CAMERA_KEY, deviceId);
}
