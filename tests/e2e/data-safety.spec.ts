// Restoring a backup and removing sample data: a damaged backup is refused before anything is asked,
// a good one is restored after one question naming both sides, and the replaced data can be brought
// back; removing sample data asks first and is undone as one operation, sources included.
import { expect, test, type Page } from '@playwright/test';
import { openApp, seedSample } from './helpers';

type Remote = {
	sourceUsage(): Promise<{ source: { code: string }; items: number }[]>;
	start(): Promise<{ products: number; sources: number }>;
};

function usage(page: Page) {
	return page.evaluate(async () => {
		const engine = (window as unknown as { stockroomEngine: Remote }).stockroomEngine;
		return (await engine.sourceUsage()).map((s) => [s.source.code, s.items]);
	});
}

async function backUp(page: Page): Promise<string> {
	await page.goto('/settings');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Back up all data' }).click()
	]);
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

async function chooseBackup(page: Page, name: string, text: string) {
	await page
		.getByLabel('Restore from backup')
		.setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
}

test('a damaged backup is refused with its reason, asks nothing and changes nothing', async ({ page }) => {
	await openApp(page);
	await seedSample(page, 12, 2);
	const text = await backUp(page);
	const before = await usage(page);
	const lines = text.trimEnd().split('\n');

	await chooseBackup(page, 'cut.jsonl', lines.slice(0, -2).join('\n') + '\n');
	await expect(page.getByRole('alert')).toHaveText(
		'cut.jsonl: This backup is incomplete: its last line is missing, so the file was cut off. Nothing was restored.'
	);
	await expect(page.getByRole('dialog')).toBeHidden();

	await chooseBackup(page, 'edited.jsonl', text.replace('"quantity":', '"quantity":"abc","was":'));
	await expect(page.getByRole('alert')).toContainText(
		'edited.jsonl: This backup was changed after it was made: its checksum does not match its content.'
	);
	await expect(page.getByRole('dialog')).toBeHidden();
	expect(await usage(page)).toEqual(before);
});

test('restore asks once naming both sides, then the data before it comes back in one tap', async ({
	page
}) => {
	await openApp(page);
	await seedSample(page, 12, 2);
	const text = await backUp(page);
	await seedSample(page, 20, 3); // more products and one more source after the backup
	const after = await usage(page);

	await chooseBackup(page, 'good.jsonl', text);
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Restore good.jsonl?');
	await expect(dialog).toContainText(
		'This replaces everything on this device: 20 products (80 source items) on 4 sources, and 2 history operations.'
	);
	await expect(dialog).toContainText(
		/The backup, made\s+Today [\d:]+( [AP]M)?, holds 12 products \(36 source items\) on 3 sources, and 1 history operation\./
	);
	await expect(dialog).toContainText('What you have now is kept as a backup of its own');
	await dialog.getByRole('button', { name: 'Replace all data' }).click();
	const restored = page.locator('.toast', { hasText: /^Restored 12 products on 3 sources\./ });
	await expect(restored).toBeVisible();
	await restored.getByRole('button', { name: 'Dismiss' }).click();
	expect((await usage(page)).length).toBe(3);

	await expect(page.getByText('Data before the last restore', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Restore previous data' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Restore previous data' }).click();
	await expect(page.getByText(/^Restored 20 products on 4 sources\./)).toBeVisible();
	expect(await usage(page)).toEqual(after);
});

test('removing sample data asks first, has Undo, and the undo brings back products and sources', async ({
	page
}) => {
	await openApp(page);
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	const added = page.getByText(/^Added 60 sample products on 5 sources/);
	await expect(added).toBeVisible();
	const before = await usage(page);
	expect(before).toHaveLength(5);

	await page.getByRole('button', { name: 'Remove sample data' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('Every product whose SKU starts with SAMPLE- is deleted');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	expect(await usage(page)).toEqual(before);

	await page.getByRole('button', { name: 'Remove sample data' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Remove sample data' }).click();
	const removed = page.locator('.toast', { hasText: 'Removed 60 sample products and 4 sample sources.' });
	await expect(removed).toBeVisible();
	await expect(added).toBeHidden();
	expect(await usage(page)).toEqual([['default', 0]]);

	await removed.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText(/^Undone: Sample data removed/)).toBeVisible();
	await expect.poll(() => usage(page)).toEqual(before);
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
});
