// Issue 12, item 4 (Custom API Call): n8n's HTTP Request node with the Lofty API credential, run
// by n8n 2.41.1. The credential alone must add everything a Lofty request needs (Authorization
// "token <key>" and the vendor key as the query parameter vendorKey), or such calls fall back to
// Lofty's 10 calls a minute. A Lofty node with the same credential beside it must send the
// vendor key once, not twice. The sandbox's request log says what arrived.

import assert from 'node:assert/strict';

import { nodeError, nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { coreNode, credentialRecord, connect, loftyNode, manualTrigger, workflow } from '../workflows.mjs';

const WORKFLOW_ID = 'e2eHttpRequest';
const VENDOR_CREDENTIAL = { id: 'loftyE2eVendor', name: 'Lofty Sandbox with vendor key (e2e)' };
const VENDOR_KEY = 'e2e-vendor-key';
const HTTP_NODE = 'HTTP Request: Lofty /me';
const LOFTY_NODE = 'Member: Get Current User';

function httpRequestWorkflow(baseUrl) {
	const start = manualTrigger();
	const http = coreNode(
		HTTP_NODE,
		'httpRequest',
		{ method: 'GET', url: `${baseUrl}/v1.0/me`, authentication: 'predefinedCredentialType', nodeCredentialType: 'loftyApi', options: {} },
		[300, -100],
		4.2,
	);
	http.credentials = { loftyApi: { id: VENDOR_CREDENTIAL.id, name: VENDOR_CREDENTIAL.name } };
	const lofty = loftyNode(LOFTY_NODE, 'loftyMember', { resource: 'member', operation: 'getCurrentUser' }, [300, 100], VENDOR_CREDENTIAL);
	const connections = connect({}, start.name, [http.name, lofty.name]);
	return workflow({ id: WORKFLOW_ID, name: 'e2e: HTTP Request node with the Lofty API credential', nodes: [start, http, lofty], connections });
}

export async function httpRequestStep(ctx) {
	const sandbox = await ctx.sandbox('main');
	const n8n = await ctx.instance('2.41.1', { name: '2.41.1-http' });
	const record = credentialRecord(sandbox.baseUrl, sandbox.apiKey, VENDOR_CREDENTIAL);
	await n8n.importCredentials([{ ...record, data: { ...record.data, vendorSecretKey: VENDOR_KEY } }]);
	await n8n.importWorkflows([httpRequestWorkflow(sandbox.baseUrl)]);

	const before = sandbox.fake.requests.length;
	const result = await n8n.execute(WORKFLOW_ID);
	assert.ok(result.run, `n8n execute printed no run data (exit ${result.code}):\n${result.output.slice(-3000)}`);
	const received = sandbox.fake.requests.slice(before).filter((request) => request.path === '/v1.0/me');

	for (const name of [HTTP_NODE, LOFTY_NODE]) {
		assert.ok(!nodeError(result.run.data, name), `${name}: ${nodeError(result.run.data, name)}`);
		const [item] = nodeOutput(result.run.data, name) ?? [];
		assert.ok(item?.memberUserId, `${name} output the current user: ${JSON.stringify(item)?.slice(0, 300)}`);
	}
	// One request from each node, each with the key and the vendor key exactly once (a repeated
	// query key would arrive as an array).
	assert.equal(received.length, 2, `two GET /v1.0/me, got ${received.length}`);
	for (const request of received) {
		assert.equal(request.headers.authorization, `token ${sandbox.apiKey}`, 'Authorization: token <key>');
		assert.equal(request.query.vendorKey, VENDOR_KEY, `vendorKey once: ${JSON.stringify(request.query)}`);
	}
	ctx.note(`HTTP Request node and Lofty Member with the Lofty API credential: both sent Authorization "token <key>" and vendorKey once (${received.length} requests)`);
}
