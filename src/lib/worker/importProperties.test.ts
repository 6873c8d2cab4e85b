// Property-based: any file can be checked and imported without throwing, and a valid generated file
// imports to exactly what it says (then exports and re-imports without a change).

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '$lib/domain/csv/csvText';
import { NO_FILTERS } from '$lib/domain/csv/exportFormat';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '$lib/domain/csv/importOptions';
import { deriveStatus, formatQuantityPlain } from '$lib/domain/quantity';
import { newSource } from '$lib/domain/types';
import { createEngine, type EngineApi } from './api';
import { Store } from './store';

const SOURCE_CODES = ['default', 'wh-north', 'shop-1', 'eu-2'];
const stores: Store[] = [];
let counter = 0;

afterAll(() => stores.forEach((store) => store.close()));

async function openEngine(): Promise<{ engine: EngineApi; store: Store }> {
	const store = new Store(`import-properties-${Date.now()}-${++counter}`);
	stores.push(store);
	const engine = createEngine(store);
	await engine.start();
	for (const code of SOURCE_CODES.slice(1))
		await engine.saveSource(newSource(code, code.toUpperCase()), null);
	return { engine, store };
}

let jobs = 0;
const job = () => `job-${++jobs}`;

describe('any file', () => {
	const token = fc.constantFrom(
		'source_code',
		'sku',
		'status',
		'quantity',
		'SKU ',
		'default',
		'wh-north',
		'nowhere',
		'A-1',
		'a-1',
		'1',
		'0',
		'2',
		'-3.5',
		'1,5',
		'1.23456',
		'abc',
		'',
		' ',
		'"',
		'""',
		'"x,y"',
		',',
		';',
		'\t',
		'|',
		'\n',
		'\r\n',
		'\r',
		'\uFEFF',
		'é',
		'\u0000'
	);
	const text = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
	const options = fc.record({
		entity: fc.constantFrom('stock-sources' as const, 'products' as const),
		behavior: fc.constantFrom('append' as const, 'replace' as const, 'delete' as const),
		strategy: fc.constantFrom('stop-on-error' as const, 'skip-errors' as const),
		allowedErrors: fc.integer({ min: 0, max: 5 }),
		separator: fc.constantFrom('auto' as const, 'comma' as const, 'semicolon' as const, 'tab' as const),
		encoding: fc.constantFrom('utf-8' as const, 'windows-1252' as const)
	});

	it('is checked, and imported when valid, without throwing', async () => {
		const { engine } = await openEngine();
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(text, fc.uint8Array({ maxLength: 200 })),
				options,
				async (content, chosen) => {
					const file = new File([content as BlobPart], 'random.csv');
					const check = await engine.checkImport(job(), file, chosen);
					expect(['valid', 'invalid']).toContain(check.status);
					if (check.status !== 'valid' && check.status !== 'invalid') return;
					expect(check.report.lines[0]).toMatch(/^Checked rows: /);
					if (check.status === 'valid') expect((await engine.runImport(job())).status).toBe('imported');
				}
			),
			{ numRuns: 200 }
		);
	}, 120_000);
});

interface Layout {
	order: string[];
	upper: boolean;
	separator: string;
	newline: string;
	bom: boolean;
	decimals: boolean;
}

interface Row {
	sku: string;
	source: string;
	quantity: number;
	status: '' | '0' | '1';
}

describe('a valid generated file', () => {
	const sku = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,;"_-]{0,10}[A-Za-z0-9]$/);
	const quantity = fc
		.integer({ min: -999_999_999_999, max: 999_999_999_999 })
		.map((scaled) => Number(formatQuantityPlain(scaled / 10_000)));
	const row = fc.record({
		sku,
		source: fc.constantFrom(...SOURCE_CODES),
		quantity,
		status: fc.constantFrom('' as const, '0' as const, '1' as const)
	});
	const rows = fc.uniqueArray(row, {
		minLength: 1,
		maxLength: 40,
		selector: (r) => `${r.sku.toLowerCase()}\u0000${r.source}`
	});
	const layout: fc.Arbitrary<Layout> = fc.record({
		order: fc.shuffledSubarray(['source_code', 'sku', 'status', 'quantity'], { minLength: 4, maxLength: 4 }),
		upper: fc.boolean(),
		separator: fc.constantFrom(',', ';', '\t', '|'),
		newline: fc.constantFrom('\n', '\r\n', '\r'),
		bom: fc.boolean(),
		decimals: fc.boolean()
	});

	function write(list: Row[], l: Layout): string {
		const header = l.order.map((name) => (l.upper ? ` ${name.toUpperCase()}` : name));
		const cell = (r: Row, name: string) =>
			name === 'source_code'
				? r.source
				: name === 'sku'
					? r.sku
					: name === 'status'
						? r.status
						: l.decimals
							? r.quantity.toFixed(4)
							: formatQuantityPlain(r.quantity);
		const lines = [header, ...list.map((r) => l.order.map((name) => cell(r, name)))].map((fields) =>
			fields.map((f) => csvField(f, l.separator)).join(l.separator)
		);
		return (l.bom ? '\uFEFF' : '') + lines.join(l.newline) + l.newline;
	}

	it('imports to exactly what it says, and exports and re-imports without a change', async () => {
		await fc.assert(
			fc.asyncProperty(rows, layout, async (list, l) => {
				const { engine, store } = await openEngine();
				const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS };
				const check = await engine.checkImport(job(), new File([write(list, l)], 'gen.csv'), options);
				expect('report' in check && check.report.fileErrors).toEqual([]);
				expect(check.status).toBe('valid');
				const result = await engine.runImport(job());
				expect(result.status === 'imported' && result.counts.created).toBe(list.length);

				const items = [...store.inventory.products.values()].flatMap((p) =>
					p.items.map((i) => ({ sku: p.sku.toLowerCase(), ...i }))
				);
				expect(items).toHaveLength(list.length);
				for (const r of list) {
					const item = items.find((i) => i.sku === r.sku.toLowerCase() && i.source === r.source);
					expect(item).toEqual({
						sku: r.sku.toLowerCase(),
						source: r.source,
						quantity: r.quantity,
						status: r.status === '' ? deriveStatus(r.quantity) : Number(r.status),
						notifyQty: null
					});
				}

				const exported = await engine.exportCsv(job(), 'stock-sources', NO_FILTERS);
				if (exported.status !== 'exported') throw new Error('export cancelled');
				await engine.checkImport(job(), new File([exported.blob], 'again.csv'), options);
				const again = await engine.runImport(job());
				expect(again.status === 'imported' && again.lines[1]).toBe('Created: 0, Updated: 0, Deleted: 0');
			}),
			{ numRuns: 40 }
		);
	}, 120_000);
});
