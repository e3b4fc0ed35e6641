// Issue item 3: the Lofty Trigger in a running `n8n start`. Activation subscribes the callback
// URL in the sandbox; an event the sandbox posts becomes an execution with the event's data; a
// request without the secret is refused; deactivation deletes the subscription; restarting n8n
// does not add a second one (with n8n 2.41's publication outbox, and with it turned off).
// Issue 20 part 3: with Fetch Full Record on, a batch naming a missing lead, against a sandbox
// allowing 5 requests a second, is answered within a second and runs once, the missing lead's
// item carrying recordError.

import assert from 'node:assert/strict';

import { nodeOutput } from '../../../scripts/lib/n8n.mjs';
import {
	FULL_RECORD_HOOK_WORKFLOW_ID,
	HOOK_LIST,
	HOOK_WORKFLOW_ID,
	finishedExecutions,
	requestsSince,
	serverSession,
	settled,
	subscriptionsFor,
	waitFor,
} from '../server.mjs';
import { startPolling } from './polling.mjs';

/** Plays Lofty: posts an event to every subscription of the list; resolves the deliveries. */
async function deliver(sandbox, leadIds) {
	return await sandbox.lib.deliverWebhookEvent(sandbox.fake.data, HOOK_LIST, { updatedLead: leadIds.map((leadId) => ({ leadId })) });
}

/** Delivers an event and waits for the execution it starts; returns the trigger's items. */
async function eventRunsWorkflow(ctx, n8n, sandbox, leadIds) {
	const before = (await n8n.executions(HOOK_WORKFLOW_ID)).length;
	const deliveries = await deliver(sandbox, leadIds);
	const mine = deliveries.filter((d) => d.callbackUrl.startsWith(`${n8n.baseUrl}/`));
	assert.equal(mine.length, 1, `one delivery to this n8n (${JSON.stringify(deliveries)})`);
	assert.equal(mine[0].status, 200, `n8n accepted the event: ${mine[0].status} ${mine[0].responseBody ?? mine[0].error}`);
	const execution = await waitFor(
		'the execution the event started',
		async () => {
			const list = await finishedExecutions(n8n, HOOK_WORKFLOW_ID);
			return list.length > before ? list[0] : undefined;
		},
		{ timeoutMs: 30_000 },
	);
	assert.equal(execution.status, 'success', `execution ${execution.id} status`);
	const full = await n8n.execution(execution.id);
	const items = nodeOutput(full.data, 'Lofty Trigger') ?? [];
	assert.deepEqual(
		items.map((item) => Number(item.leadId)),
		leadIds,
		`the execution holds the event's leads: ${JSON.stringify(items).slice(0, 400)}`,
	);
	assert.ok(items.every((item) => Number(item.listId) === HOOK_LIST), 'each item names the event list');
	assert.deepEqual(nodeOutput(full.data, 'Received')?.length, leadIds.length, 'the items flowed on to the next node');
	return { execution, items };
}

export async function webhookStep(ctx) {
	const { n8n, sandbox } = await serverSession(ctx);
	ctx.use(n8n);
	// The polling trigger's workflow is activated now, so that its minute-long polls run
	// while this and the editor step work (issue item 4 is checked in the polling step).
	await startPolling(ctx);

	const since = Date.now();
	await n8n.activate(HOOK_WORKFLOW_ID);
	const status = await settled(n8n, HOOK_WORKFLOW_ID);
	const [subscription] = await waitFor('the subscription in the sandbox', () => subscriptionsFor(sandbox, n8n).length && subscriptionsFor(sandbox, n8n), {
		timeoutMs: 60_000,
	});
	ctx.note(`activation: publication status "${status.status}" after ${((Date.now() - since) / 1000).toFixed(1)} s; subscribed ${subscription.callbackUrl.replace(/n8nToken=[^&]+/, 'n8nToken=…')}`);
	assert.equal(subscriptionsFor(sandbox, n8n).length, 1, 'exactly one subscription for the list');
	assert.match(subscription.callbackUrl, new RegExp(`^${n8n.baseUrl}/webhook/`), 'the callback is n8n’s production webhook URL');
	assert.match(subscription.callbackUrl, /[?&]n8nToken=[0-9a-f]{16,}/, 'the callback carries the trigger’s secret');
	assert.equal(requestsSince(sandbox, 'POST', '/v1.0/webhook', since).length, 1, 'one POST /v1.0/webhook');

	// Lofty posts an event: an execution with the event's data appears.
	const { execution, items } = await eventRunsWorkflow(ctx, n8n, sandbox, [1000001, 1000002]);
	ctx.note(`event -> execution ${execution.id} with ${items.length} items (leadId ${items.map((i) => i.leadId).join(', ')})`);

	// Without the secret (or with a wrong one) the request is refused and nothing runs.
	const before = (await n8n.executions(HOOK_WORKFLOW_ID)).length;
	const bare = subscription.callbackUrl.split('?')[0];
	const refused = [];
	for (const url of [bare, `${bare}?n8nToken=${'0'.repeat(48)}`]) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ listId: HOOK_LIST, updatedLead: [{ leadId: 1000003 }] }) });
		refused.push(response.status);
	}
	await new Promise((resolve) => setTimeout(resolve, 1_500));
	assert.ok(refused.every((code) => code === 401 || code === 403), `requests without the secret are refused (got ${refused.join(', ')})`);
	assert.equal((await n8n.executions(HOOK_WORKFLOW_ID)).length, before, 'a refused request starts no execution');
	ctx.note(`without the secret: HTTP ${refused[0]}; with a wrong secret: HTTP ${refused[1]}; no execution`);

	// Deactivation deletes the subscription.
	const off = Date.now();
	await n8n.deactivate(HOOK_WORKFLOW_ID);
	await settled(n8n, HOOK_WORKFLOW_ID);
	await waitFor('the subscription to be deleted', () => subscriptionsFor(sandbox, n8n).length === 0, { timeoutMs: 60_000 });
	assert.ok(requestsSince(sandbox, 'DELETE', `/v1.0/webhook/${subscription.subscribeId}`, off).length >= 1, 'DELETE /v1.0/webhook/{id}');
	ctx.note(`deactivation deleted subscription ${subscription.subscribeId} after ${((Date.now() - off) / 1000).toFixed(1)} s`);

	await fullRecordBatch(ctx, n8n, sandbox);
}

/** A lead id the sandbox does not have: Lofty answers 404 for it. */
const MISSING_LEAD = 1999999;
const BATCH_SIZE = 40;
const SLOW_LIMIT = { limit: 5, windowMs: 1_000, resetStyle: 'remaining-ms' };

/**
 * Fetch Full Record on, a batch of 40 lead events one of which names a missing lead, the sandbox
 * allowing 5 requests a second: n8n answers within a second (before any lead GET), one execution
 * runs with every event, the missing lead's item carrying recordError.
 */
async function fullRecordBatch(ctx, n8n, sandbox) {
	await n8n.activate(FULL_RECORD_HOOK_WORKFLOW_ID);
	await settled(n8n, FULL_RECORD_HOOK_WORKFLOW_ID);
	const [subscription] = await waitFor('the Fetch Full Record subscription', () => subscriptionsFor(sandbox, n8n).length && subscriptionsFor(sandbox, n8n), { timeoutMs: 60_000 });
	const leadIds = [...sandbox.fake.data.leads.keys()].slice(0, BATCH_SIZE - 1);
	leadIds.splice(Math.floor(leadIds.length / 2), 0, MISSING_LEAD);
	const before = (await n8n.executions(FULL_RECORD_HOOK_WORKFLOW_ID)).length;
	const usualLimit = sandbox.fake.rateLimit;
	sandbox.fake.setRateLimit(SLOW_LIMIT);
	try {
		const sent = Date.now();
		const response = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ teamId: sandbox.fake.data.teamId, listId: HOOK_LIST, updatedLead: leadIds.map((leadId) => ({ leadId })) }),
			signal: AbortSignal.timeout(30_000),
		});
		const answeredMs = Date.now() - sent;
		const leadGetsAtAnswer = requestsSince(sandbox, 'GET', /^\/v1\.0\/leads\/\d+$/, sent).length;
		assert.equal(response.status, 200, `n8n accepted the batch: ${response.status} ${await response.text()}`);
		assert.ok(answeredMs < 1_000, `the batch was answered within a second (took ${answeredMs} ms)`);

		const execution = await waitFor(
			'the execution the batch started',
			async () => {
				const list = await finishedExecutions(n8n, FULL_RECORD_HOOK_WORKFLOW_ID);
				return list.length > before ? list[0] : undefined;
			},
			{ timeoutMs: 120_000 },
		);
		const fetchedMs = Date.now() - sent;
		// Anything sent twice would show up as a second execution by now.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		assert.equal((await n8n.executions(FULL_RECORD_HOOK_WORKFLOW_ID)).length, before + 1, 'the batch ran exactly once');
		assert.equal(execution.status, 'success', `execution ${execution.id} status`);
		const items = nodeOutput((await n8n.execution(execution.id)).data, 'Lofty Trigger') ?? [];
		assert.deepEqual(items.map((item) => Number(item.leadId)), leadIds, 'one item per event, in order');
		const missing = items.find((item) => Number(item.leadId) === MISSING_LEAD);
		assert.match(String(missing?.recordError), /^Lofty answered HTTP 404: /, `the missing lead's item carries recordError: ${JSON.stringify(missing)}`);
		assert.equal(missing.record, undefined, 'the missing lead has no record');
		const others = items.filter((item) => item !== missing);
		assert.ok(others.every((item) => item.record && Number(item.record.leadId) === Number(item.leadId)), 'every other item carries its lead');
		const gets = requestsSince(sandbox, 'GET', /^\/v1\.0\/leads\/\d+$/, sent);
		ctx.note(
			`Fetch Full Record, ${BATCH_SIZE} events (lead ${MISSING_LEAD} missing), sandbox at ${SLOW_LIMIT.limit} requests/s: answered 200 in ${answeredMs} ms with ${leadGetsAtAnswer} lead GET(s) sent; one execution ${execution.id} after ${(fetchedMs / 1000).toFixed(1)} s; ${gets.length} lead GETs (${gets.filter((r) => r.status === 429).length} answered 429); recordError "${missing.recordError}"`,
		);
	} finally {
		sandbox.fake.setRateLimit(usualLimit);
		await n8n.deactivate(FULL_RECORD_HOOK_WORKFLOW_ID);
		await settled(n8n, FULL_RECORD_HOOK_WORKFLOW_ID);
	}
	await waitFor('the Fetch Full Record subscription to be deleted', () => subscriptionsFor(sandbox, n8n).length === 0, { timeoutMs: 60_000 });
}

/** Stops and starts the shared n8n, optionally with other environment variables. */
async function restart(ctx, n8n, env) {
	await n8n.stop();
	n8n.extraEnv = { ...n8n.extraEnv, ...env };
	const seconds = await n8n.start();
	await n8n.loginOwner();
	return seconds;
}

export async function restartStep(ctx) {
	const { n8n, sandbox } = await serverSession(ctx);
	ctx.use(n8n);
	await n8n.activate(HOOK_WORKFLOW_ID);
	await settled(n8n, HOOK_WORKFLOW_ID);
	await waitFor('the subscription', () => subscriptionsFor(sandbox, n8n).length === 1, { timeoutMs: 60_000 });
	const [original] = subscriptionsFor(sandbox, n8n);

	for (const [label, env] of [
		['publication outbox (2.41 default)', {}],
		['N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false', { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' }],
	]) {
		const since = Date.now();
		const seconds = await restart(ctx, n8n, env);
		await settled(n8n, HOOK_WORKFLOW_ID);
		// The webhook answers again once the workflow is active after the restart.
		const { items } = await waitFor('the restarted n8n to run the trigger', async () => await eventRunsWorkflow(ctx, n8n, sandbox, [1000004]), {
			timeoutMs: 90_000,
			intervalMs: 2_000,
		});
		const subscriptions = subscriptionsFor(sandbox, n8n);
		const created = requestsSince(sandbox, 'POST', '/v1.0/webhook', since).length;
		const listed = requestsSince(sandbox, 'GET', '/v1.0/webhooks', since).length;
		ctx.note(
			`restart with ${label}: ready in ${seconds.toFixed(1)} s; ${subscriptions.length} subscription(s), ${created} created, ${listed} GET /v1.0/webhooks (checkExists); event ran (${items.length} item)`,
		);
		assert.equal(subscriptions.length, 1, `one subscription after the restart (${label})`);
		assert.equal(subscriptions[0].subscribeId, original.subscribeId, 'the same subscription as before the restart');
		assert.equal(created, 0, `no new subscription after the restart (${label})`);
	}

	// With inline activation, deactivating deletes it as well.
	await n8n.deactivate(HOOK_WORKFLOW_ID);
	await settled(n8n, HOOK_WORKFLOW_ID);
	await waitFor('the subscription to be deleted', () => subscriptionsFor(sandbox, n8n).length === 0, { timeoutMs: 60_000 });
	ctx.note('deactivated with inline activation: subscription deleted');
	await n8n.stop();
}
