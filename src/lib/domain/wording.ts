// How numbers read in messages: "1 product", "1,204 products" (messages are in English).

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatNumber(value: number): string {
	return COUNT_FORMAT.format(value);
}

export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
	return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}

/** `20261122_140233` in local time, for file names. */
export function fileStamp(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return (
		`${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}_` +
		`${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`
	);
}

/** Said when the database was upgraded by a newer Stockroom than the one running. */
export const NEWER_DATABASE_MESSAGE =
	'This data was saved by a newer version of Stockroom. Reload to update.';
