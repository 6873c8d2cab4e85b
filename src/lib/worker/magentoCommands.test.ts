// The Magento commands against the test double over real HTTP (loopback): connect, pull, changes not
// sent, the send check with conflicts and unknown products, send with input limits, cut-off sends,
// cancel, and undo of a pull.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cloneProduct, productChange } from '$lib/domain/changeSet';
import { inItemOrder } from '$lib/domain/types';
import { controlDouble, startMagentoDouble, TOKEN } from '../../../tests/magento/double.mjs';
import { engineFactory, value } from './testing';
import type { Store } from './store';

let double: Awaited<ReturnType<typeof startMagentoDouble>>;
let control: ReturnType<typeof controlDouble>;
beforeAll(async () => {
	double = await startMagentoDouble();
	control = controlDouble(double.url);
});
afterAll(() => double.close());

const openEngine = engineFactory('magento');

async function seedStore() {
	await control.reset();
	await control.seed({
		sources: [
			{ source_code: 'eu-1', name: 'EU Warehouse', enabled: true },
			{ source_code: 'shop', name: 'Shop floor', enabled: false }
		],
		products: ['MB-01', 'MB-02', 'WT-09'],
		items: [
			{ sku: 'MB-01', source_code: 'default', quantity: 5, status: 1 },
			{ sku: 'MB-01', source_code: 'eu-1', quantity: 2.5, status: 1 },
			{ sku: 'MB-02', source_code: 'eu-1', quantity: 0, status: 0 },
			{ sku: 'WT-09', source_code: 'shop', quantity: 7, status: 1 }
		]
	});
}

async function connected() {
	const opened = openEngine();
	value(await opened.engine.magentoConnect(double.url, TOKEN, ''));
	return opened;
}

/** Sets an item here as the product page would (one edit operation). */
async function setHere(store: Store, sku: string, source: string, quantity: number | null) {
	const before = store.inventory.getBySku(sku)!;
	const after = cloneProduct(before);
	after.items = after.items.filter((i) => i.source !== source);
	if (quantity !== null)
		after.items.push({ source, quantity, status: quantity > 0 ? 1 : 0, notifyQty: null });
	after.items = inItemOrder(after.items);
	await store.commit({ kind: 'edit', summary: 'edit', changes: [productChange(before, after)!] });
}

const items = async () =>
	((await control.state()).items as { sku: string; source_code: string; quantity: number; status: number }[])
		.map((i) => `${i.sku}@${i.source_code}=${i.quantity}/${i.status}`)
		.sort();

const here = (store: Store, sku: string) =>
	store.inventory.getBySku(sku)?.items.map((i) => `${i.source}=${i.quantity}/${i.status}`);

beforeEach(seedStore);

describe('connect', () => {
	it('says what it found, keeps the token on this device and shows it masked', async () => {
		const { engine } = openEngine();
		const answer = value(await engine.magentoConnect(`${double.url}/`, TOKEN, ''));
		expect(answer.message).toBe(`Connected to ${new URL(double.url).host}: 3 sources, 4 source items`);
		expect(answer.warning).toBeNull();
		const status = await engine.magentoStatus();
		expect(status.connection).toMatchObject({ url: double.url, storeCode: 'default', token: '••••••••oken' });
		expect(JSON.stringify(status)).not.toContain(TOKEN);
	});

	it('names the bearer-token setting when the token is refused, and stores nothing', async () => {
		const { engine } = openEngine();
		const wrong = await engine.magentoConnect(double.url, 'not-the-token', 'default');
		expect(wrong.ok).toBe(false);
		if (wrong.ok) return;
		expect(wrong.message).toContain('Magento refused the access token for Magento_InventoryApi::source');
		expect(wrong.message).toContain(
			'Stores › Configuration › Services › OAuth › Consumer Settings › Allow OAuth Access Tokens to be used as standalone Bearer tokens'
		);
		expect((await engine.magentoStatus()).connection).toBeNull();
		await control.switches({ bearerAllowed: false });
		expect((await engine.magentoConnect(double.url, TOKEN, '')).ok).toBe(false);
	});

	it('names the missing read permission, and warns of a missing write permission', async () => {
		const { engine } = openEngine();
		await control.switches({ resources: ['Magento_Catalog::products'] });
		const refused = await engine.magentoConnect(double.url, TOKEN, '');
		expect(!refused.ok && refused.message).toContain('has access to Magento_InventoryApi::source');
		await control.switches({ resources: ['Magento_InventoryApi::source', 'Magento_Catalog::products'] });
		const readOnly = value(await engine.magentoConnect(double.url, TOKEN, ''));
		expect(readOnly.warning).toContain('missing permission Magento_InventoryApi::stock_source_item_assign');
	});

	it('tells a store without Multi-Source Inventory, a host that does not answer, and a bad URL apart', async () => {
		const { engine } = openEngine();
		await control.switches({ msi: false });
		const noMsi = await engine.magentoConnect(double.url, TOKEN, '');
		expect(!noMsi.ok && noMsi.message).toContain(
			'Multi-Source Inventory (Magento_Inventory modules) is not installed'
		);
		const nobody = await engine.magentoConnect('http://127.0.0.1:9', TOKEN, '');
		expect(!nobody.ok && nobody.message).toBe(
			'No answer from 127.0.0.1:9: check the Store URL (is the host name right?) and the network.'
		);
		const plain = await engine.magentoConnect('http://shop.example.com', TOKEN, '');
		expect(!plain.ok && plain.message).toBe(
			'The Store URL must start with https:// (plain http:// is allowed only for localhost and 127.0.0.1).'
		);
	});
});

describe('pull', () => {
	it('creates the sources and items, records the base, and is one operation', async () => {
		const { engine, store } = await connected();
		const pulled = await engine.magentoPull('p1', null);
		expect(pulled).toMatchObject({
			status: 'done',
			message: 'Received 4 source items for 3 products from 3 sources',
			conflicts: 0
		});
		expect(store.sources.map((s) => [s.code, s.name, s.enabled])).toEqual([
			['default', 'Default Source', true],
			['eu-1', 'EU Warehouse', true],
			['shop', 'Shop floor', false]
		]);
		expect(here(store, 'MB-01')).toEqual(['default=5/1', 'eu-1=2.5/1']);
		expect((await engine.magentoStatus()).pending.total).toBe(0);
		const history = await engine.listOperations(0, 5);
		expect(history.rows[0]).toMatchObject({
			kind: 'magento',
			summary: 'Received 4 source items for 3 products from 3 sources'
		});
	});

	it('reads every page whether Magento answers past the last page empty or repeated', async () => {
		await control.seed({ generate: { count: 700, sources: ['eu-1'] } });
		for (const pastLastPage of ['empty', 'repeat'] as const) {
			await control.switches({ pastLastPage });
			const { engine, store } = await connected();
			const pulled = await engine.magentoPull('p', ['eu-1']);
			expect(pulled).toMatchObject({ message: 'Received 702 source items for 702 products from 1 source' });
			expect(store.inventory.size).toBe(702);
		}
	});

	it('changes nothing when cancelled', async () => {
		await control.seed({ generate: { count: 3000, sources: ['eu-1'] } });
		const { engine, store } = await connected();
		let cancelled = false;
		const pulled = await engine.magentoPull('p2', null, (progress) => {
			if (!cancelled && progress.done > 0) {
				cancelled = true;
				engine.cancelJob('p2');
			}
		});
		expect(pulled).toEqual({ status: 'cancelled' });
		expect(store.inventory.size).toBe(0);
		expect(store.sources.map((s) => s.code)).toEqual(['default']);
		expect(await engine.magentoStatus()).toMatchObject({ tracked: [] });
		expect((await engine.listOperations(0, 5)).total).toBe(0);
	});

	it('keeps a change not sent; Magento moving the same item makes it a conflict', async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		await setHere(store, 'MB-01', 'eu-1', 9);
		await setHere(store, 'MB-02', 'eu-1', 4);
		await control.setItems([{ sku: 'MB-01', source_code: 'eu-1', quantity: 1, status: 1 }]);
		const again = await engine.magentoPull('p', null);
		expect(again).toMatchObject({ status: 'done', conflicts: 1 });
		expect(here(store, 'MB-01')).toEqual(['default=5/1', 'eu-1=9/1']);
		expect(here(store, 'MB-02')).toEqual(['eu-1=4/1']);
		expect((await engine.magentoStatus()).pending).toMatchObject({ updates: 2, total: 2 });
	});

	it('is undone with its base: the changes not sent are as before the pull', async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		await setHere(store, 'MB-02', 'eu-1', 4);
		await control.setItems([{ sku: 'WT-09', source_code: 'shop', quantity: 1, status: 1 }]);
		const second = await engine.magentoPull('p', null);
		expect(here(store, 'WT-09')).toEqual(['shop=1/1']);
		if (second.status !== 'done') throw new Error('pull failed');
		value(await engine.undoOperation(second.operationId!));
		expect(here(store, 'WT-09')).toEqual(['shop=7/1']);
		// The base went back too: WT-09 is as received by the first pull, so it is no change to send.
		expect((await engine.magentoStatus()).pending).toMatchObject({ updates: 1, total: 1 });
	});
});

describe('send', () => {
	it('sends exactly the changes, asks about the conflict, lists unknown products, and ends as the user expects', async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		await setHere(store, 'MB-01', 'eu-1', 9); // Magento moves it too: conflict
		await setHere(store, 'MB-02', 'eu-1', 4); // update
		await setHere(store, 'MB-01', 'default', null); // removal
		await setHere(store, 'WT-09', 'eu-1', 3); // new item
		await store.commit({
			kind: 'create-product',
			summary: 'new',
			changes: [
				productChange(null, {
					sku: 'NEW-1',
					name: '',
					barcodes: [],
					items: [{ source: 'eu-1', quantity: 1, status: 1, notifyQty: null }]
				})!
			]
		});
		await control.setItems([{ sku: 'MB-01', source_code: 'eu-1', quantity: 1, status: 1 }]);
		const check = await engine.magentoCheckSend('c');
		expect(check).toMatchObject({
			status: 'done',
			ready: { updates: 1, created: 1, removals: 1 },
			unknown: [{ sku: 'NEW-1', source: 'eu-1' }],
			conflicts: [
				{
					sku: 'MB-01',
					source: 'eu-1',
					received: { quantity: 2.5, status: 1 },
					magento: { quantity: 1, status: 1 },
					here: { quantity: 9, status: 1 }
				}
			]
		});
		if (check.status !== 'done') return;
		const sent = await engine.magentoSend('s', { [check.conflicts[0].id]: 'here' });
		expect(sent).toMatchObject({ status: 'done', message: 'Sent 4 changes to Magento' });
		expect(await items()).toEqual(['MB-01@eu-1=9/1', 'MB-02@eu-1=4/1', 'WT-09@eu-1=3/1', 'WT-09@shop=7/1']);
		// Only the unknown product is still pending.
		expect((await engine.magentoStatus()).pending).toMatchObject({ created: 1, total: 1 });
	});

	it("takes Magento's value here when chosen, as an undoable operation", async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		await setHere(store, 'MB-01', 'eu-1', 9);
		await control.setItems([{ sku: 'MB-01', source_code: 'eu-1', quantity: 1, status: 0 }]);
		const check = await engine.magentoCheckSend('c');
		if (check.status !== 'done') throw new Error('check failed');
		const sent = await engine.magentoSend('s', { [check.conflicts[0].id]: 'magento' });
		expect(sent).toMatchObject({
			status: 'done',
			message: "Sent 0 changes to Magento; took Magento's values for 1 item"
		});
		expect(here(store, 'MB-01')).toEqual(['default=5/1', 'eu-1=1/0']);
		expect((await engine.magentoStatus()).pending.total).toBe(0);
	});

	it('sends everything in smaller batches when the store enforces input limits', async () => {
		await control.seed({ generate: { count: 130, sources: ['eu-1'] } });
		const { engine, store } = await connected();
		await control.switches({ inputLimits: true, maxArrayItems: 20 });
		await engine.magentoPull('p', ['eu-1']);
		for (const product of [...store.inventory.products.values()].slice(0, 90)) {
			await setHere(store, product.sku, 'eu-1', 1000);
		}
		const check = await engine.magentoCheckSend('c');
		expect(check).toMatchObject({ status: 'done', ready: { updates: 90 } });
		const sent = await engine.magentoSend('s', {});
		expect(sent).toMatchObject({ status: 'done', message: 'Sent 90 changes to Magento' });
		const state = await control.state();
		expect(state.items.filter((i: { quantity: number }) => i.quantity === 1000)).toHaveLength(90);
		expect(state.writeBatches).toBe(5);
	});

	it('keeps what Magento accepted when cut off half-way; sending again ends with the same data', async () => {
		await control.seed({ generate: { count: 100, sources: ['eu-1'] } });
		const { engine, store } = await connected();
		await engine.magentoPull('p', ['eu-1']);
		const generated = [...store.inventory.products.values()].filter((p) => p.sku.startsWith('SKU-'));
		for (const product of generated) await setHere(store, product.sku, 'eu-1', 500);
		await control.switches({
			inputLimits: true,
			maxArrayItems: 20,
			cutAfterBatches: 2,
			applyBeforeCut: true
		});
		const check = await engine.magentoCheckSend('c');
		const cut = await engine.magentoSend('s', {});
		expect(check.status).toBe('done');
		expect(cut.status).toBe('failed');
		if (cut.status !== 'failed') return;
		expect(cut.message).toMatch(
			/^Batch 3 of 5 failed: .*40 changes of 100 sent; the rest stay pending: send again to finish\.$/
		);
		expect((await engine.magentoStatus()).pending.total).toBe(60);
		await control.switches({ cutAfterBatches: null });
		const again = await engine.magentoCheckSend('c');
		// The batch whose answer was lost did reach Magento: it is not a conflict, just no longer pending.
		expect(again).toMatchObject({ status: 'done', ready: { updates: 40 }, alreadyThere: 20, conflicts: [] });
		expect(await engine.magentoSend('s', {})).toMatchObject({
			status: 'done',
			message: 'Sent 40 changes to Magento'
		});
		const state = await control.state();
		expect(state.items.filter((i: { quantity: number }) => i.quantity === 500)).toHaveLength(100);
		expect((await engine.magentoStatus()).pending.total).toBe(0);
	});

	it('retries a 500 answer and goes on', async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		await setHere(store, 'MB-02', 'eu-1', 4);
		const check = await engine.magentoCheckSend('c');
		expect(check.status).toBe('done');
		await control.switches({ fail500: 1 });
		expect(await engine.magentoSend('s', {})).toMatchObject({
			status: 'done',
			message: 'Sent 1 change to Magento'
		});
	});

	it('keeps no token in a backup, nor in the sync log, and forgets it on Disconnect', async () => {
		const { engine, store } = await connected();
		await engine.magentoPull('p', null);
		const backup = await (await engine.backUp()).blob.text();
		expect(backup).toContain('MB-01');
		expect(backup).not.toContain(TOKEN);
		await engine.magentoDisconnect();
		expect((await engine.magentoStatus()).connection).toBeNull();
		const everything = JSON.stringify([await store.db.magento.toArray(), await engine.magentoLog()]);
		expect(everything).not.toContain(TOKEN);
		expect((await engine.magentoLog())[0].summary).toBe(
			'Disconnected: the access token was deleted from this device.'
		);
	});
});
