// Undo from anywhere (a toast's Undo, the History page, Ctrl+Z): asks the engine, then tells the outcome
// in a toast; a successful undo's toast can itself be undone (a redo).

import type { Outcome } from '$lib/domain/outcome';
import type { UndoResult } from '$lib/worker/historyCommands';
import { engine } from '$lib/ui/engine';
import { toasts } from '$lib/ui/toasts.svelte';

function tell(outcome: Outcome<UndoResult>, toastFailure = true): Outcome<UndoResult> {
	if (outcome.ok) toasts.show(outcome.value.message, { undoOperation: outcome.value.operation });
	else if (toastFailure) toasts.error(outcome.message);
	return outcome;
}

/**
 * Undoes history operation `opId`, or says (naming the items) why it can not. A page that shows the
 * refusal itself (History) passes `toastFailure: false` so the message is not said twice.
 */
export async function undoOperation(
	opId: number,
	{ toastFailure = true }: { toastFailure?: boolean } = {}
): Promise<Outcome<UndoResult>> {
	return tell(await engine().undoOperation(opId), toastFailure);
}

/** Ctrl+Z: undoes the newest operation not undone yet. */
export async function undoFromShortcut(): Promise<Outcome<UndoResult>> {
	return tell(await engine().undoLast());
}
