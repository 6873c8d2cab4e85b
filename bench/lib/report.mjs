// Collects figures, checks them against the profile's targets (targets.mjs), writes the results
// file and prints the table.

import { writeFileSync } from 'node:fs';

export class Report {
	constructor(meta) {
		this.meta = meta;
		this.phases = {};
		this.rows = []; // { phase, label, value, unit, target, pass } — pass null: information only
		this.skipped = [];
		this.notes = [];
		this.errors = [];
	}

	phase(name) {
		return (this.phases[name] ??= {});
	}

	/** A figure with a target: `limit` and `op` ('<' or '<='); or information only when limit is null. */
	figure(phase, label, value, unit, { limit = null, op = '<', targetText = null } = {}) {
		let pass = null;
		if (limit != null && value != null)
			pass = op === '<' ? value < limit : op === '>=' ? value >= limit : value <= limit;
		if (limit != null && value == null) pass = false;
		const sign = { '<': '<', '<=': '≤', '>=': '≥' }[op];
		const target = targetText ?? (limit != null ? `${sign} ${fmt(limit, unit)}` : '');
		this.rows.push({ phase, label, value, unit, target, limit, op, pass });
	}

	/** The tablet profile's proof: the fixed busy loop in page and worker, unthrottled and throttled. */
	throttled(phase, proof) {
		for (const where of ['page', 'worker']) {
			const p = proof[where];
			this.figure(phase, `CPU of the ${where} slowed (busy loop ${p.offMs} → ${p.onMs} ms)`, p.factor, '×', {
				limit: 2,
				op: '>=',
				targetText: '≥ 2× (asked 4×)'
			});
		}
		this.phase(phase).throttle = proof;
	}

	skip(phase, reason) {
		this.skipped.push({ phase, reason });
	}

	note(phase, text) {
		this.notes.push({ phase, text });
	}

	error(phase, error) {
		this.errors.push({ phase, message: error?.stack ?? String(error) });
	}

	get failed() {
		return this.rows.filter((row) => row.pass === false);
	}

	write(path) {
		const result = {
			...this.meta,
			finishedAt: new Date().toISOString(),
			summary: {
				checked: this.rows.filter((r) => r.pass !== null).length,
				passed: this.rows.filter((r) => r.pass === true).length,
				failed: this.failed.length,
				errors: this.errors.length,
				skipped: this.skipped.map((s) => s.phase)
			},
			figures: this.rows,
			phases: this.phases,
			skipped: this.skipped,
			notes: this.notes,
			errors: this.errors
		};
		writeFileSync(path, JSON.stringify(result, null, '\t') + '\n');
	}

	table() {
		const lines = [];
		const header = ['Phase', 'Measure', 'Value', 'Target', 'Result'];
		const order = ['seed', ...this.meta.options.scenarios, 'export'];
		const rank = (phase) => (order.includes(phase) ? order.indexOf(phase) : order.length);
		const rows = [...this.rows].sort((a, b) => rank(a.phase) - rank(b.phase));
		const body = rows.map((r) => [
			r.phase,
			r.label,
			fmt(r.value, r.unit),
			r.target,
			r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'
		]);
		const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => String(row[i]).length)));
		const line = (cells) =>
			cells.map((c, i) => (i === 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
		lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line));
		for (const s of this.skipped) lines.push(`SKIPPED ${s.phase}: ${s.reason}`);
		for (const n of this.notes) lines.push(`note (${n.phase}): ${n.text}`);
		for (const e of this.errors)
			lines.push(`ERROR in ${e.phase}: ${e.message.split('\n').slice(0, 6).join('\n   ')}`);
		return lines.join('\n');
	}
}

export function fmt(value, unit) {
	if (value == null) return '—';
	if (typeof value !== 'number') return String(value);
	switch (unit) {
		case 'ms':
			return value >= 10_000
				? `${(value / 1000).toFixed(1)} s`
				: `${Math.round(value).toLocaleString('en-US')} ms`;
		case '×':
			return `${value.toFixed(1)}×`;
		case 'MB':
			return `${value.toFixed(1)} MB`;
		case '':
		case undefined:
			return value.toLocaleString('en-US');
		default:
			return `${value.toLocaleString('en-US')} ${unit}`;
	}
}
