import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunch } from '../../playwright.config';

test('Chromium reports the app installable (manifest, icons, service worker)', async ({ baseURL }) => {
	// Chromium evaluates installability only in a persistent profile.
	const profile = mkdtempSync(join(tmpdir(), 'stockroom-install-'));
	const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunch, headless: true });
	try {
		const page = await context.newPage();
		await page.goto(baseURL!);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		const cdp = await context.newCDPSession(page);
		await expect
			.poll(
				async () =>
					(await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId),
				{
					timeout: 20_000
				}
			)
			.toEqual([]);
		const manifest = await (await page.request.get('/manifest.webmanifest')).json();
		expect(manifest.display).toBe('standalone');
		expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
			'192x192 any',
			'512x512 any',
			'512x512 maskable'
		]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});
