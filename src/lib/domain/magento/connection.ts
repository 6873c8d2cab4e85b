// The connection form: a Store URL (https, or http only for this machine, for tests) and the REST base.

export interface Connection {
	/** Origin plus path, without a trailing slash: `https://shop.example.com`. */
	url: string;
	token: string;
	storeCode: string;
}

export type ParsedConnection =
	{ ok: true; connection: Connection } | { ok: false; field: string; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function parseConnection(rawUrl: string, rawToken: string, rawStoreCode: string): ParsedConnection {
	const text = rawUrl.trim();
	if (text === '')
		return { ok: false, field: 'url', message: 'Enter the Store URL, e.g. https://shop.example.com.' };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {
			ok: false,
			field: 'url',
			message: `"${text}" is not a web address, e.g. https://shop.example.com.`
		};
	}
	const loopback = LOOPBACK.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return {
			ok: false,
			field: 'url',
			message:
				'The Store URL must start with https:// (plain http:// is allowed only for localhost and 127.0.0.1).'
		};
	}
	if (url.search || url.hash || url.username || url.password) {
		return {
			ok: false,
			field: 'url',
			message: 'The Store URL can not hold a query, a fragment or a user name.'
		};
	}
	const token = rawToken.trim();
	if (token === '')
		return { ok: false, field: 'token', message: 'Enter the access token of the integration.' };
	if (/\s/.test(token))
		return { ok: false, field: 'token', message: 'The access token can not contain spaces.' };
	const storeCode = rawStoreCode.trim() || 'default';
	if (!/^[a-z0-9_]+$/i.test(storeCode)) {
		return { ok: false, field: 'storeCode', message: 'A store code holds only letters, digits and "_".' };
	}
	const path = url.pathname.replace(/\/+$/, '');
	return { ok: true, connection: { url: `${url.origin}${path}`, token, storeCode } };
}

export function restBase(connection: Pick<Connection, 'url' | 'storeCode'>): string {
	return `${connection.url}/rest/${encodeURIComponent(connection.storeCode)}/V1`;
}

/** `••••••••3f9a`: enough to recognise a token, never enough to use it. */
export function maskToken(token: string): string {
	return `••••••••${token.slice(-4)}`;
}

export function hostOf(url: string): string {
	return new URL(url).host;
}
