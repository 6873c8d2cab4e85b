// Shows as many of a list's entries as fit its box, whole, and a "+N more" that counts the rest.
// Works on the DOM directly: it measures the real layout (fonts, names and widths vary).

/** Rectangles, not offsets: offsets are rounded, and two lines of 17.7 px would not fit in 35.4 px. */
function fits(element: HTMLElement, box: DOMRect): boolean {
	const rect = element.getBoundingClientRect();
	return rect.bottom <= box.bottom + 0.5 && rect.right <= box.right + 0.5;
}

/**
 * Lays out `list`'s entries (its children but `more`, which is the last): at most `atMost` of them, as
 * many as fit whole together with `more`, which says how many are left out and is hidden when none
 * are. The list must clip what overflows it.
 */
export function fitEntries(list: HTMLElement, more: HTMLElement, atMost: number) {
	const entries = ([...list.children] as HTMLElement[]).filter((child) => child !== more);
	for (let shown = Math.min(atMost, entries.length); shown >= 0; shown--) {
		entries.forEach((entry, i) => (entry.hidden = i >= shown));
		more.hidden = shown === entries.length;
		more.textContent = `+${entries.length - shown} more`;
		const visible = entries.slice(0, shown);
		if (!more.hidden) visible.push(more);
		const box = list.getBoundingClientRect();
		if (visible.every((element) => fits(element, box))) return;
	}
}
