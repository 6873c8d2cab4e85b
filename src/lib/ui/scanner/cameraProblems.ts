// Why the camera did not open, in words that say what to do next. Typing and a keyboard scanner keep
// working in every case, so every message says so.

const STILL_WORKS = 'Typing a code or a keyboard scanner still works.';

export type CameraProblem = 'denied' | 'absent' | 'busy' | 'unsupported' | 'decoder';

/** Sorts a getUserMedia failure (a DOMException name) into what the user can do about it. */
export function cameraProblemOf(error: unknown): CameraProblem {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	switch (name) {
		case 'NotAllowedError':
		case 'SecurityError':
			return 'denied';
		case 'NotFoundError':
		case 'OverconstrainedError':
		case 'DevicesNotFoundError':
			return 'absent';
		case 'NotReadableError':
		case 'TrackStartError':
		case 'AbortError':
			return 'busy';
		default:
			return 'busy';
	}
}

export function cameraProblemMessage(problem: CameraProblem, detail = ''): string {
	switch (problem) {
		case 'denied':
			return `Stockroom may not use the camera. Allow the camera for this site in the browser's settings, then press Scan with camera again. ${STILL_WORKS}`;
		case 'absent':
			return `No camera was found on this device. Connect one, or keep going without it. ${STILL_WORKS}`;
		case 'busy':
			return `The camera is busy or could not start: another app or tab may be using it. Close that app, then press Scan with camera again. ${STILL_WORKS}`;
		case 'unsupported':
			return `This browser gives no camera access here (it needs a secure https:// address). ${STILL_WORKS}`;
		case 'decoder':
			return `The barcode reader could not start${detail ? ` (${detail})` : ''}. Reload the page once while online. ${STILL_WORKS}`;
	}
}
