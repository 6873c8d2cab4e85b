// Scan sounds: a short high beep for a hit, a low tone for an unknown code (WebAudio, no files).

let audio: AudioContext | null = null;

export function playScanSound(kind: 'hit' | 'unknown') {
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
		// No audio (a browser without WebAudio or a blocked context): counting goes on silently.
	}
}
