import { describe, expect, it } from 'vitest';
import { Job } from './jobs';

describe('job progress', () => {
	it('names each new phase at once, and within a phase reports at most every 100 ms and its end', () => {
		const seen: string[] = [];
		const job = new Job((p) => seen.push(`${p.phase} ${p.done}/${p.total}`));
		job.report('Preparing', 0, 10);
		job.report('Preparing', 5, 10); // within 100 ms of the last: dropped
		job.report('Saving', 0, 10); // a new phase: shown although only moments passed
		job.report('Saving', 3, 10); // dropped
		job.report('Saving', 10, 10); // the end of a phase: shown
		expect(seen).toEqual(['Preparing 0/10', 'Saving 0/10', 'Saving 10/10']);
	});
});
