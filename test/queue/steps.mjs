// The queue-mode suite's steps (issue 14). They share one session: Postgres, Redis, two
// sandboxes ("queue", limited to 10 requests per 2 s, for the load and the Lofty Trigger; "leads"
// for the Lofty Lead Trigger) and the cluster (main, 2 workers at concurrency 5, webhook processor).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { ensureServicePackages, startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { nodeOutput } from '../../scripts/lib/n8n.mjs';
import { createLead, hookWorkflow, requestsSince, settled, subscriptionsFor, waitFor } from '../e2e/server.mjs';
import { coreNode, credentialRecord, line, loftyNode } from '../e2e/workflows.mjs';
import { QueueCluster, WORKERS, WORKER_CONCURRENCY } from './cluster.mjs';
import {
	LEAD_ID,
	NOTES_PER_EXECUTION,
	executionDetails,
	loadWorkflow,
	rateLimitReport,
	startLoad,
	statusCounts,
	storedNotes,
	tagSenders,
	waitForExecutions,
} from './load.mjs';

/** The issue's sandbox: 10 requests per 2 s. */
export const QUEUE_RATE_LIMIT = { limit: 10, windowMs: 2_000, resetStyle: 'remaining-ms' };
const LEADS_CREDENTIAL = { id: 'loftyQueueLeads', name: 'Lofty Sandbox (queue, leads)' };
const HOOK_ID = 'queueLoftyHook';
const HOOK_LISTS = [2, 9];
const POLL_ID = 'queueLeadPoll';
const POLL_NODE = 'New Lead';
const POLL_LINE = /Poll trigger initiated for workflow "queue: new leads"/;
const LOADS = {
	load: { id: 'queueLoad', path: 'lofty-queue-load', executions: 40 },
	kill: { id: 'queueKill', path: 'lofty-queue-kill', executions: 20 },
	redis: { id: 'queueRedis', path: 'lofty-queue-redis', executions: 20 },
};

function pollWorkflow() {
	return line(POLL_ID, 'queue: new leads', [
		loftyNode(POLL_NODE, 'loftyLeadTrigger', { event: 'newLead', pollTimes: { item: [{ mode: 'everyMinute' }] } }, [0, 0], LEADS_CREDENTIAL),
		coreNode('Emitted', 'noOp'),
	]);
}

/** Postgres, Redis, the sandboxes and the running cluster, started once. */
export function session(ctx) {
	return ctx.once('queue', async () => {
		const state = { leads: [], polls: [], results: {} };
		ctx.queue = state;
		let started = Date.now();
		const { installed } = await ensureServicePackages({ log: (line) => ctx.log(line) });
		ctx.time(installed.length ? `apt-get install ${installed.join(' ')}` : 'Redis and PostgreSQL (already installed)', (Date.now() - started) / 1000);
		started = Date.now();
		state.postgres = await startPostgres({ log: (line) => ctx.log(line) });
		state.redis = await startRedis({ log: (line) => ctx.log(line) });
		ctx.time('Postgres and Redis up', (Date.now() - started) / 1000);

		state.sandbox = await ctx.sandbox('queue', { rateLimit: QUEUE_RATE_LIMIT });
		state.leadsBox = await ctx.sandbox('leads', { rateLimit: { limit: 1_000, windowMs: 1_000, resetStyle: 'remaining-ms' } });
		const cluster = new QueueCluster(ctx, { postgres: state.postgres, redis: state.redis });
		state.cluster = cluster;
		const seconds = await cluster.start({
			credentials: [credentialRecord(state.sandbox.baseUrl, state.sandbox.apiKey), credentialRecord(state.leadsBox.baseUrl, state.leadsBox.apiKey, LEADS_CREDENTIAL)],
			workflows: [hookWorkflow({ id: HOOK_ID, name: 'queue: Lofty events', events: HOOK_LISTS }), pollWorkflow(), ...Object.values(LOADS).map(({ id, path }) => loadWorkflow(id, path))],
		});
		for (const [name, s] of Object.entries(seconds)) ctx.time(`n8n ${name} start (to ready)`, s);
		tagSenders(state.sandbox, cluster);
		cluster.main.log.listeners.add((text) => {
			if (POLL_LINE.test(text)) state.polls.push(Date.now());
		});
		return state;
	});
}

/** Stops the cluster, then Redis and Postgres (the suite's close hook). */
export async function closeSession(ctx) {
	const state = ctx.queue;
	if (!state) return;
	await state.cluster?.stop();
	await state.redis?.stop().catch(() => undefined);
	await state.postgres?.stop().catch(() => undefined);
}

/** A lead created in the "leads" sandbox while the workers run; the Lead Trigger must emit it once. */
async function addLead(ctx, label) {
	const state = ctx.queue;
	const n = state.leads.length + 1;
	const leadId = await createLead(state.leadsBox, { firstName: 'Queue', lastName: `Lead${n}`, emails: [`queue.lead${n}@example.com`], source: label });
	state.leads.push({ leadId, label, at: Date.now() });
	return leadId;
}

export async function clusterStep(ctx) {
	const state = await session(ctx);
	ctx.use(state.cluster.main);
	const [[version]] = await state.postgres.query('show server_version');
	ctx.note(`PostgreSQL ${version} on 127.0.0.1:${state.postgres.port}, Redis on 127.0.0.1:${state.redis.port}, both in temp folders`);
	ctx.note(`n8n ${state.cluster.version}: main ${state.cluster.main.baseUrl}, webhook processor ${state.cluster.webhook.baseUrl}, ${WORKERS} workers at concurrency ${WORKER_CONCURRENCY}`);
	const [[tables]] = await state.postgres.query("select count(*) from information_schema.tables where table_schema = 'public'");
	assert.ok(Number(tables) > 20, `n8n created its tables in Postgres (${tables})`);
	const [[credentials]] = await state.postgres.query("select count(*) from credentials_entity where type = 'loftyApi'");
	assert.equal(Number(credentials), 2, 'both Lofty credentials are in Postgres');

	// The Lead Trigger runs from now on; its polls run on the main, its executions on workers.
	await state.cluster.main.activate(POLL_ID);
	await settled(state.cluster.main, POLL_ID);
	await waitFor('the Lead Trigger’s first poll', () => state.polls.length > 0, { timeoutMs: 60_000 });
	await new Promise((resolve) => setTimeout(resolve, 1_100));
	await addLead(ctx, 'after activation');
}

/** Subscriptions of a list whose callback goes to the webhook processor. */
const subscriptions = (state, listId) => subscriptionsFor(state.sandbox, state.cluster.webhook, listId);

/** Lofty posts an event to the webhook processor; a worker runs the execution. */
async function eventRunsOnWorker(state, leadIds) {
	const { cluster, sandbox } = state;
	const before = new Set((await cluster.main.executions(HOOK_ID)).map((e) => e.id));
	const deliveries = await sandbox.lib.deliverWebhookEvent(sandbox.fake.data, HOOK_LISTS[0], { updatedLead: leadIds.map((leadId) => ({ leadId })) });
	const mine = deliveries.filter((d) => d.callbackUrl.startsWith(`${cluster.webhook.baseUrl}/`));
	assert.equal(mine.length, 1, `one delivery to the webhook processor (${JSON.stringify(deliveries)})`);
	assert.equal(mine[0].status, 200, `the webhook processor accepted the event: ${mine[0].status} ${mine[0].responseBody ?? mine[0].error}`);
	const execution = await waitFor(
		'the execution the event started',
		async () => (await cluster.main.executions(HOOK_ID)).find((e) => !before.has(e.id) && ['success', 'error', 'crashed'].includes(e.status)),
		{ timeoutMs: 60_000 },
	);
	assert.equal(execution.status, 'success', `execution ${execution.id}`);
	const full = await cluster.main.execution(execution.id);
	const items = nodeOutput(full.data, 'Lofty Trigger') ?? [];
	assert.deepEqual(items.map((item) => Number(item.leadId)), leadIds, 'the execution holds the event’s leads');
	const worker = await waitFor('the worker’s log line for the execution', () => cluster.workerOf(execution.id), { timeoutMs: 10_000 });
	return { execution, worker };
}

export async function triggerStep(ctx) {
	const state = await session(ctx);
	const { cluster } = state;
	ctx.use(cluster.main);
	const since = Date.now();
	await cluster.main.activate(HOOK_ID);
	await settled(cluster.main, HOOK_ID);
	await waitFor('a subscription per list', () => HOOK_LISTS.every((list) => subscriptions(state, list).length === 1), { timeoutMs: 60_000 });
	const original = HOOK_LISTS.map((list) => subscriptions(state, list)[0]);
	assert.equal(requestsSince(state.sandbox, 'POST', '/v1.0/webhook', since).length, HOOK_LISTS.length, 'activation subscribed once per list');
	ctx.note(`activation: one subscription per list (${HOOK_LISTS.join(', ')}), callbacks on the webhook processor ${cluster.webhook.baseUrl}/webhook/…`);

	const first = await eventRunsOnWorker(state, [1000001, 1000002]);
	ctx.note(`event posted to the webhook processor -> execution ${first.execution.id}, run by ${first.worker}`);

	const restartedAt = Date.now();
	const seconds = await cluster.restartMainAndWorkers();
	await settled(cluster.main, HOOK_ID);
	const again = await waitFor('the restarted cluster to run an event', () => eventRunsOnWorker(state, [1000003]), { timeoutMs: 120_000, intervalMs: 3_000 });
	for (const [index, list] of HOOK_LISTS.entries()) {
		const now = subscriptions(state, list);
		assert.equal(now.length, 1, `one subscription for list ${list} after the restart`);
		assert.equal(now[0].subscribeId, original[index].subscribeId, `the same subscription for list ${list}`);
	}
	const created = requestsSince(state.sandbox, 'POST', '/v1.0/webhook', restartedAt).length;
	assert.equal(created, 0, 'no subscription created by the restart');
	ctx.note(
		`restart of main and workers (main ready in ${seconds.main.toFixed(1)} s): still one subscription per list, ${created} created; event -> execution ${again.execution.id} on ${again.worker}`,
	);

	const off = Date.now();
	await cluster.main.deactivate(HOOK_ID);
	await settled(cluster.main, HOOK_ID);
	await waitFor('the subscriptions to be deleted', () => HOOK_LISTS.every((list) => subscriptions(state, list).length === 0), { timeoutMs: 60_000 });
	const deleted = requestsSince(state.sandbox, 'DELETE', /^\/v1\.0\/webhook\//, off).length;
	assert.equal(deleted, HOOK_LISTS.length, 'one DELETE per subscription');
	ctx.note(`deactivation: ${deleted} DELETE /v1.0/webhook/{id}, no subscription left`);
}

/** Runs one load (executions posted at once) and checks what ended; returns the figures. */
async function runLoad(ctx, key, { during } = {}) {
	const state = ctx.queue;
	const { cluster, sandbox } = state;
	const { id, path, executions: count } = LOADS[key];
	await cluster.main.activate(id);
	await settled(cluster.main, id);
	const tag = `${key}-${randomUUID().slice(0, 8)}`;
	const since = sandbox.fake.requests.length;
	const started = Date.now();
	const answers = await startLoad(cluster.webhook, path, tag, count);
	assert.ok(answers.every((status) => status === 200), `the webhook processor took every execution (${answers.join(', ')})`);
	const duringResult = await during?.({ tag, started });
	const ended = await waitForExecutions(cluster.main, id, count, { timeoutMs: key === 'load' ? 300_000 : 240_000, allowUnfinished: key !== 'load' });
	const seconds = (Date.now() - started) / 1000;
	const details = await executionDetails(cluster.main, cluster, ended);
	const stored = storedNotes(sandbox, tag);
	const report = rateLimitReport(sandbox, since);
	await cluster.main.deactivate(id);
	await settled(cluster.main, id);
	return { tag, count, seconds, details, stored, report, during: duringResult, statuses: statusCounts(ended) };
}

function describeReport(report) {
	const senders = Object.entries(report.bySender)
		.map(([who, s]) => `${who} ${s.sent} sent/${s.rejected} 429 (at most ${report.maxPerWindow[who] ?? 0} in a window)`)
		.join('; ');
	return `${report.served} answered, ${report.rejected} 429s in ${report.windows} windows (${report.windowsWith429} with a 429); ${senders}`;
}

export async function loadStep(ctx) {
	const state = await session(ctx);
	ctx.use(state.cluster.main);
	const result = await runLoad(ctx, 'load', { during: () => addLead(ctx, 'during the load') });
	state.results.load = result;
	const { details, stored, report } = result;
	const byWorker = {};
	for (const d of details) byWorker[d.worker ?? 'unknown'] = (byWorker[d.worker ?? 'unknown'] ?? 0) + 1;
	ctx.note(`${result.count} executions: ${JSON.stringify(result.statuses)}; run by ${JSON.stringify(byWorker)}; all ended ${result.seconds.toFixed(1)} s after the posts`);
	ctx.note(`rate limit ${report.limit} per ${report.windowMs / 1000} s: ${describeReport(report)}`);
	ctx.note(`wall time (first to last Lofty request) ${(report.wallMs / 1000).toFixed(1)} s; bound ${(report.boundMs / 1000).toFixed(1)} s; ratio ${report.ratio?.toFixed(2)}`);
	for (const line of report.crowded) ctx.note(`more than one 429 for a sender in ${line} (sender@ms into the window, × = 429)`);
	assert.deepEqual(result.statuses, { success: result.count }, 'every execution succeeded');
	const failedItems = details.filter((d) => d.notes.length !== NOTES_PER_EXECUTION || d.lead.length !== 1);
	assert.equal(failedItems.length, 0, `every execution created ${NOTES_PER_EXECUTION} notes and read the lead (${failedItems.map((d) => d.id).join(', ')})`);
	assert.equal(stored.twice.length, 0, `no note created twice: ${stored.twice.join(', ')}`);
	assert.equal(stored.contents.size, result.count * NOTES_PER_EXECUTION, 'every note is in the sandbox');
	assert.ok(Object.keys(byWorker).every((w) => w.startsWith('worker')), 'every execution ran on a worker');
	for (let i = 1; i <= WORKERS; i++) {
		const worst = report.maxPerWindow[`worker${i}`] ?? 0;
		assert.ok(worst <= 1, `worker${i} got at most one 429 per window (got ${worst})`);
	}
}

/** Waits until at least `n` notes of the load tagged `tag` are in the sandbox. */
function notesReach(state, tag, n) {
	return waitFor(`${n} notes of ${tag}`, () => storedNotes(state.sandbox, tag).notes.length >= n, { timeoutMs: 120_000, intervalMs: 100 });
}

export async function killStep(ctx) {
	const state = await session(ctx);
	const { cluster } = state;
	ctx.use(cluster.main);
	const victim = cluster.workers[0];
	const result = await runLoad(ctx, 'kill', {
		during: async ({ tag }) => {
			await notesReach(state, tag, 15);
			const before = storedNotes(state.sandbox, tag).notes.length;
			await victim.kill();
			ctx.log(`killed ${victim.name} with SIGKILL after ${before} notes`);
			await addLead(ctx, 'after a worker was killed');
			return { before };
		},
	});
	state.results.kill = result;
	const { details, stored } = result;
	const onVictim = details.filter((d) => d.worker === victim.name);
	ctx.note(`SIGKILL to ${victim.name} after ${result.during.before} of ${result.count * NOTES_PER_EXECUTION} notes; after ${result.seconds.toFixed(0)} s: ${JSON.stringify(result.statuses)}`);
	ctx.note(
		`${victim.name} had run ${onVictim.length} of them (${JSON.stringify(statusCounts(onVictim))}); notes stored ${stored.notes.length}, ${stored.twice.length} created twice`,
	);
	const failedOnVictim = onVictim.find((d) => d.error);
	if (failedOnVictim) ctx.note(`n8n's verdict on execution ${failedOnVictim.id}: ${failedOnVictim.error.slice(0, 200)}`);
	const unfinished = details.filter((d) => !['success', 'error', 'crashed', 'canceled'].includes(d.status));
	assert.equal(unfinished.length, 0, `n8n marked every execution failed or finished (left ${unfinished.map((d) => `${d.id} ${d.status}`).join(', ')})`);
	assert.equal(stored.twice.length, 0, `no note created twice: ${stored.twice.join(', ')}`);
	const onSurvivor = details.filter((d) => d.worker && d.worker !== victim.name);
	assert.ok(onSurvivor.every((d) => d.status === 'success'), 'executions on the surviving worker succeeded');
	for (const d of details.filter((x) => x.status === 'success')) assert.equal(d.notes.length, NOTES_PER_EXECUTION, `execution ${d.id} created its notes`);
	const seconds = await victim.start();
	ctx.note(`${victim.name} started again in ${seconds.toFixed(1)} s`);
}

export async function redisStep(ctx) {
	const state = await session(ctx);
	const { cluster, redis } = state;
	ctx.use(cluster.main);
	const result = await runLoad(ctx, 'redis', {
		during: async ({ tag }) => {
			await notesReach(state, tag, 10);
			const before = storedNotes(state.sandbox, tag).notes.length;
			const started = Date.now();
			await redis.restart(2_000);
			await addLead(ctx, 'after Redis restarted');
			return { before, downSeconds: (Date.now() - started) / 1000 };
		},
	});
	state.results.redis = result;
	const { details, stored } = result;
	const failed = details.filter((d) => d.status !== 'success');
	ctx.note(`Redis restarted (down ${result.during.downSeconds.toFixed(1)} s) after ${result.during.before} notes; after ${result.seconds.toFixed(0)} s: ${JSON.stringify(result.statuses)}`);
	for (const d of failed.slice(0, 5)) ctx.note(`execution ${d.id} ${d.status}${d.failedNode ? ` in "${d.failedNode}"` : ''}${d.error ? `: ${d.error.slice(0, 160)}` : ''}`);
	ctx.note(`notes stored ${stored.notes.length} of ${result.count * NOTES_PER_EXECUTION}, ${stored.twice.length} created twice`);
	const ours = failed.filter((d) => d.failedNode && /^(Create Note|Read Lead)$/.test(d.failedNode));
	assert.equal(ours.length, 0, `no Lofty node failed: ${ours.map((d) => `${d.id} ${d.error}`).join('; ')}`);
	assert.equal(stored.twice.length, 0, `no note created twice: ${stored.twice.join(', ')}`);
	for (const worker of cluster.workers) assert.ok(worker.pid, `${worker.name} is still running`);
}

/** Executions of the poll workflow that hold each created lead. */
async function emissions(state) {
	const found = new Map(state.leads.map((lead) => [lead.leadId, []]));
	for (const summary of await state.cluster.main.executions(POLL_ID)) {
		const execution = await state.cluster.main.execution(summary.id);
		for (const item of nodeOutput(execution.data, POLL_NODE) ?? []) {
			found.get(Number(item.leadId))?.push(summary.id);
		}
	}
	return found;
}

export async function leadTriggerStep(ctx) {
	const state = await session(ctx);
	const { cluster, postgres } = state;
	ctx.use(cluster.main);
	if (!state.leads.length) await addLead(ctx, 'in the lead-trigger step');
	const last = Math.max(...state.leads.map((lead) => lead.at));
	// Two polls after the last lead: the first emits it, the second must not repeat anything.
	await waitFor('two polls after the last lead', () => state.polls.filter((t) => t > last).length >= 2, { timeoutMs: 180_000, intervalMs: 1_000 });
	await waitForExecutions(cluster.main, POLL_ID, 1, { timeoutMs: 60_000 });
	const found = await emissions(state);
	for (const lead of state.leads) ctx.note(`lead ${lead.leadId} (${lead.label}) -> execution(s) ${found.get(lead.leadId).join(', ') || 'none'}`);
	ctx.note(`${state.polls.length} polls on the main; the leads' executions ran on ${[...new Set([...found.values()].flat().map((id) => cluster.workerOf(id) ?? '?'))].join(', ')}`);
	for (const lead of state.leads) assert.equal(found.get(lead.leadId).length, 1, `lead ${lead.leadId} (${lead.label}) emitted exactly once`);
	const [[staticData]] = await postgres.query(`select "staticData" from workflow_entity where id = '${POLL_ID}'`);
	assert.ok(staticData && staticData !== '{}', 'the trigger’s position is in Postgres');
	ctx.note(`static data in Postgres (workflow_entity."staticData"): ${staticData.slice(0, 160)}`);
	await cluster.main.deactivate(POLL_ID);
	await settled(cluster.main, POLL_ID);
}
