// A large, deterministic Stock Sources CSV: `rows` rows over `sources` sources (`src-1`…), each SKU
// on every source in turn, quantities from a fixed pseudo-random sequence (some with decimals, some 0).

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * @param {string} file
 * @param {number} rows
 * @param {number} sources
 * @param {string[]} [columns]
 */
export async function writeStockCsv(
	file,
	rows,
	sources,
	columns = ['source_code', 'sku', 'status', 'quantity']
) {
	const out = createWriteStream(file);
	let seed = 7;
	const next = () => {
		seed ^= seed << 13;
		seed >>>= 0;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		seed >>>= 0;
		return seed;
	};
	const width = String(Math.ceil(rows / sources)).length;
	let chunk = `${columns.join(',')}\n`;
	for (let i = 0; i < rows; i++) {
		const sku = `BENCH-${String(Math.floor(i / sources) + 1).padStart(width, '0')}`;
		const random = next();
		const quantity = random % 7 === 0 ? 0 : random % 5 === 0 ? (random % 10_000) / 100 : random % 500;
		chunk += `src-${(i % sources) + 1},${sku},${quantity > 0 ? 1 : 0},${quantity}\n`;
		if (chunk.length > 1 << 16) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}
