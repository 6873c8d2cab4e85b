// The page's handle on the decoder worker. Imported only when a camera opens, so the scanner's code and
// its WebAssembly stay out of the first page load.

import * as Comlink from 'comlink';
// Imported here, in the page's build, so that the .wasm is part of the files the service worker
// precaches (a worker's own assets are not in that list).
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { Decoder } from './decoder.worker';
import type { FrameResult } from './formats';

let worker: Worker | null = null;
let remote: Comlink.Remote<Decoder> | null = null;

function decoder(): Comlink.Remote<Decoder> {
	if (!remote) {
		worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' });
		remote = Comlink.wrap<Decoder>(worker);
	}
	return remote;
}

export function warmUpDecoder(): Promise<FrameResult['engine']> {
	return decoder().warmUp(wasmUrl);
}

/** Decodes one frame in the worker; the bitmap is moved there (the caller must not use it after). */
export function decodeFrame(frame: ImageBitmap): Promise<FrameResult> {
	return decoder().decode(Comlink.transfer(frame, [frame]));
}
