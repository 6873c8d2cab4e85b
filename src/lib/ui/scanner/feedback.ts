// What a scan sounds and feels like: a short high beep and a short buzz for a hit, a low tone and a
// double buzz for an unknown code (WebAudio, no sound files). The `Sounds` switch governs both.

const SOUNDS_KEY = 'stockroom.countSounds';

let audio: AudioContext | null = null;

export function soundsOn(): boolean {
	return typeof localStorage === 'undefined' || localStorage.getItem(SOUNDS_KEY) !== 'off';
}

export function setSoundsOn(on: boolean) {
	localStorage.setItem(SOUNDS_KEY, on ? 'on' : 'off');
}

export type ScanFeedback = 'hit' | 'unknown';

export function scanFeedback(kind: ScanFeedback) {
	if (!soundsOn()) return;
	playTone(kind);
	// Phones and some tablets vibrate; elsewhere `vibrate` is missing and this does nothing.
	navigator.vibrate?.(kind === 'hit' ? 40 : [80, 60, 80]);
}

function playTone(kind: ScanFeedback) {
	try {
		audio ??= new AudioContext();
		const oscillator = audio.createOscillator();
		const gain = audio.createGain();
		oscillator.type = kind === 'hit' ? 'sine' : 'square';
		oscillator.frequency.value = kind === 'hit' ? 1200 : 220;
		const length = kind === 'hit' ? 0.08 : 0.3;
		gain.gain.setValueAtTime(0.15, audio.currentTime);
		gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + length);
		oscillator.connect(gain).connect(audio.destination);
		oscillator.start();
		oscillator.stop(audio.currentTime + length);
	} catch {
		// No audio (a browser without WebAudio or a blocked context): scanning goes on silently.
	}
}
