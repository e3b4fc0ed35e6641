// The running n8n (`n8n start`, 2.41.1) that the trigger and editor steps share, and helpers to
// wait for things to happen in it and in the sandbox.

import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLES } from '../../scripts/lib/paths.mjs';
import { waitFor } from '../../scripts/lib/n8n.mjs';
import { TYPE_PREFIX } from '../../scripts/lib/package.mjs';
import { NODE_CASES } from './cases.mjs';
import { declaredNodeTypes, everyNodeWorkflow } from './steps/nodes.mjs';
import { CREDENTIAL, connect, coreNode, line, loftyNode } from './workflows.mjs';

export { waitFor };

export const HOOK_WORKFLOW_ID = 'e2eLoftyHook';
export const HOOK_LIST = 2;

/** The Lofty Trigger workflow with Fetch Full Record on (the webhook step's batch with a missing lead). */
export const FULL_RECORD_HOOK_WORKFLOW_ID = 'e2eHookFull';

/** Lofty Trigger on the given lists -> No Op "Received". */
export function hookWorkflow({ id = HOOK_WORKFLOW_ID, name = 'e2e: Lofty Trigger (lead information)', events = [HOOK_LIST], options = {} } = {}) {
	return line(id, name, [
		// The editor gives every webhook node a webhookId; n8n builds the webhook path from it.
		{ ...loftyNode('Lofty Trigger', 'loftyTrigger', { events, options }), webhookId: randomUUID() },
		coreNode('Received', 'noOp'),
	]);
}

export const EDITOR_WORKFLOW_ID = 'e2eEditor';
export const LEAD_NODE = 'Lead: Get Many';

/** The workflow the editor opens: one node of every action type plus both triggers. */
export function editorWorkflow() {
	const workflow = everyNodeWorkflow(NODE_CASES.filter((c) => declaredNodeTypes().includes(c.type)));
	workflow.id = EDITOR_WORKFLOW_ID;
	workflow.name = 'e2e: every Lofty node in the editor';
	const triggers = [
		{ ...loftyNode('Lofty Trigger', 'loftyTrigger', { events: [2] }, [0, 300]), webhookId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' },
		loftyNode('Lofty Lead Trigger', 'loftyLeadTrigger', { event: 'newLead', pollTimes: { item: [{ mode: 'everyMinute' }] } }, [0, 600]),
	].filter((node) => declaredNodeTypes().includes(node.type.slice(TYPE_PREFIX.length)));
	workflow.nodes.push(...triggers);
	for (const trigger of triggers) connect(workflow.connections, trigger.name, LEAD_NODE);
	return workflow;
}

/** examples/*.json with their Lofty credential pointed at the e2e credential. */
export function exampleWorkflows() {
	return readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
			for (const node of workflow.nodes) {
				if (node.credentials?.loftyApi) node.credentials.loftyApi = { id: CREDENTIAL.id, name: CREDENTIAL.name };
			}
			return { file, workflow };
		});
}

/** Subscriptions in the sandbox whose callback goes to this n8n. */
export function subscriptionsFor(sandbox, n8n, listId = HOOK_LIST) {
	return sandbox.lib
		.webhooksOf(sandbox.fake.data)
		.list()
		.filter((s) => s.listId === listId && s.callbackUrl.startsWith(`${n8n.baseUrl}/`));
}

/** Requests of `method` to `path` (a pathname, or a RegExp over it) the sandbox received since `since`. */
export function requestsSince(sandbox, method, path, since) {
	return sandbox.fake.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)) && r.at >= since);
}

/** Waits until an activation (or deactivation) has gone through n8n's publication outbox. */
export const settled = (n8n, workflowId) => n8n.settled(workflowId);

/** The server session: started once, shared by the trigger, polling, editor and restart steps. */
export function serverSession(ctx) {
	return ctx.once('server', async () => {
		const sandbox = await ctx.sandbox('main');
		const n8n = await ctx.instance('2.41.1', { name: '2.41.1-server' });
		const examples = exampleWorkflows();
		const fullRecordHook = hookWorkflow({ id: FULL_RECORD_HOOK_WORKFLOW_ID, name: 'e2e: Lofty Trigger (Fetch Full Record)', options: { fetchFullRecord: true } });
		await n8n.importWorkflows([hookWorkflow(), fullRecordHook, editorWorkflow(), ...examples.map((e) => e.workflow)]);
		const seconds = await n8n.start();
		ctx.time('n8n 2.41.1 start (to ready)', seconds);
		await n8n.loginOwner();
		return { n8n, sandbox, examples };
	});
}

/** Creates a lead through the sandbox's API, as a Lofty user or integration would. */
export async function createLead(sandbox, lead) {
	const response = await fetch(`${sandbox.baseUrl}/v1.0/leads`, {
		method: 'POST',
		headers: { authorization: `token ${sandbox.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(lead),
	});
	const body = await response.json();
	if (!response.ok) throw new Error(`creating a lead failed: ${response.status} ${JSON.stringify(body)}`);
	return body.leadId;
}

/** Executions of a workflow that finished, newest first. */
export async function finishedExecutions(n8n, workflowId) {
	const list = await n8n.executions(workflowId);
	return list.filter((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting');
}
