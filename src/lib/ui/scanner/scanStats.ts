// Timings of the camera scanner, kept in the page for `npm run bench` (and for anyone curious in the
// console): decode time per frame and, per counted code, the time from grabbing its frame to showing it.

export interface ScanStats {
	frames: { width: number; height: number; decodeMs: number; engine: string }[];
	hits: { code: string; grabbedAt: number; shownAt: number }[];
}

const LIMIT = 2000;

export function scanStats(): ScanStats {
	const holder = globalThis as { stockroomScanStats?: ScanStats };
	holder.stockroomScanStats ??= { frames: [], hits: [] };
	return holder.stockroomScanStats;
}

export function recordFrame(frame: ScanStats['frames'][number]) {
	const stats = scanStats();
	if (stats.frames.length >= LIMIT) stats.frames.shift();
	stats.frames.push(frame);
}

export function recordHit(hit: ScanStats['hits'][number]) {
	const stats = scanStats();
	if (stats.hits.length >= LIMIT) stats.hits.shift();
	stats.hits.push(hit);
}
