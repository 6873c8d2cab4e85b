// The symbologies Stockroom reads: retail codes (EAN/UPC), the usual warehouse codes (Code 128, Code 39,
// ITF) and the two common 2D codes. Fewer formats make every frame faster to decode.

export const SCAN_FORMATS = [
	'ean_13',
	'ean_8',
	'upc_a',
	'upc_e',
	'code_128',
	'code_39',
	'itf',
	'qr_code',
	'data_matrix'
] as const;

export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** What the decoder worker answers for one frame. */
export interface FrameResult {
	codes: { value: string; format: string }[];
	/** Time spent decoding in the worker, ms. */
	decodeMs: number;
	/** `native` when the browser's own BarcodeDetector did it, `zxing` for the WebAssembly one. */
	engine: 'native' | 'zxing';
}
