// Issue item 1: one workflow that runs one operation of every action node, executed by a real
// n8n 2.41.1 (`n8n execute`), with each node's output items checked.

import assert from 'node:assert/strict';

import { nodeError, nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { PACKAGE } from '../../../scripts/lib/package.mjs';
import { NODE_CASES, TRIGGER_TYPES } from '../cases.mjs';
import { exampleWorkflows } from '../server.mjs';
import { connect, loftyNode, manualTrigger, workflow } from '../workflows.mjs';

export const NODES_WORKFLOW_ID = 'e2eEveryNode';
const HOT_LEADS_EXAMPLE = 'loftyExHotLeads';

/** Node type names (loftyLead, ...) package.json declares. */
export function declaredNodeTypes() {
	return PACKAGE.n8n.nodes.map((file) => {
		const base = file.split('/').pop().replace('.node.js', '');
		return base.charAt(0).toLowerCase() + base.slice(1);
	});
}

export function everyNodeWorkflow(cases) {
	const start = manualTrigger();
	const nodes = [start];
	const connections = {};
	cases.forEach((c, index) => {
		const node = loftyNode(c.name, c.type, c.parameters, [300 + 260 * (index % 4), 200 * Math.floor(index / 4) - 400]);
		nodes.push(node);
		connect(connections, start.name, node.name);
	});
	return workflow({ id: NODES_WORKFLOW_ID, name: 'e2e: one operation of every Lofty node', nodes, connections });
}

export async function nodesStep(ctx) {
	const declared = declaredNodeTypes();
	const missing = declared.filter((type) => !TRIGGER_TYPES.includes(type) && !NODE_CASES.some((c) => c.type === type));
	const cases = NODE_CASES.filter((c) => declared.includes(c.type));
	const undeclared = NODE_CASES.filter((c) => !declared.includes(c.type)).map((c) => c.type);
	if (undeclared.length) ctx.note(`not in package.json yet, skipped: ${undeclared.join(', ')}`);

	const sandbox = await ctx.sandbox('main');
	const n8n = await ctx.instance('2.41.1', { name: '2.41.1-cli' });
	await n8n.importWorkflows([everyNodeWorkflow(cases)]);
	const before = sandbox.fake.requests.length;
	const result = await n8n.execute(NODES_WORKFLOW_ID);
	ctx.note(`n8n execute: ${result.seconds.toFixed(1)} s (CLI start included), ${sandbox.fake.requests.length - before} requests to the sandbox`);

	// The packed package was loaded from the user folder's community-package directory.
	assert.match(n8n.log.tail(100000), new RegExp(`Loaded all credentials and nodes from ${PACKAGE.name}`), 'n8n logged loading the package');

	assert.ok(result.run, `n8n execute printed no run data (exit ${result.code}):\n${result.output.slice(-3000)}`);
	const failures = [];
	for (const c of cases) {
		const items = nodeOutput(result.run.data, c.name);
		const error = nodeError(result.run.data, c.name);
		try {
			assert.ok(!error, `node error: ${error}`);
			assert.ok(items, 'the node did not run');
			await c.expect(items, sandbox);
		} catch (caught) {
			failures.push(`${c.name} (${c.type}): ${caught.message}`);
		}
	}
	ctx.note(`${cases.length - failures.length} of ${cases.length} nodes gave the expected items`);
	if (missing.length) failures.push(`no e2e case for: ${missing.join(', ')} (add one to test/e2e/cases.mjs)`);
	if (result.run.status && result.run.status !== 'success') failures.push(`execution status ${result.run.status}`);

	// The example that runs from a Manual Trigger: hot leads not contacted yet -> call tasks.
	const example = exampleWorkflows().find((e) => e.workflow.id === HOT_LEADS_EXAMPLE);
	await n8n.importWorkflows([example.workflow]);
	const tasksBefore = sandbox.lib.tasksOf(sandbox.fake.data).tasks.size;
	const exampleRun = await n8n.execute(HOT_LEADS_EXAMPLE);
	const created = [...sandbox.lib.tasksOf(sandbox.fake.data).tasks.values()].slice(tasksBefore);
	const hot = nodeOutput(exampleRun.run?.data, 'Hot Leads Not Contacted') ?? [];
	ctx.note(`examples/${example.file}: ${hot.length} hot leads not contacted -> ${created.length} call tasks`);
	try {
		assert.ok(exampleRun.ok, `the example failed: ${exampleRun.output.slice(-1500)}`);
		assert.ok(hot.length > 10 && hot.every((lead) => lead.tags.some((t) => t.tagName === 'Hot Lead')), 'only hot leads');
		const search = sandbox.fake.requests.filter((r) => r.path === '/v1.0/leads' && r.query.anyTags === 'Hot Lead').at(-1);
		assert.equal(search?.query.contacted, 'false', 'the search asked for leads not contacted yet');
		assert.equal(created.length, 10, 'ten call tasks');
		assert.ok(created.every((task) => task.type === 'Call' && /^Hot lead not contacted yet: call /.test(task.content)));
	} catch (error) {
		failures.push(`examples/${example.file}: ${error.message}`);
	}
	if (failures.length) throw new Error(failures.join('\n'));
}
