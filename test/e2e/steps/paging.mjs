// Issue item 2: "Get Many leads, Return All" over 1,000 leads with the sandbox limited to
// 5 requests a second. The workflow must succeed with 1,000 distinct leads; the requests and
// the 429s the sandbox saw are counted and reported.

import assert from 'node:assert/strict';

import { nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { API_KEY } from '../context.mjs';
import { line, loftyNode, manualTrigger } from '../workflows.mjs';

export const PAGING_LEADS = 1000;
export const PAGING_LIMIT = { limit: 5, windowMs: 1_000, resetStyle: 'remaining-ms' };
const WORKFLOW_ID = 'e2eReturnAll';

export async function pagingStep(ctx) {
	// Its own sandbox: exactly 1,000 leads, 5 requests a second, a request log of its own.
	const sandbox = await ctx.sandbox('paging', { seed: 'none', rateLimit: PAGING_LIMIT });
	sandbox.fake.seedLeads(PAGING_LEADS);
	const n8n = await ctx.instance('2.41.1', { name: '2.41.1-paging', sandbox: 'paging' });
	await n8n.importWorkflows([
		line(WORKFLOW_ID, 'e2e: Get Many leads, Return All', [
			manualTrigger(),
			loftyNode('All Leads', 'loftyLead', { resource: 'lead', operation: 'getAll', returnAll: true }),
		]),
	]);
	sandbox.fake.clearRequests();
	const result = await n8n.execute(WORKFLOW_ID);
	assert.ok(result.ok && result.run, `the workflow failed (exit ${result.code}):\n${result.output.slice(-3000)}`);

	const requests = sandbox.fake.requests.filter((r) => r.path.startsWith('/v1.0/'));
	const leadsRequests = requests.filter((r) => r.path === '/v1.0/leads');
	const tooMany = requests.filter((r) => r.status === 429).length;
	const first = requests[0]?.at ?? 0;
	const last = requests.at(-1)?.at ?? 0;
	const items = nodeOutput(result.run.data, 'All Leads') ?? [];
	const distinct = new Set(items.map((lead) => lead.leadId));
	ctx.note(`${items.length} items, ${distinct.size} distinct leads; run ${result.seconds.toFixed(1)} s (CLI start included)`);
	ctx.note(`sandbox saw ${requests.length} requests (${leadsRequests.length} to /v1.0/leads), ${tooMany} answered 429, over ${((last - first) / 1000).toFixed(1)} s`);
	ctx.note(`pages: ${leadsRequests.map((r) => `${r.query.scrollId ? 'scroll' : 'first'}(${r.query.limit})->${r.status}`).join(' ')}`);

	assert.equal(result.run.status ?? 'success', 'success');
	assert.equal(items.length, PAGING_LEADS, 'one item per lead');
	assert.equal(distinct.size, PAGING_LEADS, '1,000 distinct leads');
	assert.ok(requests.every((r) => r.headers.authorization === `token ${API_KEY}`), 'every request carries the API key');
	// Within any one-second window the sandbox never accepted more than the limit (it enforces
	// that itself); a well-behaved client also keeps 429s to a minimum.
	assert.ok(leadsRequests.length >= Math.ceil(PAGING_LEADS / 100), 'at least one request per page of 100');
	assert.ok(leadsRequests.length <= Math.ceil(PAGING_LEADS / 100) + 1 + tooMany, `no needless requests (${leadsRequests.length})`);
	assert.ok(tooMany <= 2, `the throttle keeps 429s rare (${tooMany})`);
	ctx.time('step 2: 1,000 leads at 5 requests/s (n8n execute)', result.seconds);
}
