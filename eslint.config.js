import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Static SPA without base path: plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// The layers (README, Architecture): enforced here rather than remembered.
	...[
		{
			files: ['src/lib/domain/**'],
			regex: String.raw`^(\$lib/(db|worker|ui)|\$app|svelte|dexie|comlink)(/|$)|^(\.\./)+(db|worker|ui)(/|$)`,
			message: 'The domain is pure TypeScript: no storage, worker, UI, Svelte or Dexie.'
		},
		{
			files: ['src/lib/ui/**', 'src/routes/**'],
			regex: String.raw`^(\$lib/db|dexie)(/|$)|^(\.\./)+db(/|$)`,
			message: 'The UI reaches data only through the engine (src/lib/worker), never the database.'
		},
		{
			files: ['src/lib/db/**'],
			// A storage test may start the engine on the data it wrote (an upgraded database).
			ignores: ['src/lib/db/**/*.test.ts'],
			regex: String.raw`^(\$lib/(worker|ui)|\$app|svelte)(/|$)|^(\.\./)+(worker|ui)(/|$)`,
			message: 'Storage knows the domain only: never the worker or the UI.'
		},
		{
			files: ['src/lib/worker/**'],
			regex: String.raw`^dexie(/|$)`,
			message: 'Only src/lib/db talks to Dexie: call a function of src/lib/db instead.'
		}
	].map(({ regex, message, ...where }) => ({
		...where,
		rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] }
	})),
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'reports/', 'test-results/', 'bench/data/'] }
);
