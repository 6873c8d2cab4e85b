// Short messages after every change, in the shop's words, carrying Undo for ten seconds.

export interface Toast {
	id: number;
	message: string;
	tone: 'success' | 'error' | 'info';
	/** History operation this toast can undo. */
	undoOperation?: number;
}

const TOAST_MS = 10_000;

class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;

	show(message: string, options: { tone?: Toast['tone']; undoOperation?: number } = {}) {
		const toast: Toast = {
			id: this.#next++,
			message,
			tone: options.tone ?? 'success',
			undoOperation: options.undoOperation
		};
		this.items = [...this.items, toast];
		setTimeout(() => this.dismiss(toast.id), TOAST_MS);
		return toast.id;
	}

	error(message: string) {
		return this.show(message, { tone: 'error' });
	}

	dismiss(id: number) {
		this.items = this.items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
