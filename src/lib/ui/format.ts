// Numbers on screen follow the user's locale; files stay plain (domain/quantity.ts).

import { bytesText } from '$lib/domain/storageHealth';

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatQuantity(value: number): string {
	return quantityFormat.format(value);
}

/** `Today 14:02`, `Yesterday 09:10`, `3 Nov 2026 17:45`. */
export function formatWhen(at: number, now = Date.now()): string {
	const day = (t: number) => new Date(t).toDateString();
	const time = timeFormat.format(at);
	if (day(at) === day(now)) return `Today ${time}`;
	if (day(at) === day(now - 86_400_000)) return `Yesterday ${time}`;
	return `${dateFormat.format(at)} ${time}`;
}

/** `1.5 MB`. */
export const formatBytes = bytesText;
