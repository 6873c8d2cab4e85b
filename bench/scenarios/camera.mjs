// Bench scenario: camera scanning. For a 640×480 and a 1280×720 camera (Chromium's fake camera playing
// a .y4m drawn here with bwip-js), it measures in the page the decode time per frame (in the decoder
// worker, ZXing WebAssembly, cropped to the viewfinder), the scan-to-counted time (frame grabbed →
// the counted line shown), and the page's frame rate while scanning. Self-contained: one exported
// function, given Playwright's `chromium` and the served app's address; registered in index.mjs as a
// `fresh` scenario (it launches its own browsers: the fake camera is a launch flag).
//
//   npm run bench -- --only camera
//   node bench/scenarios/camera.mjs [http://localhost:4174]      (against a running `vite preview`)

import { rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { drawBarcode, fakeCameraArgs, writeY4m } from '../../scripts/fakeCamera.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/browser.mjs';

const SIZES = [
	{ width: 640, height: 480 },
	{ width: 1280, height: 720 }
];
const CODES = [
	{ sku: 'BENCH-EAN', bcid: 'ean13', text: '4006381333931' },
	{ sku: 'BENCH-UPC', bcid: 'upca', text: '036000291452' },
	{ sku: 'BENCH-128', bcid: 'code128', text: 'BENCH-128' },
	{ sku: 'BENCH-QR', bcid: 'qrcode', text: 'BENCH-QR' }
];
const FPS = 10;
const SCAN_SECONDS = 7;

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * @param {import('@playwright/test').BrowserType} chromium
 * @param {{ baseURL: string, executablePath?: string, args?: string[] }} options
 */
export async function cameraScan(
	chromium,
	{ baseURL, executablePath = CHROMIUM_PATH, args = CHROMIUM_ARGS }
) {
	const results = {};
	for (const size of SIZES) {
		const label = `${size.width}x${size.height}`;
		const video = join(os.tmpdir(), `stockroom-bench-camera-${process.pid}-${label}.y4m`);
		// Each code in view for 1 s, then 0.6 s of nothing, so every appearance is one counted scan.
		const scale = size.width >= 1280 ? 4 : 3;
		writeY4m(
			video,
			CODES.flatMap((code) => [
				{ barcode: null, seconds: 0.6 },
				{ barcode: drawBarcode(code.bcid, code.text, code.bcid === 'qrcode' ? scale + 2 : scale), seconds: 1 }
			]).concat([{ barcode: null, seconds: 2 }]),
			size.width,
			size.height,
			FPS
		);
		const browser = await chromium.launch({
			executablePath,
			args: [...args, ...fakeCameraArgs(video)]
		});
		try {
			results[label] = await measure(browser, baseURL);
		} finally {
			await browser.close();
			rmSync(video, { force: true });
		}
	}
	return results;
}

async function measure(browser, baseURL) {
	const context = await browser.newContext({
		permissions: ['camera'],
		viewport: { width: 1024, height: 768 }
	});
	const page = await context.newPage();
	await page.goto(new URL('/count', baseURL).href);
	await page.waitForFunction(() => 'stockroomEngine' in window);
	await page.evaluate(async (codes) => {
		for (const code of codes) {
			await window.stockroomEngine.createProduct({ sku: code.sku, name: code.sku, barcodes: [code.text] });
		}
	}, CODES);
	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('button', { name: 'Start count' }).click();
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	await page.getByRole('button', { name: 'Stop camera' }).waitFor();
	// Frame rate of the page while the camera runs: requestAnimationFrame callbacks over the scan.
	const fps = await page.evaluate(
		(seconds) =>
			new Promise((resolve) => {
				let frames = 0;
				const started = performance.now();
				const tick = (now) => {
					frames++;
					if (now - started < seconds * 1000) requestAnimationFrame(tick);
					else resolve((frames * 1000) / (now - started));
				};
				requestAnimationFrame(tick);
			}),
		SCAN_SECONDS
	);
	const stats = await page.evaluate(() => window.stockroomScanStats ?? { frames: [], hits: [] });
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await context.close();
	// The first frame also pays for compiling the WebAssembly (done in warm-up, but keep it out anyway).
	const decode = stats.frames.slice(1).map((frame) => frame.decodeMs);
	const latency = stats.hits.map((hit) => hit.shownAt - hit.grabbedAt);
	return {
		engine: stats.frames[0]?.engine ?? null,
		frames: stats.frames.length,
		decodeMedianMs: round(median(decode)),
		decodeP95Ms: round(percentile(decode, 0.95)),
		hits: stats.hits.length,
		expectedHits: CODES.length,
		scanToCountedMedianMs: round(median(latency)),
		scanToCountedMaxMs: round(latency.length ? Math.max(...latency) : null),
		// A code appears at a random point between two camera frames: add up to one frame interval.
		frameIntervalMs: 1000 / FPS,
		fps: round(fps)
	};
}

async function run({ report, baseUrl, targets }) {
	const { chromium } = await import('@playwright/test');
	const results = await cameraScan(chromium, { baseURL: baseUrl });
	for (const [size, r] of Object.entries(results)) {
		report.figure('camera', `${size}: decode per frame, median (${r.engine})`, r.decodeMedianMs, 'ms');
		report.figure('camera', `${size}: decode per frame, 95th centile`, r.decodeP95Ms, 'ms');
		report.figure(
			'camera',
			`${size}: frame grabbed → counted line shown, median`,
			r.scanToCountedMedianMs,
			'ms',
			{
				limit: targets.cameraScanMs
			}
		);
		report.figure('camera', `${size}: frame grabbed → counted line shown, max`, r.scanToCountedMaxMs, 'ms');
		report.figure('camera', `${size}: page frame rate while scanning`, r.fps, 'fps');
		report.figure('camera', `${size}: codes counted of ${r.expectedHits}`, r.hits, 'codes');
	}
}

export default {
	name: 'camera',
	on: 'fresh',
	about: 'decode camera frames (fake camera, 640×480 and 1280×720) until the count shows each code',
	run
};

if (import.meta.url === `file://${process.argv[1]}`) {
	const { chromium } = await import('@playwright/test');
	const baseURL = process.argv[2] ?? 'http://localhost:4174';
	console.log(JSON.stringify(await cameraScan(chromium, { baseURL }), null, 2));
}
