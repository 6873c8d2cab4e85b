// Magento's error bodies carry placeholders (`%name`, or `%1` for a list) that the client fills in;
// and what Connect, a pull and a send say, in the words the page shows.

export interface MagentoErrorBody {
	message: string;
	parameters?: Record<string, unknown> | unknown[];
	errors?: { message: string; parameters?: Record<string, unknown> | unknown[] }[];
}

/** `The consumer isn't authorized to access %resources.` + {resources: 'X'} → `… access X.` */
export function fillPlaceholders(message: string, parameters?: Record<string, unknown> | unknown[]): string {
	if (!parameters) return message;
	return message.replace(/%(\w+)/g, (whole, name: string) => {
		const value = Array.isArray(parameters)
			? /^\d+$/.test(name)
				? parameters[Number(name) - 1]
				: undefined
			: parameters[name];
		return value === undefined || value === null ? whole : String(value);
	});
}

/** The body's message with its placeholders filled, then each validation error's. */
export function magentoMessage(body: MagentoErrorBody): string {
	const main = fillPlaceholders(body.message, body.parameters);
	const details = (body.errors ?? []).map((error) => fillPlaceholders(error.message, error.parameters));
	return details.length > 0 ? `${main} (${details.join('; ')})` : main;
}

export function isMagentoErrorBody(value: unknown): value is MagentoErrorBody {
	return (
		typeof value === 'object' && value !== null && typeof (value as MagentoErrorBody).message === 'string'
	);
}

/** Input limits: the refused array's or page's maximum, to send smaller batches; null for other errors. */
export function inputLimit(body: MagentoErrorBody): number | null {
	if (!/^Maximum /.test(body.message) || Array.isArray(body.parameters)) return null;
	const max = Number(body.parameters?.max);
	return Number.isInteger(max) && max > 0 ? max : null;
}

/** The ACL resource a 401 names, when it names one. */
export function missingResource(body: MagentoErrorBody): string | null {
	if (Array.isArray(body.parameters)) return null;
	const resources = body.parameters?.resources;
	return typeof resources === 'string' && resources !== '' ? resources : null;
}

export const BEARER_SETTING =
	'Stores › Configuration › Services › OAuth › Consumer Settings › Allow OAuth Access Tokens to be used as standalone Bearer tokens';
export const READ_RESOURCE = 'Magento_InventoryApi::source';
export const WRITE_RESOURCE = 'Magento_InventoryApi::stock_source_item_assign';
export const PRODUCTS_RESOURCE = 'Magento_Catalog::products';

export function refusedTokenMessage(resource: string | null): string {
	return (
		`Magento refused the access token${resource ? ` for ${resource}` : ''}. Check that the token is ` +
		`copied whole and that its integration is active and has access to ${resource ?? READ_RESOURCE}. ` +
		`An integration token is accepted as a bearer token only when the store allows it: ${BEARER_SETTING} = Yes.`
	);
}

export function missingWriteMessage(): string {
	return (
		`Connected for reading only: the token may not change stock (missing permission ${WRITE_RESOURCE}). ` +
		`Give the integration "Stores › Inventory › Stocks › Source Item Assigning" to send changes.`
	);
}

export function corsMessage(origin: string): string {
	return (
		`The store answered, but does not allow this app's origin (${origin}) to call its API (CORS). ` +
		`Allow ${origin} on the store: a CORS module for Magento, or CORS headers in its web server.`
	);
}

export const OFFLINE_MESSAGE = 'This device is offline. Connect to a network and try again.';

export function unreachableMessage(host: string): string {
	return `No answer from ${host}: check the Store URL (is the host name right?) and the network.`;
}

export function noInventoryMessage(url: string): string {
	return (
		`${url} has no inventory API (404: Request does not match any route). Either the Store URL is ` +
		`wrong or Multi-Source Inventory (Magento_Inventory modules) is not installed.`
	);
}
