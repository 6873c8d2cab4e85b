// What the build being measured offers, read from its bundles (names of engine methods and the
// accessible names the pages use), so that a phase whose feature is not built yet is skipped with a
// note rather than failing half-way.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function readAll(dir, out = []) {
	if (!existsSync(dir)) return out;
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) readAll(path, out);
		else if (path.endsWith('.js')) out.push(readFileSync(path, 'utf8'));
	}
	return out;
}

export function detectFeatures(appDir) {
	// `vite preview` serves .svelte-kit/output/client; build/ holds the same files after a build.
	const served = join(appDir, '.svelte-kit', 'output', 'client', '_app');
	const client = readAll(existsSync(served) ? served : join(appDir, 'build', '_app')).join('\n');
	const has = (text) => client.includes(text);
	const importMethods = ['checkImport', 'runImport', 'importCsv', 'validateImport', 'applyImport'].filter(
		has
	);
	const exportMethods = ['exportCsv', 'exportStockSources', 'runExport', 'exportRows'].filter(has);
	return {
		transferInventory: has('transferInventory'),
		importPage: has('Select file to import') && has('Check Data'),
		// The Export page is looked for at run time (its "Export" button), not here.
		importMethods,
		exportMethods
	};
}
