import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/domain/csv/exportFormat';
import type { EntityType } from '$lib/domain/csv/importOptions';
import { ALL_PRODUCTS, type ProductSelection } from '$lib/domain/productQuery';
import { newSource } from '$lib/domain/types';
import type { EngineApi } from './api';
import { sha256Hex } from './sha256';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('backup-restore-test');
const everything: ProductSelection = { mode: 'all', query: ALL_PRODUCTS, except: [] };
let jobs = 0;

/** A database with every kind of record: sources, products and items, history with an undo, counts, settings. */
async function everyKindOfRecord(engine: EngineApi) {
	await engine.addSampleData(40, 3);
	value(await engine.saveSource({ ...newSource('eu-1', 'EU 1'), country: 'DE', latitude: 52.52 }, null));
	value(
		await engine.createProduct({ sku: 'MB-01', name: 'Duffle "Bag", large', barcodes: ['0730143312691'] })
	);
	const move = { origin: 'wh-north', destination: 'eu-1', unassignOrigin: false };
	const transfer = value(await engine.transferInventory(`job-${++jobs}`, everything, move));
	value(await engine.undoOperation(transfer.operation!));
	value(await engine.saveDefaultNotifyQty('2.5'));
	const applied = value(
		await engine.newCount({
			source: 'default',
			blind: false,
			narrowing: { skuPrefix: '', onlyAtSource: false }
		})
	);
	value(await engine.scan(applied.count.id, 'MB-01', '7'));
	value(await engine.applyCount('apply', applied.count.id, 'leave'));
	const open = value(
		await engine.newCount({
			source: 'shop-1',
			blind: true,
			narrowing: { skuPrefix: 'SAMPLE', onlyAtSource: true }
		})
	);
	value(await engine.scan(open.count.id, 'SAMPLE-0003'));
	value(await engine.scan(open.count.id, 'NOT-A-CODE'));
}

/** Every line of a backup but its header and footer (which name the time it was made). */
async function backupBody(engine: EngineApi): Promise<string> {
	const lines = (await (await engine.backUp()).blob.text()).trimEnd().split('\n');
	return lines.slice(1, -1).join('\n');
}

async function csv(engine: EngineApi, entity: EntityType): Promise<string> {
	const result = await engine.exportCsv(`export-${++jobs}`, entity, NO_FILTERS);
	if (result.status !== 'exported') throw new Error('export cancelled');
	return result.blob.text();
}

async function everything_(engine: EngineApi) {
	return {
		backup: await backupBody(engine),
		stockSources: await csv(engine, 'stock-sources'),
		products: await csv(engine, 'products'),
		history: await engine.listOperations(0, 1000),
		counts: await engine.listCounts(),
		settings: await engine.getSettings(),
		sources: await engine.sourceUsage()
	};
}

/** A backup text with its checksum recomputed, as a careful hand-edit would leave it. */
async function resealed(text: string): Promise<string> {
	const lines = text.trimEnd().split('\n');
	const body = lines.slice(0, -1).join('\n') + '\n';
	const footer = JSON.parse(lines.at(-1)!);
	return body + JSON.stringify({ ...footer, sha256: await sha256Hex(body) }) + '\n';
}

describe('backup and restore round trip', { timeout: 30_000 }, () => {
	it('restores every kind of record: backups and exports before and after are byte-for-byte equal', async () => {
		const { engine } = openEngine();
		await everyKindOfRecord(engine);
		const before = await everything_(engine);
		expect(before.history.total).toBeGreaterThanOrEqual(5);
		// The Counts list holds the applied count and the open one.
		expect(before.counts.map((entry) => entry.count.status).sort()).toEqual(['applied', 'open']);
		const { blob } = await engine.backUp();

		// Into a fresh database, and back into the original after changing it.
		const fresh = openEngine().engine;
		value(await fresh.restore(blob));
		expect(await everything_(fresh)).toEqual(before);

		value(await engine.removeSampleData());
		value(await engine.saveDefaultNotifyQty('9'));
		value(await engine.restore(blob));
		expect(await everything_(engine)).toEqual(before);
	});

	it('refuses a truncated, edited or foreign backup with a specific message, and changes nothing', async () => {
		const { engine } = openEngine();
		await everyKindOfRecord(engine);
		const before = await everything_(engine);
		const text = await (await engine.backUp()).blob.text();
		const lines = text.trimEnd().split('\n');
		const sku = '"sku":"SAMPLE-0001"';
		expect(text).toContain(sku);

		const cases: [string, string, string][] = [
			['cut at a line boundary', lines.slice(0, -3).join('\n') + '\n', 'This backup is incomplete'],
			['cut inside a line', text.slice(0, Math.floor(text.length / 2)), 'This backup is incomplete'],
			['edited', text.replace(sku, '"sku":""'), 'This backup was changed after it was made'],
			['edited and resealed: empty SKU', await resealed(text.replace(sku, '"sku":""')), 'SKU is empty.'],
			[
				'edited and resealed: quantity "abc"',
				await resealed(text.replace(/"quantity":[0-9.]+/, '"quantity":"abc"')),
				'quantity "abc" is not a number'
			],
			['foreign: a CSV file', await csv(engine, 'stock-sources'), 'This file is not a Stockroom backup.'],
			['foreign: other JSON', '{"hello":"world"}\n', 'This file is not a Stockroom backup.'],
			['empty', '', 'The file is empty.']
		];
		for (const [what, content, message] of cases) {
			const checked = await engine.checkBackup(new Blob([content]));
			const restored = await engine.restore(new Blob([content]));
			expect(checked.ok, what).toBe(false);
			expect(restored.ok, what).toBe(false);
			if (!checked.ok && !restored.ok) {
				expect(checked.message, what).toContain(message);
				expect(restored.message, what).toBe(checked.message);
			}
		}
		expect(await everything_(engine)).toEqual(before);
		expect(await engine.previousData()).toBeNull();
	});

	it('says what a restore would replace and what the backup holds, before changing anything', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(10, 2);
		const { blob } = await engine.backUp();
		value(await engine.createProduct({ sku: 'LATER', name: '', barcodes: [] }));
		const check = value(await engine.checkBackup(blob));
		expect(check.backup).toEqual({
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			products: 10,
			items: 30,
			sources: 3,
			operations: 1
		});
		expect(check.current).toEqual({ products: 11, items: 31, sources: 3, operations: 2 });
		expect((await engine.start()).products).toBe(11);
	});

	it('keeps the replaced data as a backup of its own, and goes back to it in one step', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(10, 2);
		const { blob } = await engine.backUp();
		value(await engine.createProduct({ sku: 'LATER', name: 'Made after the backup', barcodes: [] }));
		const beforeRestore = await everything_(engine);

		const restored = value(await engine.restore(blob));
		expect(restored.previous).toEqual({ savedAt: expect.any(Number), kept: 'session' });
		expect((await engine.start()).products).toBe(10);
		expect(await engine.previousData()).toEqual(restored.previous);
		const kept = (await engine.downloadPreviousData())!;
		expect(kept.fileName).toMatch(/^stockroom_before_restore_\d{8}_\d{6}\.jsonl$/);
		expect(value(await engine.checkBackup(kept.blob)).backup.products).toBe(11);

		value(await engine.restorePreviousData());
		expect(await everything_(engine)).toEqual(beforeRestore);
	});
});
