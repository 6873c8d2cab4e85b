// The decoder's JavaScript (bundled in barcode-detector) and its WebAssembly (zxing-wasm) must be the
// exact same build: a mismatched .wasm loads, then fails at run time with an allocation error. The
// package states the SHA-256 of the .wasm it was built for; the file the app ships must have it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the ZXing WebAssembly the app ships', () => {
	it('is the build barcode-detector expects (the file `?url` imports)', () => {
		// The same specifier decoderClient.ts imports, resolved through the package's exports.
		const file = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
		expect(sha256(file)).toBe(ZXING_WASM_SHA256);
		const manifest = JSON.parse(readFileSync(join(dirname(file), '../../package.json'), 'utf8'));
		expect(manifest.version).toBe(ZXING_WASM_VERSION);
	});

	it('is the file in the build output, when the app has been built', () => {
		const assets = join(process.cwd(), 'build/_app/immutable/assets');
		const built = existsSync(assets)
			? readdirSync(assets).filter((name) => /^zxing_reader\..*\.wasm$/.test(name))
			: [];
		// Without a build (a fresh clone running unit tests first) there is nothing to compare yet.
		for (const name of built) expect(sha256(join(assets, name))).toBe(ZXING_WASM_SHA256);
		expect(built.length).toBeLessThanOrEqual(1);
	});
});
