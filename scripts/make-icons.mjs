#!/usr/bin/env node
// Draws the app icons (a stacked-boxes mark on the brand green) as PNGs without an image library.
// Run once after changing the design: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [31, 111, 92];
const CREAM = [246, 247, 245];

function crc32(bytes) {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/** `safe` is the fraction of the canvas the mark may use (maskable icons keep it in the centre 80%). */
function drawIcon(size, safe, rounded) {
	const raw = Buffer.alloc(size * (size * 4 + 1));
	const radius = rounded ? size * 0.18 : 0;
	const boxes = [
		[0.5, 0.36],
		[0.33, 0.64],
		[0.67, 0.64]
	];
	const half = (0.12 * safe) / 0.8;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const nx = (x + 0.5) / size;
			const ny = (y + 0.5) / size;
			const cx = Math.max(radius - x, 0, x - (size - 1 - radius));
			const cy = Math.max(radius - y, 0, y - (size - 1 - radius));
			const inside = cx * cx + cy * cy <= radius * radius || radius === 0;
			let color = GREEN;
			for (const [bx, by] of boxes) {
				const px = 0.5 + (bx - 0.5) * (safe / 0.8);
				const py = 0.5 + (by - 0.5) * (safe / 0.8);
				if (Math.abs(nx - px) < half && Math.abs(ny - py) < half) color = CREAM;
			}
			const at = y * (size * 4 + 1) + 1 + x * 4;
			raw[at] = color[0];
			raw[at + 1] = color[1];
			raw[at + 2] = color[2];
			raw[at + 3] = inside ? 255 : 0;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8;
	header[9] = 6;
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', drawIcon(192, 0.8, true));
writeFileSync('static/icons/icon-512.png', drawIcon(512, 0.8, true));
writeFileSync('static/icons/maskable-512.png', drawIcon(512, 0.6, false));
