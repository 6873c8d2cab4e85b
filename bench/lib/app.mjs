// Loads bench/lib/app.ts (TypeScript with the app's `$lib` alias) through Vite's module runner.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app's constants the scenarios use: see app.ts. */
export async function loadApp() {
	const { module } = await runnerImport(resolve(projectDir, 'bench/lib/app.ts'), {
		configFile: false,
		root: projectDir,
		logLevel: 'error',
		resolve: { alias: { $lib: resolve(projectDir, 'src/lib') } }
	});
	return module;
}
