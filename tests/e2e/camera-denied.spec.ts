// Camera permission denied: headless Chromium without the fake-UI flag refuses the camera, as a user
// pressing Block would. The page says how to allow it, and typing keeps counting.
import { expect, test } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { addCameraProducts, startCount } from './cameraSteps';
import { openApp } from './helpers';

// No fake UI: headless Chromium then refuses the camera prompt, as a user pressing Block would.
test.use({
	launchOptions: {
		...chromiumLaunch,
		args: [...chromiumLaunch.args, '--use-fake-device-for-media-stream']
	},
	permissions: []
});

test('says how to allow the camera, and typing still counts', async ({ page }) => {
	await openApp(page, '/count');
	await addCameraProducts(page);
	await startCount(page);
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	await expect(page.getByRole('alert')).toContainText(
		"Allow the camera for this site in the browser's settings"
	);
	const field = page.getByRole('textbox', { name: 'Scan or type SKU or barcode' });
	await field.fill('036000291452');
	await field.press('Enter');
	await expect(page.getByRole('status')).toHaveText('CAM-UPC: 1 counted.');
});
