import { describe, expect, it } from 'vitest';
import { cameraProblemMessage, cameraProblemOf } from './cameraProblems';
import { viewfinderCrop } from './viewfinder';

const failure = (name: string) => new DOMException('camera failed', name);

describe('camera problems', () => {
	it('sorts getUserMedia failures into denied, absent and busy', () => {
		expect(cameraProblemOf(failure('NotAllowedError'))).toBe('denied');
		expect(cameraProblemOf(failure('SecurityError'))).toBe('denied');
		expect(cameraProblemOf(failure('NotFoundError'))).toBe('absent');
		expect(cameraProblemOf(failure('OverconstrainedError'))).toBe('absent');
		expect(cameraProblemOf(failure('NotReadableError'))).toBe('busy');
		expect(cameraProblemOf(failure('AbortError'))).toBe('busy');
	});

	it('says what to do, and that typing still works', () => {
		expect(cameraProblemMessage('denied')).toContain(
			"Allow the camera for this site in the browser's settings"
		);
		expect(cameraProblemMessage('absent')).toContain('No camera was found');
		expect(cameraProblemMessage('busy')).toContain('another app or tab may be using it');
		for (const kind of ['denied', 'absent', 'busy', 'unsupported', 'decoder'] as const) {
			expect(cameraProblemMessage(kind)).toContain('Typing a code or a keyboard scanner still works.');
		}
	});
});

describe('viewfinderCrop', () => {
	it('is the centred 80% × 60% of the frame, in whole pixels', () => {
		expect(viewfinderCrop(640, 480)).toEqual({ x: 64, y: 96, width: 512, height: 288 });
		expect(viewfinderCrop(1280, 720)).toEqual({ x: 128, y: 144, width: 1024, height: 432 });
	});
});
