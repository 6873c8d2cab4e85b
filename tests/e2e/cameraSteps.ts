// Steps shared by the camera specs: the products their codes stand for, and starting a count.
import { expect, type Page } from '@playwright/test';

/** CAM-UPC has a UPC-A barcode (the videos show its EAN-13 form); CAM-128 has none (a Code 128 of the SKU). */
export async function addCameraProducts(page: Page) {
	// After a reload the engine's handle appears a moment after the page: wait for it.
	await page.waitForFunction(() => 'stockroomEngine' in window);
	await page.evaluate(async () => {
		const engine = (
			window as unknown as {
				stockroomEngine: {
					createProduct(d: { sku: string; name: string; barcodes: string[] }): Promise<unknown>;
				};
			}
		).stockroomEngine;
		await engine.createProduct({ sku: 'CAM-UPC', name: 'Soup can', barcodes: ['036000291452'] });
		await engine.createProduct({ sku: 'CAM-128', name: 'Shelf label', barcodes: [] });
	});
}

export async function startCount(page: Page) {
	await page.getByRole('button', { name: 'New count' }).click();
	await page.getByRole('button', { name: 'Start count' }).click();
	await expect(page.getByRole('textbox', { name: 'Scan or type SKU or barcode' })).toBeFocused();
}
