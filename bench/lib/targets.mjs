// The performance targets per profile. `null`: information only in that profile.
//   normal: this machine (headless Chromium, 2 cores); import and export are held against the limit
//           tool's figures when `--limit` is given (1.5 × the browser's own limit for the same work).
//   tablet: page and worker CPU slowed 4× (bench/lib/throttle.mjs), a mid-range tablet.

export const PROFILES = {
	normal: {
		cpuRate: 1,
		targets: {
			startMs: 3000,
			queryMs: 100,
			scanMs: 100,
			cameraScanMs: 300,
			transferMs: 3000,
			heapMB: 400,
			importMs: null,
			exportMs: null
		}
	},
	tablet: {
		cpuRate: 4,
		targets: {
			startMs: 3000,
			queryMs: 100,
			scanMs: 100,
			cameraScanMs: null,
			transferMs: null,
			heapMB: 400,
			importMs: 8000,
			exportMs: null
		}
	}
};
