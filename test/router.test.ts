import type {
	IDataObject,
	IHttpRequestOptions,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { authenticationProperty, loftyNodeBase, resourceProperty } from '../nodes/shared/descriptions';
import { routedOperations, routingProblems } from '../nodes/shared/executor';
import { forOperation, resourceOperations } from '../nodes/shared/operations';
import { sendRequest } from '../nodes/shared/pagination';
import { requestWith } from '../nodes/shared/routing';
import type { Router } from './harness';
import { allNodeTypes } from './support/nodes';
import { summary, useFakeLofty } from './support/env';
import { process } from './support/node';

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

/** A small node on the shared machinery, for what no Lofty node does yet (a record picker) and for refusals. */
function probeNode(overrides: Partial<INodeTypeDescription> = {}, leadIdField: Partial<INodeProperties> = {}): INodeType {
	const description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Router Probe',
		name: 'routerProbe',
		defaults: { name: 'Router Probe' },
		description: 'Gets a lead, for the router tests',
		properties: [
			authenticationProperty,
			resourceProperty([{ name: 'Lead', value: 'lead' }]),
			...resourceOperations(
				'lead',
				[
					{
						option: {
							name: 'Get',
							value: 'get',
							action: 'Get a lead',
							routing: requestWith({ method: 'GET', url: '/v1.0/leads/{leadId}' }, sendRequest()),
						},
						description: forOperation('lead', 'get', [
							{
								displayName: 'Lead',
								name: 'leadId',
								type: 'resourceLocator',
								default: { mode: 'id', value: '' },
								modes: [{ displayName: 'By ID', name: 'id', type: 'string' }],
								...leadIdField,
							} as INodeProperties,
						]),
					},
				],
				'get',
			),
		],
		...overrides,
	};
	class RouterProbe implements INodeType {
		description = description;
		customOperations = routedOperations(description);
	}
	return new RouterProbe();
}

describe('what the Lofty router runs, and what it refuses', () => {
	it('runs every node of the package: no description needs more than it implements', () => {
		const problems = allNodeTypes().flatMap((type) => routingProblems(type.description).map((problem) => `${type.description.displayName}: ${problem}`));
		expect(problems).toEqual([]);
	});

	it('holds no expression in any routing but $value, in every node', () => {
		const found: string[] = [];
		const visit = (entry: unknown, at: string) => {
			if (typeof entry === 'string' && entry.startsWith('=') && entry !== '={{$value}}') found.push(`${at}: ${entry}`);
			else if (typeof entry === 'object' && entry !== null) for (const [key, value] of Object.entries(entry)) visit(value, `${at}.${key}`);
		};
		const routings = (properties: unknown[], at: string): void => {
			for (const property of properties as Array<{ name: string; routing?: unknown; options?: unknown[]; values?: unknown[] }>) {
				visit(property.routing, `${at}${property.name}.routing`);
				if (Array.isArray(property.options)) routings(property.options, `${at}${property.name}.`);
				if (Array.isArray(property.values)) routings(property.values, `${at}${property.name}.`);
			}
		};
		for (const type of allNodeTypes()) routings(type.description.properties, `${type.description.name}: `);
		expect(found).toEqual([]);
	});

	it.each(['lofty', 'n8n'] as const)('reads a record picker\'s id (extractValue), as n8n\'s router does (%s)', async (router) => {
		const result = await env.run(probeNode(), { resource: 'lead', operation: 'get', leadId: { __rl: true, mode: 'id', value: ' 1000002 ' } }, { router });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((request) => request.path)).toEqual(['/v1.0/leads/1000002']);
	});

	it.each([
		['an expression in requestDefaults', { requestDefaults: { baseURL: '={{ $credentials.baseUrl }}' } }, {}, 'requestDefaults.baseURL is an expression'],
		['node-level requestOperations', { requestOperations: { pagination: sendRequest() } }, {}, 'requestOperations is set for the whole node'],
		['an expression inside an object-valued request key', {}, { routing: { request: { qs: { withTrash: '={{ true }}' } } } }, 'routing.request.qs.withTrash is an expression'],
		['a send value other than $value', {}, { routing: { send: { type: 'query', property: 'id', value: '={{ $value.trim() }}' } } }, 'routing.send.value is an expression other than $value'],
		['a maxResults other than $value', {}, { routing: { output: { maxResults: '={{ $value * 2 }}' } } }, 'routing.output.maxResults is not $value'],
		['postReceive', {}, { routing: { output: { postReceive: [{ type: 'rootProperty', properties: { property: 'lead' } }] } } }, 'routing.output.postReceive is not run'],
		['a preSend not declared as a hook', {}, { routing: { send: { preSend: [async (options: IHttpRequestOptions) => options] } } }, 'a preSend was not declared with preSend()'],
	] as Array<[string, Partial<INodeTypeDescription>, Partial<INodeProperties>, string]>)(
		'refuses at load %s',
		(_, overrides, leadIdField, problem) => {
			expect(() => probeNode(overrides, leadIdField)).toThrow(problem);
		},
	);

	it('refuses at load an operation with no send hook', () => {
		const bare = { ...probeNode().description };
		bare.properties = bare.properties.map((property) =>
			property.name === 'operation'
				? { ...property, options: (property.options as INodePropertyOptions[]).map((option) => ({ ...option, routing: { request: { method: 'GET' as const, url: '/v1.0/me' } } })) }
				: property,
		);
		expect(routingProblems(bare)).toContain('operation "get" names no send hook');
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
