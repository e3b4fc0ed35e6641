import type { IDataObject, INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { apiPathOf, valueTransformOf } from '../nodes/shared/values';
import type { Router } from './harness';
import { allNodeTypes } from './support/nodes';
import { summary, useFakeLofty } from './support/env';

const env = useFakeLofty();

beforeAll(() => env.fake.seedLeads(5));

/** Runs the node under one router, counting the expressions n8n evaluates while it does. */
async function measured(router: Router, type: INodeType, parameters: INodeParameters, items: IDataObject[]) {
	env.fake.clearRequests();
	// Every expression n8n evaluates, whichever engine it uses, goes through renderExpression.
	const evaluations = jest.spyOn(Expression.prototype as unknown as { renderExpression(...args: unknown[]): unknown }, 'renderExpression');
	try {
		const result = await env.run(type, parameters, { items, router });
		expect(result.status).toBe('success');
		return { evaluations: evaluations.mock.calls.length, requests: env.apiRequests().map(summary), items: result.items };
	} finally {
		evaluations.mockRestore();
	}
}

describe('the Lofty router (customOperations)', () => {
	it('evaluates each expression parameter once per item, where n8n\'s router evaluates it several times', async () => {
		const items = Array.from({ length: 10 }, (_, i) => ({ leadId: ' 1000001 ', content: `Note ${i}` }));
		const parameters = { resource: 'note', operation: 'create', leadId: '={{ $json.leadId }}', content: '={{ $json.content }}' };
		const lofty = await measured('lofty', new LoftyNote(), parameters, items);
		const n8n = await measured('n8n', new LoftyNote(), parameters, items);
		process.stdout.write(
			`router: 10 "create note" items with 2 expression parameters: ${lofty.evaluations} evaluations (Lofty router), ` +
				`${n8n.evaluations} (n8n's router)\n`,
		);
		expect(lofty.evaluations).toBe(2 * items.length);
		expect(n8n.evaluations).toBeGreaterThan(lofty.evaluations);
		// Same requests, the ID trimmed by the same rule.
		expect(lofty.requests).toEqual(n8n.requests);
		expect(lofty.requests[0].body).toEqual({ leadId: 1000001, content: 'Note 0' });
	});

	it('builds a path from an expression parameter with one evaluation per item', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ id: ` ${1000001 + i} ` }));
		const parameters = { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' };
		const lofty = await measured('lofty', new LoftyLead(), parameters, items);
		const n8n = await measured('n8n', new LoftyLead(), parameters, items);
		process.stdout.write(
			`router: 5 "get lead" items with the ID as an expression: ${lofty.evaluations} evaluations (Lofty router), ` +
				`${n8n.evaluations} (n8n's router)\n`,
		);
		expect(lofty.evaluations).toBe(items.length);
		expect(lofty.requests).toEqual(n8n.requests);
		expect(lofty.requests.map((request) => request.path)).toEqual(items.map((item) => `/v1.0/leads/${item.id.trim()}`));
		expect(lofty.items.map((lead) => lead.leadId)).toEqual([1000001, 1000002, 1000003, 1000004, 1000005]);
	});

	it('sends the same nested body as n8n\'s router: merged groups, comma lists, fixed-collection rows', async () => {
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
		const lofty = await measured('lofty', new LoftyLead(), parameters, [{}]);
		const n8n = await measured('n8n', new LoftyLead(), parameters, [{}]);
		expect(lofty.requests).toEqual(n8n.requests);
		expect(lofty.requests[0].body).toMatchObject({
			inquiry: { propertyType: ['Condo', 'Townhouse'], locations: [{ city: 'Austin', stateCode: 'TX' }] },
			leadFamilyMemberList: [{ firstName: 'Bo', emails: ['bo@example.com', 'b@example.com'] }],
		});
	});
});

/** Every routing expression in a node's properties, with where it sits. */
function routingExpressions(properties: Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>, path: string): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	for (const property of properties) {
		const at = `${path}${property.name}`;
		const routing = 'routing' in property ? property.routing : undefined;
		const strings: unknown[] = [routing?.send?.value, routing?.send?.property, ...Object.values(routing?.request ?? {})];
		for (const value of strings) if (typeof value === 'string' && value.startsWith('=')) found.push([at, value]);
		if ('options' in property && Array.isArray(property.options)) found.push(...routingExpressions(property.options, `${at}.`));
		if ('values' in property && Array.isArray(property.values)) found.push(...routingExpressions(property.values, `${at}.`));
	}
	return found;
}

describe('routing expressions', () => {
	it('each has a function form the Lofty router runs, in every node', () => {
		const missing: string[] = [];
		let count = 0;
		for (const type of allNodeTypes()) {
			for (const [at, expression] of routingExpressions(type.description.properties, `${type.description.name}: `)) {
				count++;
				if (!valueTransformOf(expression) && !apiPathOf(expression)) missing.push(`${at} ${expression}`);
			}
		}
		expect(missing).toEqual([]);
		expect(count).toBeGreaterThan(40);
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
