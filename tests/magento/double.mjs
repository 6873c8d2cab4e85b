// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- plain Node test code, typed by double.d.mts
// @ts-nocheck
// A test double of Magento 2.4's inventory REST API (modules Magento_Inventory*, as the app uses them),
// following the real contract: routes and ACL resources of InventoryApi's webapi.xml, searchCriteria
// with filter groups (OR inside a group, AND between groups) and `eq`/`in`, 1-based pages that past
// the last one answer empty (2.4) or repeat the last page (older), input limits, error bodies with
// placeholders, orphan items for unknown SKUs, and CORS on or off. Test code, not part of the app.
// A control API under /__control lets tests seed data, read it back and flip the switches.
//
// Run by hand: node tests/magento/double.mjs [port]  (prints the URL and a test token).

import { createServer } from 'node:http';

export const TOKEN = 'stockroom-test-token';
export const ALL_RESOURCES = [
	'Magento_InventoryApi::source',
	'Magento_InventoryApi::stock_source_item_assign',
	'Magento_Catalog::products'
];
const SOURCE_ITEM_TYPE = '\\Magento\\InventoryApi\\Api\\Data\\SourceItemInterface';
const UNAUTHORIZED = "The consumer isn't authorized to access %resources.";
const NO_ROUTE = 'Request does not match any route.';

/** Each route: method, path after /rest/{store}/V1, the ACL resource it needs, its handler. */
const ROUTES = [
	['GET', '/inventory/sources', 'Magento_InventoryApi::source', listSources, true],
	['GET', '/inventory/source-items', 'Magento_InventoryApi::source', listSourceItems, true],
	[
		'POST',
		'/inventory/source-items',
		'Magento_InventoryApi::stock_source_item_assign',
		saveSourceItems,
		true
	],
	[
		'POST',
		'/inventory/source-items-delete',
		'Magento_InventoryApi::stock_source_item_assign',
		deleteSourceItems,
		true
	],
	['GET', '/products', 'Magento_Catalog::products', listProducts, false]
];

function defaultSwitches() {
	return {
		cors: true,
		/** Integration tokens accepted as standalone bearer tokens (off by default since Magento 2.4.4). */
		bearerAllowed: true,
		resources: [...ALL_RESOURCES],
		/** Multi-Source Inventory installed: without it the inventory routes do not exist (404). */
		msi: true,
		inputLimits: false,
		maxPageSize: 300,
		maxArrayItems: 20,
		/** Past the last page: 'empty' (2.4) or 'repeat' (older versions repeat the last page). */
		pastLastPage: 'empty',
		/** After this many accepted write batches, cut the connection of every later write. */
		cutAfterBatches: null,
		/** Whether a cut write is applied before the connection drops (its answer is lost). */
		applyBeforeCut: false,
		/** The next N API requests answer 500. */
		fail500: 0
	};
}

function emptyData() {
	return {
		sources: new Map([['default', { source_code: 'default', name: 'Default Source', enabled: true }]]),
		/** key (lower-cased SKU) → SKU */
		products: new Map(),
		/** `${sku lower}\0${source}` → { sku, source_code, quantity, status }, in insertion order */
		items: new Map()
	};
}

const itemKey = (sku, source) => `${String(sku).toLowerCase()}\u0000${source}`;

export async function startMagentoDouble({ port = 0, host = '127.0.0.1' } = {}) {
	const state = {
		switches: defaultSwitches(),
		data: emptyData(),
		version: 0,
		cache: new Map(),
		indexes: new Map(),
		requests: {},
		writeBatches: 0
	};
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			try {
				handle(state, req, res, body);
			} catch (error) {
				send(res, 500, { message: String(error?.message ?? error) }, corsHeaders(state, req));
			}
		});
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const address = server.address();
	const url = `http://${host}:${address.port}`;
	return {
		url,
		token: TOKEN,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			})
	};
}

function handle(state, req, res, rawBody) {
	const url = new URL(req.url, 'http://double');
	if (url.pathname.startsWith('/__control/')) return control(state, req, res, url, rawBody);
	const cors = corsHeaders(state, req);
	if (req.method === 'OPTIONS') {
		if (!state.switches.cors) return send(res, 404, { message: NO_ROUTE });
		res.writeHead(204, { ...cors, 'Access-Control-Max-Age': '600' });
		return res.end();
	}
	const match = /^\/rest\/([a-z0-9_]+)\/V1(\/.*)$/i.exec(url.pathname);
	if (!match) {
		res.writeHead(200, { 'Content-Type': 'text/html', ...cors });
		return res.end('<!doctype html><title>Test store</title>');
	}
	const path = match[2];
	const route = ROUTES.find(([method, routePath]) => method === req.method && routePath === path);
	if (!route || (route[4] && !state.switches.msi)) return send(res, 404, { message: NO_ROUTE }, cors);
	const [, , resource, handler] = route;
	const name = `${req.method} ${path}`;
	state.requests[name] = (state.requests[name] ?? 0) + 1;
	const auth = req.headers.authorization ?? '';
	const authorised =
		auth === `Bearer ${TOKEN}` && state.switches.bearerAllowed && state.switches.resources.includes(resource);
	if (!authorised)
		return send(res, 401, { message: UNAUTHORIZED, parameters: { resources: resource } }, cors);
	if (state.switches.fail500 > 0) {
		state.switches.fail500--;
		return send(
			res,
			500,
			{
				message: 'Internal Error. Details are available in Magento log file. Report ID: %1',
				parameters: ['webapi-1']
			},
			cors
		);
	}
	let body = null;
	if (req.method === 'POST') {
		try {
			body = JSON.parse(rawBody || 'null');
		} catch {
			return send(res, 400, { message: 'Decoding error.' }, cors);
		}
	}
	const result = handler(state, url.searchParams, body, req, res);
	if (result === 'cut') return;
	send(res, result.status ?? 200, result.body, cors);
}

function corsHeaders(state, req) {
	if (!state.switches.cors) return {};
	return {
		'Access-Control-Allow-Origin': req.headers.origin ?? '*',
		'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
		'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
		Vary: 'Origin'
	};
}

function send(res, status, body, headers = {}) {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	res.end(JSON.stringify(body));
}

/** `searchCriteria[filter_groups][0][filters][1][value]=x` and friends, as Magento's REST parser reads them. */
export function parseSearchCriteria(params) {
	const criteria = { filter_groups: [], present: false };
	for (const [name, value] of params) {
		if (!name.startsWith('searchCriteria')) continue;
		criteria.present = true;
		const parts = [...name.slice('searchCriteria'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
		if (parts[0] === 'pageSize') criteria.pageSize = Number(value);
		else if (parts[0] === 'currentPage') criteria.currentPage = Number(value);
		else if (parts[0] === 'filter_groups' && parts[2] === 'filters') {
			const group = (criteria.filter_groups[Number(parts[1])] ??= { filters: [] });
			const filter = (group.filters[Number(parts[3])] ??= {});
			filter[parts[4]] = value;
		}
	}
	criteria.filter_groups = criteria.filter_groups
		.filter(Boolean)
		.map((g) => ({ filters: g.filters.filter(Boolean) }));
	return criteria;
}

/** A filter as a predicate over rows; `in` reads its comma-separated list once. */
function predicate(filter) {
	const field = filter.field;
	const condition = filter.condition_type ?? 'eq';
	const value = String(filter.value ?? '').toLowerCase();
	const text = (row) => String(row[field] ?? '').toLowerCase();
	if (condition === 'eq') return (row) => text(row) === value;
	if (condition === 'in') {
		const values = new Set(value.split(','));
		return (row) => values.has(text(row));
	}
	if (condition === 'neq') return (row) => text(row) !== value;
	if (condition === 'like') {
		const pattern = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`);
		return (row) => pattern.test(text(row));
	}
	throw new Error(`condition_type "${condition}" is not supported by the double`);
}

/** Rows by lower-cased SKU, rebuilt when the data changed: a `sku` filter then reads only its rows. */
function bySku(state, kind, rows) {
	const cacheKey = `${kind}|${state.version}`;
	let index = state.indexes.get(cacheKey);
	if (!index) {
		index = new Map();
		let at = 0;
		for (const row of rows()) {
			const sku = row.sku.toLowerCase();
			const list = index.get(sku);
			const entry = { row, at: at++ };
			if (list) list.push(entry);
			else index.set(sku, [entry]);
		}
		for (const old of state.indexes.keys()) if (!old.endsWith(`|${state.version}`)) state.indexes.delete(old);
		state.indexes.set(cacheKey, index);
	}
	return index;
}

function filterRows(state, kind, rows, groups) {
	const tests = groups.map((g) => g.filters.map(predicate));
	const keep = (row) => tests.every((group) => group.some((test) => test(row)));
	// One group with one SKU filter (the check before a send): look the SKUs up instead of scanning.
	const only = groups.length > 0 ? groups[0].filters : [];
	if (only.length === 1 && only[0].field === 'sku' && ['eq', 'in'].includes(only[0].condition_type ?? 'eq')) {
		const index = bySku(state, kind, rows);
		const skus = String(only[0].value ?? '')
			.toLowerCase()
			.split(',');
		const seen = new Set();
		const found = skus.flatMap((sku) => (seen.has(sku) ? [] : (seen.add(sku), index.get(sku) ?? [])));
		// Magento answers in the table's order, not the filter's.
		return found
			.sort((a, b) => a.at - b.at)
			.map((entry) => entry.row)
			.filter(keep);
	}
	return rows().filter(keep);
}

/** Filters (cached per query until data changes), then the page as Magento answers it. */
function searchResult(state, kind, rows, criteria) {
	const cacheKey = `${kind}|${state.version}|${JSON.stringify(criteria.filter_groups)}`;
	let found = state.cache.get(cacheKey);
	if (!found) {
		if (state.cache.size > 40) state.cache.clear();
		found = filterRows(state, kind, rows, criteria.filter_groups);
		state.cache.set(cacheKey, found);
	}
	const limits = state.switches.inputLimits;
	if (limits && criteria.pageSize > state.switches.maxPageSize) {
		return {
			status: 400,
			body: {
				message: 'Maximum SearchCriteria pageSize is %max',
				parameters: { max: state.switches.maxPageSize }
			}
		};
	}
	const pageSize = criteria.pageSize || (limits ? state.switches.maxPageSize : found.length || 1);
	let page = Math.max(1, criteria.currentPage || 1);
	const last = Math.max(1, Math.ceil(found.length / pageSize));
	if (page > last && state.switches.pastLastPage === 'repeat') page = last;
	const items = found.slice((page - 1) * pageSize, page * pageSize);
	return { body: { items, search_criteria: searchCriteriaEcho(criteria), total_count: found.length } };
}

function searchCriteriaEcho(criteria) {
	const echo = { filter_groups: criteria.filter_groups };
	if (criteria.pageSize) echo.page_size = criteria.pageSize;
	if (criteria.currentPage) echo.current_page = criteria.currentPage;
	return echo;
}

function listSources(state, params) {
	return searchResult(state, 'sources', () => [...state.data.sources.values()], parseSearchCriteria(params));
}

function listSourceItems(state, params) {
	const criteria = parseSearchCriteria(params);
	if (!criteria.present) {
		return {
			status: 400,
			body: {
				message: '"%fieldName" is required. Enter and try again.',
				parameters: { fieldName: 'searchCriteria' }
			}
		};
	}
	return searchResult(state, 'items', () => [...state.data.items.values()], criteria);
}

function listProducts(state, params) {
	const criteria = parseSearchCriteria(params);
	const result = searchResult(
		state,
		'products',
		() => [...state.data.products.values()].map((sku) => ({ sku })),
		criteria
	);
	return result;
}

/** Input limits and emptiness, as Magento checks a body's array before anything else. */
function checkArray(state, body) {
	const rows = body?.sourceItems;
	if (!Array.isArray(rows))
		return {
			status: 400,
			body: {
				message: '"%fieldName" is required. Enter and try again.',
				parameters: { fieldName: 'sourceItems' }
			}
		};
	if (state.switches.inputLimits && rows.length > state.switches.maxArrayItems) {
		return {
			status: 400,
			body: {
				message: 'Maximum items of type "%type" is %max',
				parameters: { type: SOURCE_ITEM_TYPE, max: state.switches.maxArrayItems }
			}
		};
	}
	if (rows.length === 0) return { status: 400, body: { message: 'Input data is empty' } };
	return null;
}

/** The connection drops after `cutAfterBatches` accepted writes (optionally after applying this one). */
function cut(state, res, apply) {
	const after = state.switches.cutAfterBatches;
	if (after === null || state.writeBatches < after) return false;
	if (state.switches.applyBeforeCut) apply();
	res.socket?.destroy();
	return true;
}

function saveSourceItems(state, _params, body, _req, res) {
	const refused = checkArray(state, body);
	if (refused) return refused;
	const rows = body.sourceItems;
	for (const row of rows) {
		for (const field of ['sku', 'source_code']) {
			if (typeof row[field] !== 'string' || row[field].trim() === '') {
				return {
					status: 400,
					body: {
						message: 'Validation Failed',
						errors: [{ message: '"%field" can not be empty.', parameters: { field } }]
					}
				};
			}
		}
		if (typeof row.quantity !== 'number' || !Number.isFinite(row.quantity)) {
			return {
				status: 400,
				body: {
					message: 'Validation Failed',
					errors: [{ message: '"%field" should be numeric.', parameters: { field: 'quantity' } }]
				}
			};
		}
		if (row.status !== 0 && row.status !== 1) {
			return {
				status: 400,
				body: {
					message: 'Validation Failed',
					errors: [{ message: '"%field" should a known status.', parameters: { field: 'status' } }]
				}
			};
		}
		// The source is a foreign key: the whole save fails, nothing is written.
		if (!state.data.sources.has(row.source_code))
			return { status: 400, body: { message: 'Could not save Source Item' } };
	}
	const apply = () => {
		for (const row of rows) {
			const key = itemKey(row.sku, row.source_code);
			const existing = state.data.items.get(key);
			// An unknown SKU is stored all the same: an orphan item, as Magento does.
			state.data.items.set(key, {
				sku: existing?.sku ?? row.sku,
				source_code: row.source_code,
				quantity: row.quantity,
				status: row.status
			});
		}
		state.version++;
	};
	if (cut(state, res, apply)) return 'cut';
	apply();
	state.writeBatches++;
	return { body: [] };
}

function deleteSourceItems(state, _params, body, _req, res) {
	const refused = checkArray(state, body);
	if (refused) return refused;
	const apply = () => {
		for (const row of body.sourceItems) state.data.items.delete(itemKey(row.sku, row.source_code));
		state.version++;
	};
	if (cut(state, res, apply)) return 'cut';
	apply();
	state.writeBatches++;
	return { body: [] };
}

/** Seeding, reading back and switches, for the tests (never reached by the app). */
function control(state, req, res, url, rawBody) {
	const body = rawBody ? JSON.parse(rawBody) : {};
	const action = url.pathname.slice('/__control/'.length);
	const data = state.data;
	if (action === 'reset') {
		state.data = emptyData();
		state.switches = defaultSwitches();
		state.requests = {};
		state.writeBatches = 0;
	} else if (action === 'switches') {
		Object.assign(state.switches, body);
		if ('cutAfterBatches' in body) state.writeBatches = 0;
	} else if (action === 'seed') {
		for (const source of body.sources ?? [])
			data.sources.set(source.source_code, { enabled: true, ...source });
		for (const sku of body.products ?? []) data.products.set(sku.toLowerCase(), sku);
		for (const item of body.items ?? []) data.items.set(itemKey(item.sku, item.source_code), { ...item });
		// Large catalogues are made here, not sent: `count` products SKU-000001… with an item per source.
		if (body.generate) {
			const { count, sources, prefix = 'SKU-' } = body.generate;
			for (let i = 1; i <= count; i++) {
				const sku = `${prefix}${String(i).padStart(7, '0')}`;
				data.products.set(sku.toLowerCase(), sku);
				sources.forEach((source, s) =>
					data.items.set(itemKey(sku, source), {
						sku,
						source_code: source,
						quantity: (i * 7 + s * 3) % 101,
						status: (i + s) % 9 === 0 ? 0 : 1
					})
				);
			}
		}
	} else if (action === 'items') {
		// "Someone changed it in the admin": set or remove items directly.
		for (const item of body.set ?? []) {
			const key = itemKey(item.sku, item.source_code);
			data.items.set(key, { ...(data.items.get(key) ?? {}), ...item });
		}
		for (const item of body.remove ?? []) data.items.delete(itemKey(item.sku, item.source_code));
	} else if (action !== 'state') {
		return send(res, 404, { message: `unknown control ${action}` });
	}
	if (action !== 'state') state.version++;
	if (action === 'state') {
		const items = url.searchParams.get('items') === 'count' ? data.items.size : [...data.items.values()];
		return send(res, 200, {
			switches: state.switches,
			sources: [...data.sources.values()],
			products: [...data.products.values()],
			items,
			requests: state.requests,
			writeBatches: state.writeBatches
		});
	}
	send(res, 200, { ok: true });
}

/** A small client for the control API. */
export function controlDouble(url) {
	const call = async (action, body) => {
		const response = await fetch(`${url}/__control/${action}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!response.ok) throw new Error(`control ${action}: ${response.status}`);
		return response.json();
	};
	return {
		reset: () => call('reset', {}),
		seed: (data) => call('seed', data),
		switches: (values) => call('switches', values),
		setItems: (set, remove = []) => call('items', { set, remove }),
		state: (itemsAsCount = false) => call(`state${itemsAsCount ? '?items=count' : ''}`)
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const double = await startMagentoDouble({ port: Number(process.argv[2] ?? 0) });
	console.log(`Magento double at ${double.url} (token ${TOKEN})`);
}
