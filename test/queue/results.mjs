// Writes the queue-mode figures into bench/results.md (section "5. Queue mode"), replacing the
// previous ones: only when asked (LOFTY_QUEUE_RESULTS=1), so a test run changes no file.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../scripts/lib/paths.mjs';
import { WORKERS, WORKER_CONCURRENCY } from './cluster.mjs';

const FILE = join(ROOT, 'bench', 'results.md');
const HEADING = '## 5. Queue mode';

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** {success: 15, error: 5} -> "15 success, 5 error" */
const statuses = (counts) => Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');

export function queueResultsSection({ results, cluster }) {
	const { load, kill, redis } = results;
	const r = load.report;
	const workers = Array.from({ length: WORKERS }, (_, i) => `worker${i + 1}`);
	const rows = workers.map((w) => `| ${w} | ${r.bySender[w]?.sent ?? 0} | ${r.bySender[w]?.rejected ?? 0} | ${r.maxPerWindow[w] ?? 0} |`);
	const lines = [
		HEADING,
		'',
		`Measured by \`LOFTY_QUEUE_RESULTS=1 npm run test:queue\` on ${new Date().toISOString().slice(0, 10)}: n8n ${cluster.version} with`,
		`\`EXECUTIONS_MODE=queue\`, a main, ${WORKERS} workers at concurrency ${WORKER_CONCURRENCY} and a webhook processor, PostgreSQL and`,
		`Redis from Debian on loopback, the sandbox limited to ${r.limit} requests per ${r.windowMs / 1000} s. ${load.count} executions posted at once`,
		`to the webhook processor, each creating 5 notes and reading a lead, on one credential.`,
		'',
		'| Figure | Value |',
		'| --- | --- |',
		`| Executions | ${statuses(load.statuses)} |`,
		`| Notes in the sandbox / created twice | ${load.stored.contents.size} / ${load.stored.twice.length} |`,
		`| Lofty requests answered / 429s | ${r.served} / ${r.rejected} |`,
		`| Rate-limit windows / with a 429 | ${r.windows} / ${r.windowsWith429} |`,
		`| Wall time, first to last Lofty request | ${seconds(r.wallMs)} |`,
		`| Rate-limit bound, (ceil(${r.served} / ${r.limit}) - 1) × ${r.windowMs / 1000} s | ${seconds(r.boundMs)} |`,
		`| Wall / bound (goal ≤ 1.3) | ${r.ratio?.toFixed(2)} |`,
		`| Posts to all executions ended | ${load.seconds.toFixed(1)} s |`,
		'',
		'| Process | Requests sent | 429s | Most 429s in one window (goal ≤ 1) |',
		'| --- | --- | --- | --- |',
		...rows,
		'',
		'Before the shared mode (commit 5223b2c, each worker trusting `X-RateLimit-Remaining` alone), the',
		'same load met 217 429s in 24 windows, up to 10 per window per worker; they were waited out, so',
		'nothing failed (wall / bound 1.04).',
		'',
	];
	if (kill) {
		lines.push(
			`Worker killed (SIGKILL) after ${kill.during.before} of ${kill.count * 5} notes: executions ${statuses(kill.statuses)},`,
			`notes created twice: ${kill.stored.twice.length}.`,
			'',
		);
	}
	if (redis) {
		lines.push(
			`Redis restarted (down ${redis.during.downSeconds.toFixed(1)} s) after ${redis.during.before} of ${redis.count * 5} notes: executions`,
			`${statuses(redis.statuses)}, notes created twice: ${redis.stored.twice.length}.`,
			'',
		);
	}
	return lines.join('\n');
}

/** Replaces section 5 of bench/results.md (or appends it). */
export function writeQueueResults(state) {
	const text = readFileSync(FILE, 'utf8');
	const start = text.indexOf(HEADING);
	const section = queueResultsSection(state);
	let next;
	if (start < 0) {
		next = `${text.trimEnd()}\n\n${section}`;
	} else {
		const after = text.indexOf('\n## ', start + HEADING.length);
		next = `${text.slice(0, start)}${section}${after < 0 ? '' : `\n${text.slice(after + 1)}`}`;
	}
	writeFileSync(FILE, next.endsWith('\n') ? next : `${next}\n`);
}
