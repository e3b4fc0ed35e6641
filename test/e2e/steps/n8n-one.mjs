// Issue item 6: a smoke subset on n8n 1.x, which runs on Node.js 20, for self-hosters who have
// not upgraded: the packed package loads, a few nodes run through `n8n execute`, and the Lofty
// Trigger subscribes, runs an event and unsubscribes in `n8n start`. It runs on the newest 1.x
// and on the oldest n8n the suite can install at or above the package's minimum (README,
// "Minimum n8n version": 1.109.0, which the registry here lacks dependencies of).

import assert from 'node:assert/strict';

import { nodeError, nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { PACKAGE } from '../../../scripts/lib/package.mjs';
import { NODE_CASES } from '../cases.mjs';
import { HOOK_LIST, HOOK_WORKFLOW_ID, finishedExecutions, hookWorkflow, settled, subscriptionsFor, waitFor } from '../server.mjs';
import { everyNodeWorkflow } from './nodes.mjs';

export const N8N1 = '1.123.0';
export const N8N_OLDEST = '1.110.1';
const SMOKE = ['Lead: Get Many', 'Note: Create', 'Task: Create', 'Member: Get Current User', 'Listing: Get Many', 'Webhook: Get Many'];

export async function n8nOneStep(ctx, version = N8N1) {
	const sandbox = await ctx.sandbox(`n8n-${version}`);
	const n8n = await ctx.instance(version, { name: version, sandbox: `n8n-${version}` });
	const cases = NODE_CASES.filter((c) => SMOKE.includes(c.name));
	const smoke = everyNodeWorkflow(cases);
	smoke.id = 'e2eSmokeV1';
	await n8n.importWorkflows([smoke, hookWorkflow()]);

	const result = await n8n.execute(smoke.id);
	assert.match(n8n.log.tail(100000), new RegExp(`Loaded all credentials and nodes from ${PACKAGE.name}`), 'n8n 1.x logged loading the package');
	assert.ok(result.run, `n8n ${version} execute printed no run data (exit ${result.code}):\n${result.output.slice(-3000)}`);
	const failures = [];
	for (const c of cases) {
		try {
			const error = nodeError(result.run.data, c.name);
			assert.ok(!error, `node error: ${error}`);
			const items = nodeOutput(result.run.data, c.name);
			assert.ok(items, 'the node did not run');
			await c.expect(items, sandbox);
		} catch (caught) {
			failures.push(`${c.name}: ${caught.message}`);
		}
	}
	ctx.note(`n8n ${version} execute: ${cases.length - failures.length} of ${cases.length} nodes as expected (${result.seconds.toFixed(1)} s)`);
	if (failures.length) throw new Error(failures.join('\n'));

	// The webhook trigger in a running n8n 1.x (no publication outbox there).
	const seconds = await n8n.start();
	ctx.time(`n8n ${version} start (to ready)`, seconds);
	await n8n.loginOwner();
	await n8n.activate(HOOK_WORKFLOW_ID);
	await settled(n8n, HOOK_WORKFLOW_ID);
	await waitFor('the subscription', () => subscriptionsFor(sandbox, n8n).length === 1, { timeoutMs: 60_000 });
	const deliveries = await sandbox.lib.deliverWebhookEvent(sandbox.fake.data, HOOK_LIST, { updatedLead: [{ leadId: 1000005 }] });
	assert.deepEqual(deliveries.map((d) => d.status), [200], `the event was accepted: ${JSON.stringify(deliveries)}`);
	const execution = await waitFor('the execution', async () => (await finishedExecutions(n8n, HOOK_WORKFLOW_ID))[0], { timeoutMs: 30_000 });
	const items = nodeOutput((await n8n.execution(execution.id)).data, 'Lofty Trigger') ?? [];
	assert.deepEqual(items.map((i) => Number(i.leadId)), [1000005]);
	await n8n.deactivate(HOOK_WORKFLOW_ID);
	await waitFor('the subscription to be deleted', () => subscriptionsFor(sandbox, n8n).length === 0, { timeoutMs: 60_000 });
	ctx.note(`n8n ${version} start: ready in ${seconds.toFixed(1)} s; Lofty Trigger subscribed, ran an event (execution ${execution.id}) and unsubscribed`);
	await n8n.stop();
}
