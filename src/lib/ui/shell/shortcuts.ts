// The desktop keyboard shortcuts of the whole app: `/` focuses the page's search, Ctrl+Z (⌘Z) undoes
// the last change, Esc closes the shell's menus. Keys typed into a field stay the field's own.

export interface ShortcutActions {
	undoLast: () => void;
	closeMenus: () => void;
}

function isTyping(target: EventTarget | null): boolean {
	return (
		target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null
	);
}

/** Handles `event` if it is one of the shortcuts; returns whether it was. */
export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions): boolean {
	const typing = isTyping(event.target);
	if (event.key === '/' && !typing) {
		const search = document.querySelector<HTMLInputElement>('input[type="search"]');
		if (!search) return false;
		event.preventDefault();
		search.focus();
		return true;
	}
	if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !typing) {
		event.preventDefault();
		actions.undoLast();
		return true;
	}
	if (event.key === 'Escape') {
		actions.closeMenus();
		return true;
	}
	return false;
}
