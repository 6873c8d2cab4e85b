// Decodes camera frames off the main thread, one ImageBitmap at a time. Uses the browser's own
// BarcodeDetector when it reads every format Stockroom needs, else ZXing compiled to WebAssembly. The
// .wasm is the app's own build output (precached by the service worker), its address given by the page:
// the package's default would fetch it from a CDN, which breaks offline scanning and sends a request to
// a third party. Imports are static so that the worker is one file, which the service worker precaches.

import { BarcodeDetector as ZXingDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import * as Comlink from 'comlink';
import { SCAN_FORMATS, type FrameResult } from './formats';

interface Detector {
	detect(image: ImageBitmap): Promise<{ rawValue: string; format: string }[]>;
}
interface DetectorClass {
	new (options: { formats: string[] }): Detector;
	getSupportedFormats(): Promise<readonly string[]>;
}

let detector: Promise<{ detector: Detector; engine: FrameResult['engine'] }> | null = null;

async function createDetector(
	wasmUrl: string
): Promise<{ detector: Detector; engine: FrameResult['engine'] }> {
	const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
	if (native) {
		const supported = await native.getSupportedFormats();
		if (SCAN_FORMATS.every((format) => supported.includes(format))) {
			return { detector: new native({ formats: [...SCAN_FORMATS] }), engine: 'native' };
		}
	}
	prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
		}
	});
	return { detector: new ZXingDetector({ formats: [...SCAN_FORMATS] }), engine: 'zxing' };
}

const decoder = {
	/** Loads the detector (and the WebAssembly) so that the first frame is not the slow one. */
	async warmUp(wasmUrl: string): Promise<FrameResult['engine']> {
		detector ??= createDetector(wasmUrl);
		const ready = await detector;
		const blank = await createImageBitmap(new ImageData(8, 8));
		await ready.detector.detect(blank);
		blank.close();
		return ready.engine;
	},

	/** Decodes one frame; `warmUp` must have been called. */
	async decode(frame: ImageBitmap): Promise<FrameResult> {
		if (!detector) throw new Error('the decoder was not started');
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
