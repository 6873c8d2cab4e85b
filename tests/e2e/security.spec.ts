// The locked-down page: the Content-Security-Policy is in place and blocks injected inline script,
// the built app asks no other origin for anything (page, engine worker and service worker), and text
// that looks like markup is shown as text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';
import { newSource, type Source } from '../../src/lib/domain/types';

type Engine = {
	saveSource(source: Source, original: null): Promise<{ ok: boolean }>;
	createProduct(draft: { sku: string; name: string; barcodes: string[] }): Promise<{ ok: boolean }>;
	saveProduct(sku: string, edit: unknown): Promise<{ ok: boolean }>;
};

const PAGES = ['/', '/count', '/import', '/export', '/sources', '/sources/default', '/history', '/settings'];

/** Every CSP violation the page reports, recorded from before any of its scripts run. */
async function recordViolations(context: BrowserContext) {
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.effectiveDirective} ${event.blockedURI}`)
		);
	});
}

const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const policyDirectives = (policy: string): Record<string, string[]> =>
	Object.fromEntries(
		policy.split(';').map((part) => {
			const [name, ...values] = part.trim().split(/\s+/);
			return [name, values];
		})
	);

test('the page carries a CSP that forbids inline script, plugins, other origins and base changes', async ({
	page
}) => {
	// The built app is static: its CSP is a <meta> tag in index.html. `vite preview` (which serves these
	// tests) sends the same policy as a header instead; both are checked to be the one policy.
	const shell = readFileSync(join(process.cwd(), 'build/index.html'), 'utf8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(shell)?.[1];
	expect(meta).toBeDefined();
	const response = await page.goto('/');
	expect(response!.headers()['content-security-policy']).toBe(meta);

	const directives = policyDirectives(meta!);
	const hashes = (values: string[]) => values.filter((v) => v.startsWith("'sha256-"));
	expect(directives['script-src'].filter((v) => !hashes([v]).length)).toEqual([
		"'self'",
		"'wasm-unsafe-eval'"
	]);
	expect(hashes(directives['script-src'])).toHaveLength(1); // SvelteKit's bootstrap
	expect(directives['style-src']).toEqual([
		"'self'",
		"'unsafe-hashes'",
		"'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='"
	]);
	expect(directives['connect-src']).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
	expect(directives['object-src']).toEqual(["'none'"]);
	expect(directives['base-uri']).toEqual(["'self'"]);
	expect(directives['default-src']).toEqual(["'self'"]);
	expect(meta).not.toContain("'unsafe-inline'");
	expect(meta).not.toContain("'unsafe-eval'");
});

test('an injected inline script does not run, and the app itself causes no violation', async ({
	context,
	page
}) => {
	await recordViolations(context);
	await openApp(page);
	expect(await violations(page)).toEqual([]);
	const ran = await page.evaluate(async () => {
		const script = document.createElement('script');
		script.textContent = 'window.injectedRan = true';
		document.head.append(script);
		const handler = document.createElement('div');
		handler.innerHTML = '<img src="/icons/icon-192.png" onload="window.injectedRan = true">';
		document.body.append(handler);
		await new Promise((resolve) => setTimeout(resolve, 300));
		return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
	});
	expect(ran).toBe(false);
	expect(await violations(page)).toEqual(['script-src-elem inline', 'script-src-attr inline']);
});

test('no request goes to another origin on any page, from the page or its workers', async ({
	context,
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const requests: { url: string; from: string }[] = [];
	context.on('request', (request) =>
		requests.push({ url: request.url(), from: request.serviceWorker() ? 'service worker' : 'page' })
	);
	await recordViolations(context);
	await openApp(page);
	await seedSample(page, 30, 2);
	await page.evaluate(() => navigator.serviceWorker.ready);
	for (const path of [...PAGES, '/products/SAMPLE-0001']) {
		await page.goto(path);
		await page.waitForFunction(() => 'stockroomEngine' in window);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(page), path).toEqual([]);
	}
	// Offline, from the service worker's cache: still nothing elsewhere.
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.setOffline(false);

	const foreign = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:'));
	expect(foreign).toEqual([]);
	// The listener does see the engine worker's script and the service worker's own fetches.
	expect(requests.some((r) => /worker/.test(r.url) && r.from === 'page')).toBe(true);
	expect(requests.some((r) => r.from === 'service worker')).toBe(true);
});

const MARKUP = '<img src=x onerror=window.xssRan=1>';

test('SKUs, names and source names that hold markup are shown as text', async ({ page }) => {
	await openApp(page);
	const source = { ...newSource('xss-1', `Room ${MARKUP}`) };
	await page.evaluate(
		async ([source, markup]) => {
			const engine = (window as unknown as { stockroomEngine: Engine }).stockroomEngine;
			await engine.saveSource(source, null);
			await engine.createProduct({ sku: `SKU${markup}`, name: `Name ${markup}`, barcodes: [] });
			await engine.saveProduct(`SKU${markup}`, {
				name: `Name ${markup}`,
				barcodes: [],
				items: [{ source: source.code, quantity: '3', status: '', notifyQty: '' }]
			});
		},
		[source, MARKUP] as const
	);
	await page.reload();
	const grid = page.getByRole('table', { name: 'Products' });
	await expect(grid.getByRole('link', { name: `SKU${MARKUP}` })).toBeVisible();
	await expect(grid.getByText(`Name ${MARKUP}`)).toBeVisible();
	// The cell's entry is drawn for the eye and repeated for screen readers: check the one on screen.
	await expect(grid.locator('[aria-hidden="true"]', { hasText: `Room ${MARKUP}: 3` })).toBeVisible();
	await expect(grid.getByRole('button', { name: /^Room <img src=x onerror=/ })).toBeVisible();
	await grid.getByRole('link', { name: `SKU${MARKUP}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`SKU${MARKUP}`);
	await expect(page.getByLabel('Name')).toHaveValue(`Name ${MARKUP}`);
	await expect(page.getByRole('rowheader', { name: new RegExp('Room <img') })).toBeVisible();
	await page.goto('/sources');
	await expect(page.getByText(`Room ${MARKUP}`).first()).toBeVisible();
	await page.goto('/history');
	await expect(page.getByText(`SKU${MARKUP}`).first()).toBeVisible();
	for (const path of ['/', '/sources', '/history']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await page.locator('img[src="x"]').count(), path).toBe(0);
	}
	expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
});
