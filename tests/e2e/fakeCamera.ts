// A fake camera for Chromium: a YUV4MPEG2 (.y4m) video generated at test set-up from barcodes drawn with
// bwip-js, played by `--use-file-for-fake-video-capture`. Nothing binary is checked in: each spec writes
// the video it needs. Frames are grayscale: Y holds the picture, U and V are a flat 128 (no colour).
import bwipjs from 'bwip-js/node';
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Bitmap {
	width: number;
	height: number;
	/** One byte per pixel, 0 black to 255 white. */
	gray: Uint8Array;
}

/** A barcode drawn by bwip-js as a grayscale bitmap (`bcid`: ean13, upca, code128, qrcode, …). */
export function drawBarcode(bcid: string, text: string, scale = 3): Bitmap {
	let captured: { buffer: Uint8Array; width: number; height: number } | null = null;
	const drawing = bwipjs.drawingZlibPng();
	const image = (drawing as unknown as { image(w: number, h: number): { buffer: Uint8Array } }).image;
	Object.assign(drawing, {
		image(width: number, height: number) {
			const result = image(width, height);
			captured = { buffer: result.buffer, width, height };
			return result;
		},
		end: () => captured
	});
	bwipjs.render(
		{
			bcid,
			text,
			scale,
			...(bcid === 'qrcode' ? {} : { height: 18 }),
			includetext: false,
			backgroundcolor: 'FFFFFF',
			paddingwidth: 6,
			paddingheight: 6
		},
		drawing as never
	);
	const { buffer, width, height } = captured as unknown as {
		buffer: Uint8Array;
		width: number;
		height: number;
	};
	// The drawing's rows are PNG rows: one filter byte, then RGBA per pixel.
	const gray = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 4 + 1) + 1;
		for (let x = 0; x < width; x++) gray[y * width + x] = buffer[row + x * 4];
	}
	return { width, height, gray };
}

/** One video scene: a barcode (or nothing) shown for `seconds`. */
export interface Scene {
	barcode: Bitmap | null;
	seconds: number;
}

/** Writes a .y4m of the scenes, each code centred on a light grey background. */
export function writeY4m(file: string, scenes: Scene[], width = 640, height = 480, fps = 10) {
	mkdirSync(dirname(file), { recursive: true });
	const fd = openSync(file, 'w');
	try {
		writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
		const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
		for (const scene of scenes) {
			const luma = frameOf(scene.barcode, width, height);
			const frames = Math.round(scene.seconds * fps);
			for (let i = 0; i < frames; i++) {
				writeSync(fd, 'FRAME\n');
				writeSync(fd, luma);
				writeSync(fd, chroma);
			}
		}
	} finally {
		closeSync(fd);
	}
}

function frameOf(barcode: Bitmap | null, width: number, height: number): Uint8Array {
	const luma = new Uint8Array(width * height).fill(200);
	if (!barcode) return luma;
	const left = Math.floor((width - barcode.width) / 2);
	const top = Math.floor((height - barcode.height) / 2);
	for (let y = 0; y < barcode.height; y++) {
		const to = (top + y) * width + left;
		if (top + y < 0 || top + y >= height) continue;
		luma.set(
			barcode.gray.subarray(y * barcode.width, y * barcode.width + Math.min(barcode.width, width - left)),
			to
		);
	}
	return luma;
}

/** Chromium flags that play `file` as the camera, granting the permission without a prompt. */
export function fakeCameraArgs(file: string): string[] {
	return [
		'--use-fake-ui-for-media-stream',
		'--use-fake-device-for-media-stream',
		`--use-file-for-fake-video-capture=${file}`
	];
}
