// Random sequences of what people do (edits, mass actions, imports, undos) keep the two invariants the
// rest of the app relies on: the history replays to the stock as it is (each change starts from the
// value the previous one left), and a row's Total is the sum of its in-stock items on enabled sources.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/domain/csv/importOptions';
import { ALL_PRODUCTS, type ProductSelection } from '$lib/domain/productQuery';
import { SAMPLE_SOURCES } from '$lib/domain/sampleData';
import type { EngineApi } from './api';
import { engineFactory } from './testing';

const openEngine = engineFactory('operation-sequences-test');
const PRODUCTS = 6;
const SKUS = Array.from({ length: PRODUCTS }, (_, i) => `SAMPLE-${String(i + 1).padStart(4, '0')}`);
const SOURCES = ['default', ...SAMPLE_SOURCES.slice(0, 3).map((s) => s.code)];
let jobs = 0;
const job = () => `sequence-${++jobs}`;

type Step =
	| { kind: 'edit'; sku: number; source: number; quantity: number }
	| { kind: 'assign'; skus: number[]; source: number }
	| { kind: 'unassign'; skus: number[]; source: number }
	| { kind: 'transfer'; skus: number[]; origin: number; destination: number; unassign: boolean }
	| { kind: 'import'; rows: { sku: number; source: number; quantity: number }[] }
	| { kind: 'disable'; source: number }
	| { kind: 'undo' };

const index = (n: number) => fc.nat({ max: n - 1 });
const someSkus = fc.uniqueArray(index(PRODUCTS), { minLength: 1, maxLength: PRODUCTS });
const quantity = fc.integer({ min: -5, max: 80 });
const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('edit'), sku: index(PRODUCTS), source: index(SOURCES.length), quantity }),
	fc.record({ kind: fc.constant('assign'), skus: someSkus, source: index(SOURCES.length) }),
	fc.record({ kind: fc.constant('unassign'), skus: someSkus, source: index(SOURCES.length) }),
	fc.record({
		kind: fc.constant('transfer'),
		skus: someSkus,
		origin: index(SOURCES.length),
		destination: index(SOURCES.length),
		unassign: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('import'),
		rows: fc.uniqueArray(fc.record({ sku: index(PRODUCTS), source: index(SOURCES.length), quantity }), {
			minLength: 1,
			maxLength: 8,
			selector: (r) => `${r.sku}|${r.source}`
		})
	}),
	fc.record({ kind: fc.constant('disable'), source: fc.integer({ min: 1, max: SOURCES.length - 1 }) }),
	fc.constant<Step>({ kind: 'undo' })
);

const some = (skus: number[]): ProductSelection => ({
	mode: 'some',
	keys: skus.map((i) => SKUS[i].toLowerCase())
});

/** Runs one step as the UI would; refusals (an undo with nothing to undo, a product left bare) are fine. */
async function run(engine: EngineApi, s: Step): Promise<void> {
	switch (s.kind) {
		case 'edit': {
			const detail = await engine.getProduct(SKUS[s.sku]);
			if (!detail) return;
			const { product } = detail;
			const items = product.items.map((item) => ({
				source: item.source,
				quantity: item.source === SOURCES[s.source] ? String(s.quantity) : String(item.quantity),
				status: item.source === SOURCES[s.source] ? ('' as const) : (String(item.status) as '0' | '1'),
				notifyQty: item.notifyQty === null ? '' : String(item.notifyQty)
			}));
			await engine.saveProduct(
				product.sku,
				{ name: product.name, barcodes: product.barcodes, items },
				product
			);
			return;
		}
		case 'assign':
			await engine.assignSources(job(), some(s.skus), [SOURCES[s.source]]);
			return;
		case 'unassign':
			await engine.unassignSources(job(), some(s.skus), [SOURCES[s.source]]);
			return;
		case 'transfer':
			if (s.origin === s.destination) return;
			await engine.transferInventory(job(), some(s.skus), {
				origin: SOURCES[s.origin],
				destination: SOURCES[s.destination],
				unassignOrigin: s.unassign
			});
			return;
		case 'import': {
			const lines = s.rows.map((r) => `${SOURCES[r.source]},${SKUS[r.sku]},,${r.quantity}`);
			const file = new File([`source_code,sku,status,quantity\n${lines.join('\n')}\n`], 'stock.csv');
			const check = await engine.checkImport(job(), file, DEFAULT_IMPORT_OPTIONS);
			if (check.status === 'valid') await engine.runImport(job());
			return;
		}
		case 'disable': {
			const sources = await engine.getSources();
			const source = sources.find((x) => x.code === SOURCES[s.source]);
			if (source) await engine.saveSource({ ...source, enabled: !source.enabled }, source.code);
			return;
		}
		case 'undo':
			await engine.undoLast();
			return;
	}
}

type Stock = Map<string, { quantity: number; status: 0 | 1 }>;

/** The stock as the grid shows it, checking each row's Total on the way. */
async function gridStock(engine: EngineApi): Promise<Stock> {
	const stock: Stock = new Map();
	const window = await engine.queryProducts(ALL_PRODUCTS, 0, 1000);
	for (const row of window.rows) {
		const counted = row.items
			.filter((i) => i.enabled && i.status === 1)
			.reduce((sum, i) => sum + i.quantity, 0);
		expect(row.total, `Total of ${row.sku}`).toBeCloseTo(counted, 4);
		for (const item of row.items)
			stock.set(`${row.sku}|${item.source}`, { quantity: item.quantity, status: item.status });
	}
	return stock;
}

/** Every operation's changes applied oldest first onto an empty device, each from the value before it. */
async function replayedHistory(engine: EngineApi): Promise<Stock> {
	const stock: Stock = new Map();
	const operations = (await engine.listOperations(0, 1000)).rows.slice().reverse();
	for (const operation of operations) {
		const changes = await engine.operationChanges(operation.id, 0, 100_000);
		for (const change of changes.rows) {
			const key = `${change.sku}|${change.source}`;
			const was = stock.get(key) ?? null;
			expect(
				was && { quantity: was.quantity, status: was.status },
				`${key} before operation ${operation.id}`
			).toEqual(change.before && { quantity: change.before.quantity, status: change.before.status });
			if (change.after) stock.set(key, { quantity: change.after.quantity, status: change.after.status });
			else stock.delete(key);
		}
	}
	return stock;
}

describe('random sequences of edits, mass actions, imports and undos', () => {
	it(
		'keep the history replaying to the stock and every Total the sum of its items',
		{ timeout: 120_000 },
		async () => {
			const kinds = new Set<string>();
			await fc.assert(
				fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
					const { engine } = openEngine();
					await engine.start();
					await engine.addSampleData(PRODUCTS, 3);
					for (const s of steps) {
						await run(engine, s);
						expect(await replayedHistory(engine)).toEqual(await gridStock(engine));
					}
					for (const operation of (await engine.listOperations(0, 1000)).rows) kinds.add(operation.kind);
				}),
				{ numRuns: 30 }
			);
			// The sequences really wrote: edits, imports, transfers, undos and (most runs) assigns and
			// unassigns all made history.
			expect([...kinds]).toEqual(expect.arrayContaining(['edit', 'import', 'transfer', 'undo']));
			expect(kinds.size).toBeGreaterThanOrEqual(5);
		}
	);
});
