// How the grid hands its selection to the labels page: a selection can be "every product matching this
// search", too big for an address, so it travels in this tab's sessionStorage (it also survives a reload
// of the labels page). One product travels in the address: `/labels?sku=…`.

import { goto } from '$app/navigation';
import type { ProductSelection } from '$lib/domain/productQuery';

const KEY = 'stockroom.labelSelection';

export type LabelRequest = ProductSelection | { sku: string };

export async function printLabelsFor(selection: ProductSelection) {
	sessionStorage.setItem(KEY, JSON.stringify(selection));
	await goto('/labels');
}

export function labelsHref(sku: string): string {
	return `/labels?sku=${encodeURIComponent(sku)}`;
}

/** The request the labels page was opened with, or null when there is none. */
export function labelRequestOf(url: URL): LabelRequest | null {
	const sku = url.searchParams.get('sku');
	if (sku) return { sku };
	const stored = sessionStorage.getItem(KEY);
	if (!stored) return null;
	try {
		return JSON.parse(stored) as ProductSelection;
	} catch {
		return null;
	}
}
