import { describe, expect, it } from 'vitest';
import { newSource } from '$lib/domain/types';
import type { EngineApi } from './api';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('count-test');

/** Five sample products on default and North Warehouse; a count of North Warehouse. */
async function started(options: { blind?: boolean; name?: string } = {}) {
	const opened = openEngine(options.name);
	await opened.engine.addSampleData(5, 1);
	const view = value(
		await opened.engine.newCount({
			source: 'wh-north',
			blind: options.blind ?? false,
			narrowing: { skuPrefix: '', onlyAtSource: false }
		})
	);
	return { ...opened, id: view.count.id };
}

async function quantityAt(engine: EngineApi, sku: string, source = 'wh-north') {
	const detail = await engine.getProduct(sku);
	return detail?.product.items.find((item) => item.source === source)?.quantity ?? null;
}

describe('stock take through the engine', () => {
	it('counts scans by SKU (any case) and barcode, and a typed quantity', async () => {
		const { engine, id } = await started();
		expect(value(await engine.scan(id, 'sample-0001')).message).toBe('SAMPLE-0001: 1 counted.');
		await engine.scan(id, '4000000000001');
		const typed = value(await engine.scan(id, 'SAMPLE-0002', '2.5'));
		expect(typed.message).toBe('SAMPLE-0002 +2.5: 2.5 counted.');
		expect(typed.view.lines.map((l) => [l.code, l.counted])).toEqual([
			['SAMPLE-0002', 2.5],
			['SAMPLE-0001', 2]
		]);
		expect(typed.view.lines[1].expected).toBe(await quantityAt(engine, 'SAMPLE-0001'));
		expect(typed.view.units).toBe(4.5);
		expect(await engine.scan(id, 'SAMPLE-0002', '1,5')).toMatchObject({
			ok: false,
			message: 'Quantity "1,5" is not a number (use a dot for decimals).'
		});
		const refused = await engine.scan(id, 'SAMPLE-0002', '-3');
		expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('use Correct') });
		expect(value(await engine.openCount(id)).units).toBe(4.5);
	});

	it('flags an unknown code at once and keeps it', async () => {
		const { engine, id } = await started();
		const result = value(await engine.scan(id, 'NOPE-1'));
		expect(result.kind).toBe('unknown');
		expect(result.message).toContain('Unknown code "NOPE-1"');
		expect(result.view.lines).toMatchObject([{ code: 'NOPE-1', known: false, counted: 1 }]);
		expect(result.view.unknown).toBe(1);
		expect(value(await engine.review(id)).unknown).toEqual(['NOPE-1']);
	});

	it('hides expected quantities in a blind count', async () => {
		const { engine, id } = await started({ blind: true });
		const line = value(await engine.scan(id, 'SAMPLE-0001')).view.lines[0];
		expect('expected' in line).toBe(false);
	});

	it('corrects lines: one tap takes back the last scan, a typed quantity sets a line, remove drops it', async () => {
		const { engine, id } = await started();
		await engine.scan(id, 'SAMPLE-0001');
		await engine.scan(id, 'SAMPLE-0001', '5');
		expect(value(await engine.correctLine(id, 'sample-0001')).lines[0].counted).toBe(1);
		expect(await engine.correctLine(id, 'sample-0001')).toMatchObject({ ok: false });
		expect(value(await engine.setLine(id, 'sample-0001', '7')).lines[0]).toMatchObject({
			counted: 7,
			undoable: true
		});
		await engine.scan(id, 'XX');
		expect(value(await engine.correctLine(id, '?XX')).lines.map((l) => l.code)).toEqual(['SAMPLE-0001']);
		expect(value(await engine.removeLine(id, 'sample-0001')).lines).toEqual([]);
	});

	it('never loses a scan when many arrive at once', async () => {
		const { engine, id } = await started();
		await Promise.all(Array.from({ length: 20 }, () => engine.scan(id, 'SAMPLE-0003')));
		expect(value(await engine.openCount(id)).lines[0].counted).toBe(20);
	});

	it('reviews variance and the products not counted, applies as one operation, and undoes it', async () => {
		const { engine, id } = await started();
		const before = await Promise.all([1, 2, 3, 4, 5].map((n) => quantityAt(engine, `SAMPLE-000${n}`)));
		await engine.scan(id, 'SAMPLE-0001', '3');
		const review = value(await engine.review(id));
		expect(review.lines).toMatchObject([
			{ sku: 'SAMPLE-0001', expected: before[0], counted: 3, variance: 3 - before[0]! }
		]);
		expect(review.uncounted.map((u) => u.sku)).toEqual([
			'SAMPLE-0002',
			'SAMPLE-0003',
			'SAMPLE-0004',
			'SAMPLE-0005'
		]);

		const phases: string[] = [];
		const applied = value(await engine.applyCount('apply', id, 'zero', (p) => phases.push(p.phase)));
		// The page shows the write's phase: a large count takes seconds to save.
		expect(phases.at(-1)).toBe('Saving all changes in one step');
		expect(applied.message).toBe(
			'Stock take at North Warehouse: 1 product counted, 4 products not counted set to 0; ' +
				`${[3, 0, 0, 0, 0].filter((q, i) => q !== before[i]).length} items changed.`
		);
		expect(await quantityAt(engine, 'SAMPLE-0001')).toBe(3);
		expect(
			(await engine.getProduct('SAMPLE-0001'))?.product.items.find((i) => i.source === 'wh-north')?.status
		).toBe(1);
		expect(await quantityAt(engine, 'SAMPLE-0002')).toBe(0);
		// No longer open: listed as applied, not to be continued.
		expect((await engine.listCounts()).map((summary) => summary.count.status)).toEqual(['applied']);
		expect(await engine.scan(id, 'SAMPLE-0001')).toMatchObject({
			ok: false,
			message: 'This count was applied already.'
		});

		const undone = await engine.undoOperation(applied.operation!);
		expect(undone.ok).toBe(true);
		expect(await Promise.all([1, 2, 3, 4, 5].map((n) => quantityAt(engine, `SAMPLE-000${n}`)))).toEqual(
			before
		);
	});

	it('creates the item when the counted product was not at the source, leaving uncounted ones by default', async () => {
		const { engine } = await started();
		await engine.saveSource(newSource('shop', 'Shop'), null);
		const view = value(
			await engine.newCount({
				source: 'shop',
				blind: false,
				narrowing: { skuPrefix: '', onlyAtSource: false }
			})
		);
		await engine.scan(view.count.id, 'SAMPLE-0004', '2');
		value(await engine.applyCount('apply', view.count.id, 'leave'));
		expect((await engine.getProduct('SAMPLE-0004'))?.product.items.find((i) => i.source === 'shop')).toEqual({
			source: 'shop',
			quantity: 2,
			status: 1,
			notifyQty: null
		});
		expect(await quantityAt(engine, 'SAMPLE-0001')).not.toBeNull();
	});

	it('flags a line whose item changed since it was counted', async () => {
		const { engine, id } = await started();
		await engine.scan(id, 'SAMPLE-0001');
		await engine.transferInventory(
			't',
			{ mode: 'some', keys: ['sample-0001'] },
			{ origin: 'default', destination: 'wh-north', unassignOrigin: false }
		);
		const review = value(await engine.review(id));
		expect(review.lines[0].changedSinceCounting).toBe(true);
		expect(review.changedSinceCounting).toBe(1);
	});

	it('exports a count and imports it into another count, adding quantities per SKU', async () => {
		const { engine, id } = await started();
		await engine.scan(id, 'SAMPLE-0001', '2');
		await engine.scan(id, 'SAMPLE-0002');
		await engine.scan(id, 'UNKNOWN-9');
		const exported = value(await engine.exportCount(id));
		expect(exported.message).toMatch(
			/^Exported 2 lines to count_wh-north_\d{8}_\d{6}\.csv\. 1 unknown code left out\.$/
		);
		expect(await exported.blob.text()).toBe(
			'source_code,sku,status,quantity\nwh-north,SAMPLE-0001,1,2\nwh-north,SAMPLE-0002,1,1\n'
		);
		const other = value(
			await engine.newCount({
				source: 'wh-north',
				blind: false,
				narrowing: { skuPrefix: '', onlyAtSource: false }
			})
		);
		await engine.scan(other.count.id, 'SAMPLE-0001');
		const file = new File([exported.blob], 'tablet-2.csv');
		const imported = value(await engine.importCounts(other.count.id, [file, file]));
		expect(imported.message).toBe('Added 4 lines (6 units) from 2 files.');
		expect(Object.fromEntries(imported.view.lines.map((l) => [l.code, l.counted]))).toEqual({
			'SAMPLE-0001': 5,
			'SAMPLE-0002': 2
		});
	});

	it('reports a file of another source and imports nothing from that call', async () => {
		const { engine, id } = await started();
		const file = new File(['source_code,sku,status,quantity\ndefault,SAMPLE-0001,1,2\n'], 'wrong.csv');
		expect(await engine.importCounts(id, [file])).toEqual({
			ok: false,
			message:
				'Nothing was imported. wrong.csv: Row 2: source "default" is not this count\'s source "wh-north".',
			errors: []
		});
		expect(value(await engine.openCount(id)).lines).toEqual([]);
	});

	it('keeps an open count and its lines across reopening the store, until discarded', async () => {
		const { engine, store, id, name } = await started();
		await engine.scan(id, 'SAMPLE-0001');
		await engine.scan(id, 'NOPE');
		store.close();
		const reopened = openEngine(name).engine;
		const [summary] = await reopened.listCounts();
		expect(summary).toMatchObject({
			count: { id, source: 'wh-north', status: 'open' },
			sourceName: 'North Warehouse',
			lines: 2,
			units: 2
		});
		expect(value(await reopened.openCount(id)).lines.map((l) => l.code)).toEqual(['NOPE', 'SAMPLE-0001']);
		expect(value(await reopened.discardCount(id))).toBeNull();
		// Listed as discarded with what it held, though its lines are gone.
		expect(await reopened.listCounts()).toMatchObject([
			{ count: { id, status: 'discarded', closedAt: expect.any(Number) }, lines: 2, units: 2 }
		]);
		expect(await reopened.openCount(id)).toMatchObject({
			ok: false,
			message: 'This count was discarded already.'
		});
	});

	it('lists applied and discarded counts with open ones, newest first, an applied one with its operation', async () => {
		const { engine, id } = await started({ name: 'count-history' });
		await engine.scan(id, 'SAMPLE-0001', '3');
		await engine.scan(id, 'SAMPLE-0002');
		const { operation } = value(await engine.applyCount('apply', id, 'leave'));
		const discarded = value(
			await engine.newCount({
				source: 'default',
				blind: false,
				narrowing: { skuPrefix: '', onlyAtSource: false }
			})
		).count.id;
		await engine.scan(discarded, 'SAMPLE-0003');
		await engine.discardCount(discarded);
		const open = value(
			await engine.newCount({
				source: 'wh-north',
				blind: true,
				narrowing: { skuPrefix: '', onlyAtSource: false }
			})
		).count.id;

		const listed = await engine.listCounts();
		expect(
			listed.map((summary) => [summary.count.id, summary.count.status, summary.lines, summary.units])
		).toEqual([
			[open, 'open', 0, 0],
			[discarded, 'discarded', 1, 1],
			[id, 'applied', 2, 4]
		]);
		expect(operation).not.toBeNull();
		expect(listed[2].count.appliedOperation).toBe(operation);
		expect(listed[2].count.closedAt).toBeGreaterThanOrEqual(listed[2].count.createdAt);
	});
});
