// One open camera: the stream, the camera choice, the torch, and the decode loop. Frames go to the
// decoder worker one at a time, cropped to the viewfinder; frames arriving while one is decoding are
// dropped, so a slow device scans less often but never falls behind or stalls the page.

import { tick } from 'svelte';
import { ScanCooldown } from '$lib/domain/barcode/cooldown';
import { cameraProblemMessage, cameraProblemOf, type CameraProblem } from './cameraProblems';
import { recordFrame, recordHit } from './scanStats';
import { rememberCamera, rememberedCamera, scanCooldownMs } from './scanSettings';
import { viewfinderCrop } from './viewfinder';

type DecoderClient = typeof import('./decoderClient');

export type CameraState = 'closed' | 'starting' | 'scanning';

export interface CameraOption {
	id: string;
	label: string;
}

export class CameraScan {
	state = $state<CameraState>('closed');
	problem = $state('');
	problemKind = $state<CameraProblem | null>(null);
	cameras = $state.raw<CameraOption[]>([]);
	cameraId = $state<string | null>(null);
	/** `none`: this camera has no torch (the button is not shown). */
	torch = $state<'none' | 'off' | 'on'>('none');

	readonly #onscan: (code: string) => unknown;
	readonly #continuous: boolean;
	#cooldown = new ScanCooldown();
	#stream: MediaStream | null = null;
	#video: HTMLVideoElement | null = null;
	#client: DecoderClient | null = null;
	/** Bumped by every open and close, so a late answer from an older session is ignored. */
	#session = 0;

	/** `continuous`: keep scanning after a hit (a count); otherwise the camera closes after the first. */
	constructor(onscan: (code: string) => unknown, continuous: boolean) {
		this.#onscan = onscan;
		this.#continuous = continuous;
	}

	get open(): boolean {
		return this.state !== 'closed';
	}

	/** Opens the camera into the video element the panel renders once the state is `starting`. */
	async start(video: () => HTMLVideoElement | undefined) {
		if (this.state !== 'closed') return;
		this.problem = '';
		this.problemKind = null;
		if (!navigator.mediaDevices?.getUserMedia) return this.#fail('unsupported');
		const session = ++this.#session;
		this.state = 'starting';
		this.#cooldown = new ScanCooldown(scanCooldownMs());
		// The decoder (its code and WebAssembly) loads while the camera starts, not before.
		const decoder = import('./decoderClient').then(async (client) => {
			await client.warmUpDecoder();
			return client;
		});
		decoder.catch(() => undefined);
		let stream: MediaStream;
		try {
			stream = await this.#openStream(rememberedCamera());
		} catch (error) {
			if (session === this.#session) this.#fail(cameraProblemOf(error));
			return;
		}
		if (session !== this.#session) return stopStream(stream);
		this.#stream = stream;
		await tick();
		const element = video();
		if (!element) return this.close();
		this.#video = element;
		element.srcObject = stream;
		await element.play().catch(() => undefined);
		await this.#describeCamera(stream);
		try {
			this.#client = await decoder;
		} catch (error) {
			if (session !== this.#session) return;
			this.close();
			return this.#fail('decoder', error instanceof Error ? error.message : String(error));
		}
		if (session !== this.#session) return;
		this.state = 'scanning';
		this.#nextFrame(session);
	}

	/** Releases the camera (also when the page is left: the panel calls this when it goes). */
	close() {
		this.#session++;
		if (this.#stream) stopStream(this.#stream);
		this.#stream = null;
		if (this.#video) this.#video.srcObject = null;
		this.#video = null;
		this.state = 'closed';
		this.torch = 'none';
	}

	async chooseCamera(id: string, video: () => HTMLVideoElement | undefined) {
		rememberCamera(id);
		this.close();
		await this.start(video);
	}

	async toggleTorch() {
		const track = this.#stream?.getVideoTracks()[0];
		if (!track || this.torch === 'none') return;
		const on = this.torch === 'off';
		try {
			await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
			this.torch = on ? 'on' : 'off';
		} catch {
			this.torch = 'none';
		}
	}

	async #openStream(deviceId: string | null): Promise<MediaStream> {
		const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
		if (deviceId) {
			try {
				return await navigator.mediaDevices.getUserMedia({
					video: { deviceId: { exact: deviceId }, ...size }
				});
			} catch (error) {
				// The remembered camera is gone (another tablet, a USB camera unplugged): take the default.
				if (cameraProblemOf(error) !== 'absent') throw error;
			}
		}
		return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' }, ...size } });
	}

	async #describeCamera(stream: MediaStream) {
		const track = stream.getVideoTracks()[0];
		this.cameraId = track?.getSettings().deviceId ?? null;
		const capabilities = (track?.getCapabilities?.() ?? {}) as { torch?: boolean };
		this.torch = capabilities.torch ? 'off' : 'none';
		const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
		this.cameras = devices
			.filter((device) => device.kind === 'videoinput')
			.map((device, i) => ({ id: device.deviceId, label: device.label || `Camera ${i + 1}` }));
	}

	#nextFrame(session: number) {
		const video = this.#video;
		if (!video || session !== this.#session) return;
		if ('requestVideoFrameCallback' in video)
			video.requestVideoFrameCallback(() => void this.#frame(session));
		else requestAnimationFrame(() => void this.#frame(session));
	}

	async #frame(session: number) {
		const video = this.#video;
		const client = this.#client;
		if (!video || !client || session !== this.#session) return;
		try {
			if (video.videoWidth > 0 && video.videoHeight > 0) await this.#decode(video, client, session);
		} catch (error) {
			if (session !== this.#session) return;
			this.close();
			return this.#fail('decoder', error instanceof Error ? error.message : String(error));
		}
		this.#nextFrame(session);
	}

	async #decode(video: HTMLVideoElement, client: DecoderClient, session: number) {
		const crop = viewfinderCrop(video.videoWidth, video.videoHeight);
		const grabbedAt = performance.now();
		const frame = await createImageBitmap(video, crop.x, crop.y, crop.width, crop.height);
		const result = await client.decodeFrame(frame);
		recordFrame({
			width: video.videoWidth,
			height: video.videoHeight,
			decodeMs: result.decodeMs,
			engine: result.engine
		});
		for (const code of result.codes) {
			if (session !== this.#session) return;
			// The moment the frame was grabbed, not when its decode ended: a busy decoder must not let one
			// code held in view count twice.
			if (!this.#cooldown.accept(code.value, grabbedAt)) continue;
			await this.#onscan(code.value);
			await tick();
			recordHit({ code: code.value, grabbedAt, shownAt: performance.now() });
			if (!this.#continuous) return this.close();
		}
	}

	#fail(kind: CameraProblem, detail = '') {
		this.state = 'closed';
		this.problemKind = kind;
		this.problem = cameraProblemMessage(kind, detail);
	}
}

function stopStream(stream: MediaStream) {
	for (const track of stream.getTracks()) track.stop();
}
