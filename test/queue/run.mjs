// Queue-mode suite (issue 14): the package in n8n's queue mode, with real Redis and PostgreSQL
// from Debian's packages, a main, two workers and a webhook processor of the pinned n8n.
//
//   node test/queue/run.mjs [--only=step,step] [--skip=step,step] [--no-build]
//
// Later steps need the cluster step (it is started on demand when skipped). Logs go to
// test-artifacts/queue/. With LOFTY_QUEUE_RESULTS=1 the load figures are also written to
// bench/results.md (the table under "Queue mode"); otherwise nothing in the repository changes.

import { runSuite } from '../e2e/runner.mjs';
import { writeQueueResults } from './results.mjs';
import { closeSession, clusterStep, killStep, leadTriggerStep, loadStep, redisStep, triggerStep } from './steps.mjs';

const STEPS = [
	{ id: 'cluster', issue: '14', title: 'Redis and PostgreSQL from Debian, n8n 2.41.1 in queue mode: main, 2 workers (concurrency 5), webhook processor', run: clusterStep },
	{ id: 'trigger', issue: '14', title: 'Lofty Trigger: subscribe once, event on the webhook processor runs on a worker, restart keeps one subscription per list, deactivate unsubscribes', run: triggerStep },
	{ id: 'load', issue: '14', title: '40 executions at once (5 notes and a lead each) on one credential, sandbox at 10 requests per 2 s', run: loadStep },
	{ id: 'kill', issue: '14', title: 'a worker killed mid-run: n8n’s verdict, no note created twice', run: killStep },
	{ id: 'redis', issue: '14', title: 'Redis restarted during load: what n8n does, no failure from a Lofty node', run: redisStep },
	{ id: 'lead-trigger', issue: '14', title: 'Lofty Lead Trigger: each lead created while workers run emitted exactly once, static data in Postgres', run: leadTriggerStep },
];

runSuite({
	name: 'queue',
	steps: STEPS,
	timeoutMinutes: Number(process.env.QUEUE_TIMEOUT_MINUTES ?? 40),
	async close(ctx) {
		if (process.env.LOFTY_QUEUE_RESULTS === '1' && ctx.queue?.results.load) writeQueueResults(ctx.queue);
		await closeSession(ctx);
	},
});
