// Chromium caps an element's height near 16.7 M CSS px (half on some high-DPI tablets), so a list of a
// million rows can not be one tall div. The scroll area is capped, and its scroll position is scaled
// onto the virtual height (the approach of immich's VirtualScrollManager).

export const MAX_SCROLL_HEIGHT = 4_000_000;

export interface ScrollLayout {
	/** Height of the scrolling spacer. */
	height: number;
	/** First row to render and how far to shift the rows up so the first is partly hidden. */
	first: number;
	shift: number;
}

export function scrollLayout(
	total: number,
	rowHeight: number,
	viewport: number,
	scrollTop: number
): ScrollLayout {
	const virtual = total * rowHeight;
	const height = Math.min(virtual, MAX_SCROLL_HEIGHT);
	const range = Math.max(0, height - viewport);
	const virtualRange = Math.max(0, virtual - viewport);
	const top = range === 0 ? 0 : Math.min(scrollTop, range) * (virtualRange / range);
	const first = Math.floor(top / rowHeight);
	return { height, first, shift: top - first * rowHeight };
}
