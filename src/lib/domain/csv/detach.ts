// Strings cut from a parsed chunk can keep the whole chunk alive (V8 slices share their parent); what
// the check keeps for later (SKUs, messages, cells) is copied out first.

/** A copy of `text` that shares no memory with the string it was cut from. */
export function detach(text: string): string {
	if (text.length < 13) return text; // V8 copies short substrings anyway
	return ('\u0000' + text).slice(1);
}
