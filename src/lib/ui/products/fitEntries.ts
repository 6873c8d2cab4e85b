// Shows as many of a list's entries as fit its box, whole, and a "+N more" that counts the rest.
// Works on the DOM directly: it measures the real layout (fonts, names and widths vary). The grid
// measures every row scrolled into view, so the cells asking within a frame are measured together:
// all writes, one layout for all reads, all writes again (a layout per cell would cost the frame).

const TOLERANCE = 0.5;

interface Fit {
	list: HTMLElement;
	more: HTMLElement;
	atMost: number;
}

const pending = new Map<HTMLElement, Fit>();
let frame = 0;

/** Rectangles, not offsets: offsets are rounded, and two lines of 17.7 px would not fit in 35.4 px. */
function within(rect: DOMRect, box: DOMRect): boolean {
	return rect.bottom <= box.bottom + TOLERANCE && rect.right <= box.right + TOLERANCE;
}

/** Whether "+N more" fits right after `last`: on its line, or at the start of the next one. */
function roomForMore(last: DOMRect, more: DOMRect, gap: number, box: DOMRect): boolean {
	return (
		last.right + gap + more.width <= box.right + TOLERANCE ||
		last.bottom + more.height <= box.bottom + TOLERANCE
	);
}

const entriesOf = ({ list, more }: Fit) =>
	([...list.children] as HTMLElement[]).filter((child) => child !== more);

/** Shows the first `atMost` entries and "+N more" at its widest text, so the count found stays true. */
function prepare(fit: Fit) {
	const entries = entriesOf(fit);
	entries.forEach((entry, i) => (entry.hidden = i >= fit.atMost));
	fit.more.textContent = `+${entries.length} more`;
	fit.more.hidden = false;
}

/** How many entries to show. Hiding an entry moves none before it, so one layout tells every count's. */
function measure(fit: Fit): number {
	const entries = entriesOf(fit);
	const box = fit.list.getBoundingClientRect();
	const rects = entries.slice(0, fit.atMost).map((entry) => entry.getBoundingClientRect());
	const firstOut = rects.findIndex((rect) => !within(rect, box));
	let shown = firstOut === -1 ? rects.length : firstOut;
	if (shown < entries.length) {
		const more = fit.more.getBoundingClientRect();
		const gap = parseFloat(getComputedStyle(fit.list).columnGap) || 0;
		while (shown > 0 && !roomForMore(rects[shown - 1], more, gap, box)) shown--;
	}
	return shown;
}

function apply(fit: Fit, shown: number) {
	const entries = entriesOf(fit);
	entries.forEach((entry, i) => (entry.hidden = i >= shown));
	fit.more.hidden = shown === entries.length;
	fit.more.textContent = `+${entries.length - shown} more`;
}

function flush() {
	frame = 0;
	const fits = [...pending.values()].filter((fit) => fit.list.isConnected);
	pending.clear();
	fits.forEach(prepare);
	const counts = fits.map(measure);
	fits.forEach((fit, i) => apply(fit, counts[i]));
}

/**
 * Lays out `list`'s entries (its children but `more`) before the next paint: at most `atMost` of
 * them, as many as fit whole together with `more`, which says how many are left out and is hidden
 * when none are. The list wraps its entries in order and clips what overflows it.
 */
export function fitEntries(list: HTMLElement, more: HTMLElement, atMost: number) {
	pending.set(list, { list, more, atMost });
	if (frame === 0) frame = requestAnimationFrame(flush);
}
