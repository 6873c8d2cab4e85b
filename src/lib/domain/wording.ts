// How numbers read in messages: "1 product", "1,204 products" (messages are in English).

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatNumber(value: number): string {
	return COUNT_FORMAT.format(value);
}

export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
	return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}
