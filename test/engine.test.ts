/**
 * Every Lofty action node is declarative and runs on n8n's own RoutingNode, in a workflow as in
 * an AI Agent tool: paths built from expression parameters, nested bodies, the node's Request
 * Options.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { allNodeTypes } from './support/nodes';
import { summary, useFakeLofty } from './support/env';
import { process } from './support/node';

const env = useFakeLofty();

beforeAll(() => env.fake.seedLeads(5));

/** Runs the node, counting the expressions n8n evaluates while it does. */
async function measured(type: INodeType, parameters: INodeParameters, items: IDataObject[]) {
	env.fake.clearRequests();
	const evaluations = jest.spyOn(Expression.prototype as unknown as { renderExpression(...args: unknown[]): unknown }, 'renderExpression');
	try {
		const result = await env.run(type, parameters, { items });
		expect(result.status).toBe('success');
		return { evaluations: evaluations.mock.calls.length, requests: env.apiRequests().map(summary), items: result.items };
	} finally {
		evaluations.mockRestore();
	}
}

describe("n8n's RoutingNode runs the Lofty nodes", () => {
	it('leaves no node with customOperations or an execute of its own: n8n gives each its RoutingNode', () => {
		for (const nodeType of allNodeTypes()) {
			if (nodeType.description.group.includes('trigger')) continue;
			expect({ node: nodeType.description.name, customOperations: nodeType.customOperations, execute: nodeType.execute }).toEqual({
				node: nodeType.description.name,
				customOperations: undefined,
				execute: undefined,
			});
			expect(nodeType.description.requestDefaults).toBeDefined();
		}
	});

	it('builds a path from an expression parameter for every item, trimmed and checked', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ id: ` ${1000001 + i} ` }));
		const run = await measured(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' }, items);
		process.stdout.write(`engine: 5 "get lead" items with the ID as an expression: ${run.evaluations} expression evaluations\n`);
		expect(run.requests.map((request) => request.path)).toEqual(items.map((item) => `/v1.0/leads/${item.id.trim()}`));
		expect(run.items.map((lead) => lead.leadId)).toEqual([1000001, 1000002, 1000003, 1000004, 1000005]);
	});

	it('sends nested bodies: merged groups, comma lists, fixed-collection rows', async () => {
		const parameters: INodeParameters = {
			resource: 'lead',
			operation: 'create',
			firstName: 'Ada',
			emails: 'ada@example.com',
			additionalFields: {
				inquiry: { propertyType: 'Condo, Townhouse', locations: { location: [{ city: 'Austin', stateCode: 'TX' }] } },
				familyMembers: { member: [{ firstName: 'Bo', emails: 'bo@example.com, b@example.com', phones: '' }] },
			},
		};
		const run = await measured(new LoftyLead(), parameters, [{}]);
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0].body).toMatchObject({
			inquiry: { propertyType: ['Condo', 'Townhouse'], locations: [{ city: 'Austin', stateCode: 'TX' }] },
			leadFamilyMemberList: [{ firstName: 'Bo', emails: ['bo@example.com', 'b@example.com'] }],
		});
	});
});

describe("the node's Request Options", () => {
	it('refuses a proxy that is not a URL, without repeating it, before anything is sent', async () => {
		const result = await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'get',
			leadId: '1000001',
			requestOptions: { proxy: 'http://scout:s3cret-pass@' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The proxy is not valid');
		expect(JSON.stringify(result.error)).not.toContain('s3cret-pass');
		expect(env.apiRequests()).toEqual([]);
	});
});
