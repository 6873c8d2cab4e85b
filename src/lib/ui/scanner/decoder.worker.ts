// Decodes camera frames off the main thread, one ImageBitmap at a time. Uses the browser's own
// BarcodeDetector when it reads every format Stockroom needs, else ZXing compiled to WebAssembly. The
// .wasm is the app's own build output (precached by the service worker): the package's default would
// fetch it from a CDN, which breaks offline scanning and sends a request to a third party.

import * as Comlink from 'comlink';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { SCAN_FORMATS, type FrameResult } from './formats';

interface Detector {
	detect(image: ImageBitmap): Promise<{ rawValue: string; format: string }[]>;
}
interface DetectorClass {
	new (options: { formats: string[] }): Detector;
	getSupportedFormats(): Promise<readonly string[]>;
}

let detector: Promise<{ detector: Detector; engine: FrameResult['engine'] }> | null = null;

async function createDetector(): Promise<{ detector: Detector; engine: FrameResult['engine'] }> {
	const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
	if (native) {
		const supported = await native.getSupportedFormats();
		if (SCAN_FORMATS.every((format) => supported.includes(format))) {
			return { detector: new native({ formats: [...SCAN_FORMATS] }), engine: 'native' };
		}
	}
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
		}
	});
	return { detector: new BarcodeDetector({ formats: [...SCAN_FORMATS] }), engine: 'zxing' };
}

const decoder = {
	/** Loads the detector (and the WebAssembly) so that the first frame is not the slow one. */
	async warmUp(): Promise<FrameResult['engine']> {
		detector ??= createDetector();
		const ready = await detector;
		const blank = new OffscreenCanvas(8, 8).transferToImageBitmap();
		await ready.detector.detect(blank);
		blank.close();
		return ready.engine;
	},

	async decode(frame: ImageBitmap): Promise<FrameResult> {
		detector ??= createDetector();
		const { detector: ready, engine } = await detector;
		const started = performance.now();
		try {
			const found = await ready.detect(frame);
			return {
				codes: found.map((code) => ({ value: code.rawValue, format: code.format })),
				decodeMs: performance.now() - started,
				engine
			};
		} finally {
			frame.close();
		}
	}
};

export type Decoder = typeof decoder;

Comlink.expose(decoder);
