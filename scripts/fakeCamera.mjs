// A fake camera for Chromium: a YUV4MPEG2 (.y4m) video generated at set-up from barcodes drawn with
// bwip-js, played by `--use-file-for-fake-video-capture`. Nothing binary is checked in: each e2e spec
// and the bench write the video they need. Frames are grayscale: Y holds the picture, U and V are a
// flat 128 (no colour). Plain JavaScript so that both Playwright specs and the Node bench import it.
import bwipjs from 'bwip-js/node';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {{ width: number, height: number, gray: Uint8Array }} Bitmap  one byte per pixel, 0 black
 * @typedef {{ barcode: Bitmap | null, seconds: number }} Scene  a barcode (or nothing) shown for a while
 */

/**
 * A barcode drawn by bwip-js as a grayscale bitmap.
 * @param {string} bcid  bwip-js symbology: ean13, upca, code128, qrcode, …
 * @param {string} text
 * @returns {Bitmap}
 */
export function drawBarcode(bcid, text, scale = 3) {
	/** @type {{ buffer: Uint8Array, width: number, height: number } | null} */
	let captured = null;
	// The PNG drawing renders into an RGBA buffer it allocates in image(); keep that, skip the PNG.
	const drawing = /** @type {{ image(w: number, h: number): { buffer: Uint8Array } }} */ (
		/** @type {unknown} */ (bwipjs.drawingZlibPng())
	);
	const image = drawing.image;
	Object.assign(drawing, {
		image(/** @type {number} */ width, /** @type {number} */ height) {
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
		/** @type {never} */ (drawing)
	);
	if (!captured) throw new Error(`bwip-js drew nothing for ${bcid} ${text}`);
	const { buffer, width, height } = captured;
	// The drawing's rows are PNG rows: one filter byte, then RGBA per pixel.
	const gray = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 4 + 1) + 1;
		for (let x = 0; x < width; x++) gray[y * width + x] = buffer[row + x * 4];
	}
	return { width, height, gray };
}

/**
 * Writes a .y4m of the scenes, each code centred on a light grey background.
 * @param {string} file
 * @param {Scene[]} scenes
 */
export function writeY4m(file, scenes, width = 640, height = 480, fps = 10) {
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

/**
 * @param {Bitmap | null} barcode
 * @param {number} width
 * @param {number} height
 */
function frameOf(barcode, width, height) {
	const luma = new Uint8Array(width * height).fill(200);
	if (!barcode) return luma;
	const left = Math.max(0, Math.floor((width - barcode.width) / 2));
	const top = Math.max(0, Math.floor((height - barcode.height) / 2));
	const shown = Math.min(barcode.width, width - left);
	for (let y = 0; y < barcode.height && top + y < height; y++) {
		luma.set(barcode.gray.subarray(y * barcode.width, y * barcode.width + shown), (top + y) * width + left);
	}
	return luma;
}

/**
 * Chromium flags that play `file` as the camera, granting the permission without a prompt.
 * @param {string} file
 */
export function fakeCameraArgs(file) {
	return [
		'--use-fake-ui-for-media-stream',
		'--use-fake-device-for-media-stream',
		`--use-file-for-fake-video-capture=${file}`
	];
}
