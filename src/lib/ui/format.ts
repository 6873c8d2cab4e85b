// Numbers on screen follow the user's locale; files stay plain (domain/quantity.ts).

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

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
