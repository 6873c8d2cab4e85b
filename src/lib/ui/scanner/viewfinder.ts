// The part of each frame the decoder looks at: the frame drawn on screen. Decoding only that region is
// faster, and it stops a code at the edge of the picture (on the next shelf) from being counted.

export const VIEWFINDER = { width: 0.8, height: 0.6 } as const;

export interface Crop {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The centred viewfinder of a `width` × `height` video frame, in whole pixels. */
export function viewfinderCrop(width: number, height: number): Crop {
	const w = Math.max(1, Math.round(width * VIEWFINDER.width));
	const h = Math.max(1, Math.round(height * VIEWFINDER.height));
	return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), width: w, height: h };
}
