import { describe, expect, it } from 'vitest';
import { CHANGES_PER_CHUNK } from '$lib/db/applyChangeSet';
import { ALL_PRODUCTS, type ProductSelection } from '$lib/domain/productQuery';
import { newSource } from '$lib/domain/types';
import type { EngineApi } from './api';
import { engineFactory, value } from './testing';

const openEngine = engineFactory('history-test');

const everything: ProductSelection = { mode: 'all', query: ALL_PRODUCTS, except: [] };
const move = { origin: 'wh-north', destination: 'shop-1', unassignOrigin: false };

async function snapshot(engine: EngineApi) {
	return (await engine.queryProducts(ALL_PRODUCTS, 0, 100_000)).rows;
}

describe('history', () => {
	it('lists operations newest first with kind, summary and counts', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(20, 2);
		const transfer = value(await engine.transferInventory('job', everything, move));
		const page = await engine.listOperations(0, 10);
		expect(page.total).toBe(2);
		expect(page.rows.map((op) => op.kind)).toEqual(['transfer', 'import']);
		expect(page.rows[0]).toMatchObject({ id: transfer.operation, kind: 'transfer' });
		expect(page.rows[0].summary).toMatch(
			/^Transferred \d+ units of \d+ products from North Warehouse to Shop Floor/
		);
		expect((await engine.listOperations(1, 10)).rows.map((op) => op.kind)).toEqual(['import']);
	});

	it('pages item changes across chunks, each row with SKU, source, before and after', async () => {
		const { engine } = openEngine();
		const count = CHANGES_PER_CHUNK + 500;
		await engine.addSampleData(count, 2);
		const transfer = value(await engine.transferInventory('job', everything, move));
		const op = (await engine.getOperation(transfer.operation!))!;
		expect(op.chunks).toBe(2);
		const first = await engine.operationChanges(op.id, 0, 3);
		expect(first.total).toBe(op.items);
		expect(first.rows).toHaveLength(3);
		// Items read in the one stored order: default first, then by source code.
		expect(first.rows.slice(0, 2).map((r) => `${r.sku}@${r.source}`)).toEqual([
			'SAMPLE-0001@shop-1',
			'SAMPLE-0001@wh-north'
		]);
		expect(first.rows[1].after).toEqual({ quantity: 0, status: 0, notifyQty: null });
		// A window that spans the chunk boundary, then the very end.
		const all = [];
		for (let offset = 0; offset < op.items; offset += 997) {
			all.push(...(await engine.operationChanges(op.id, offset, 997)).rows);
		}
		expect(all).toHaveLength(op.items);
		expect(new Set(all.map((r) => `${r.sku}@${r.source}`)).size).toBe(op.items);
		const last = await engine.operationChanges(op.id, op.items - 1, 10);
		expect(last.rows).toHaveLength(1);
		expect(last.rows[0].sku).toBe(`SAMPLE-${count}`);
	});

	it('undoes a transfer, and the grid is as before even after a reopen', async () => {
		const { engine, name } = openEngine();
		await engine.addSampleData(300, 4);
		const before = await snapshot(engine);
		const transfer = value(
			await engine.transferInventory('job', everything, { ...move, unassignOrigin: true })
		);
		expect(await snapshot(engine)).not.toEqual(before);
		const undone = value(await engine.undoOperation(transfer.operation!));
		expect(undone.message).toMatch(/^Undone: Transferred/);
		expect(await snapshot(engine)).toEqual(before);
		const reopened = openEngine(name).engine;
		expect(await snapshot(reopened)).toEqual(before);
		const [undoOp, original] = (await reopened.listOperations(0, 2)).rows;
		expect(undoOp).toMatchObject({ id: undone.operation, kind: 'undo', undoOf: transfer.operation });
		expect(original).toMatchObject({ id: transfer.operation, undoneBy: undone.operation });
	});

	it('refuses an undo after a later change, names the item and changes nothing', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(5, 2);
		const transfer = value(await engine.transferInventory('job', everything, move));
		// A product the transfer changed gets a later edit at the destination.
		const [{ sku }] = (await engine.operationChanges(transfer.operation!, 0, 1)).rows;
		const detail = (await engine.getProduct(sku))!;
		value(
			await engine.saveProduct(sku, {
				name: detail.product.name,
				barcodes: detail.product.barcodes,
				items: detail.product.items.map((item) => ({
					source: item.source,
					quantity: item.source === 'shop-1' ? '99' : String(item.quantity),
					status: item.status === 1 ? ('1' as const) : ('0' as const),
					notifyQty: ''
				}))
			})
		);
		const afterEdit = await snapshot(engine);
		const refused = await engine.undoOperation(transfer.operation!);
		expect(refused).toMatchObject({
			ok: false,
			message: `Nothing was undone: 1 item changed since this operation: ${sku} at Shop Floor.`
		});
		expect(await snapshot(engine)).toEqual(afterEdit);
		expect((await engine.getOperation(transfer.operation!))?.undoneBy).toBeUndefined();
	});

	it('undoes an undo (redo), says when an operation was already undone, and undoes the last with Ctrl+Z', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(30, 3);
		await engine.saveSource(newSource('eu-9', 'EU 9'), null);
		const start = await snapshot(engine);
		const assign = value(await engine.assignSources('job', everything, ['eu-9']));
		const assigned = await snapshot(engine);
		const undo = value(await engine.undoOperation(assign.operation!));
		expect(await snapshot(engine)).toEqual(start);
		expect(await engine.undoOperation(assign.operation!)).toMatchObject({
			ok: false,
			message: `This operation was already undone (by #${undo.operation}). Undo that one to redo it.`
		});
		const redo = value(await engine.undoOperation(undo.operation));
		expect(await snapshot(engine)).toEqual(assigned);
		// The redone operation can be undone again, directly or as "the last one".
		expect((await engine.getOperation(assign.operation!))?.undoneBy).toBeUndefined();
		expect((await engine.getOperation(undo.operation))?.undoneBy).toBe(redo.operation);
		const last = value(await engine.undoLast());
		expect(last.message).toMatch(/^Undone: EU 9 assigned to 30 products/);
		expect(await snapshot(engine)).toEqual(start);
		// Next Ctrl+Z reaches the sample data import.
		value(await engine.undoLast());
		expect(await snapshot(engine)).toEqual([]);
		expect(await engine.undoLast()).toMatchObject({ ok: false, message: 'Nothing to undo.' });
	});

	it('undoes a product deletion', async () => {
		const { engine } = openEngine();
		await engine.addSampleData(3, 2);
		const before = await snapshot(engine);
		value(await engine.deleteProduct('SAMPLE-0002'));
		value(await engine.undoLast());
		expect(await snapshot(engine)).toEqual(before);
	});

	it('prunes beyond 100 operations and 30 days, with their changes', async () => {
		const { engine, store } = openEngine();
		await engine.addSampleData(2, 1);
		for (let i = 0; i < 104; i++) {
			value(await engine.saveProduct('SAMPLE-0001', { name: `Name ${i}`, barcodes: [], items: [] }));
		}
		const { total, rows } = await engine.listOperations(0, 1000);
		expect(total).toBe(105);
		const oldest = rows.at(-1)!;
		expect(await engine.pruneHistory()).toBe(0); // all within 30 days
		const later = Date.now() + 31 * 24 * 60 * 60 * 1000;
		expect(await engine.pruneHistory(later)).toBe(5);
		expect((await engine.listOperations(0, 1000)).total).toBe(100);
		expect(await engine.getOperation(oldest.id)).toBeNull();
		expect(await store.db.opChanges.where('opId').equals(oldest.id).count()).toBe(0);
		expect(await engine.undoOperation(oldest.id)).toMatchObject({
			ok: false,
			message: 'This operation is no longer in the history.'
		});
	});
});
