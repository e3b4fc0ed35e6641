import type { INodeParameters } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyTeam } from '../nodes/LoftyTeam/LoftyTeam.node';
import { LEAD_POND_NOT_FOUND, leadPondsOf, seedLeadPonds } from './fake-lofty/routes-team-features';
import { loadOptions } from './harness';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyTeam();
const { runOk } = nodeRunner(env, node);

describe('Lofty Team: lead ponds', () => {
	it('gets every lead pond in one request', async () => {
		const result = await runOk({ resource: 'leadPond', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/team-features/lead-ponds', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{ id: 950001, pondName: 'Team Pond', pondOwnerId: 700001, agentIds: [700001, 700002, 700003] },
			{ id: 950002, pondName: 'Round Rock Pond', pondOwnerId: 700003, agentIds: [700003] },
		]);
	});

	it('cuts the whole list at Limit without paging', async () => {
		seedLeadPonds(env.fake.data, 5);
		try {
			const limited = await runOk({ resource: 'leadPond', operation: 'getAll', returnAll: false, limit: 3 });
			expect(limited.items.map((pond) => pond.id)).toEqual([950001, 950002, 950003]);
			const all = await runOk({ resource: 'leadPond', operation: 'getAll', returnAll: true });
			expect(all.items).toHaveLength(7);
			expect(env.apiRequests().map((r) => [r.path, r.query])).toEqual([
				['/v1.0/team-features/lead-ponds', {}],
				['/v1.0/team-features/lead-ponds', {}],
			]);
		} finally {
			leadPondsOf(env.fake.data).splice(2);
		}
	});

	it('gets one lead pond by ID', async () => {
		const result = await runOk({ resource: 'leadPond', operation: 'get', leadPondId: '950002' });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/team-features/lead-pond/950002', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ id: 950002, pondName: 'Round Rock Pond', pondOwnerId: 700003, agentIds: [700003] }]);
	});

	it("surfaces Lofty's 404 for an unknown pond", async () => {
		const result = await env.run(node(), { resource: 'leadPond', operation: 'get', leadPondId: '950999' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(LEAD_POND_NOT_FOUND);
		expect(result.error?.httpCode).toBe('404');
	});

	it('offers the ponds in the dropdown, by name', async () => {
		const options = await loadOptions({
			method: 'getLeadPonds',
			nodes: { type: node(), parameters: { resource: 'leadPond', operation: 'get' } },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		});
		expect(options).toEqual([
			{ name: 'Round Rock Pond', value: '950002' },
			{ name: 'Team Pond', value: '950001' },
		]);
	});
});

describe('Lofty Team: custom fields', () => {
	it('lists the lead custom fields, cut at Limit', async () => {
		const result = await runOk({ resource: 'customField', operation: 'getAll', returnAll: false, limit: 2 });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/teamFeatures/listCustomField', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{ attributeName: 'Preferred Contact Time', attributeType: 'text', params: '', value: null },
			{ attributeName: 'Budget', attributeType: 'number', params: '', value: null },
		]);
	});

	it('creates a text field: no params, and it joins the list Get Many reads', async () => {
		const result = await runOk({
			resource: 'customField',
			operation: 'create',
			attributeName: ' School District ',
			attributeType: 'text',
			// Left over from choosing Select first: hidden for text, so never sent.
			selectOptions: { option: [{ value: 'A' }] },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/teamFeatures/custom-field',
				query: {},
				body: { attributeName: 'School District', attributeType: 'text' },
			},
		]);
		expect(result.items).toEqual([{ attributeName: 'School District', attributeType: 'text', params: '', result: 'success' }]);

		const list = await runOk({ resource: 'customField', operation: 'getAll', returnAll: true });
		expect(list.items).toContainEqual({ attributeName: 'School District', attributeType: 'text', params: '', value: null });
	});

	it('creates a select field with its options as params, which leads then use', async () => {
		const result = await runOk({
			resource: 'customField',
			operation: 'create',
			attributeName: 'Roof Type',
			attributeType: 'select',
			selectOptions: { option: [{ value: 'Tile' }, { value: ' Metal ' }, { value: 'Shingle' }] },
		});
		const params = '{"option":["Tile","Metal","Shingle"]}';
		expect(env.apiRequests()[0].body).toEqual({ attributeName: 'Roof Type', attributeType: 'select', params });
		expect(result.items).toEqual([{ attributeName: 'Roof Type', attributeType: 'select', params, result: 'success' }]);
		expect(env.fake.data.leadCustomFields).toContainEqual({ attributeName: 'Roof Type', attributeType: 'select', params });

		env.fake.clearRequests();
		const lead = await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'create',
			firstName: 'Robin',
			additionalFields: { customAttributes: { field: [{ attributeName: 'Roof Type', value: 'Metal' }] } },
		});
		expect(lead.status).toBe('success');
		expect(env.apiRequests()[0].body).toMatchObject({ customAttributeList: [{ attributeName: 'Roof Type', value: 'Metal' }] });
	});

	it('creates a multi-select field', async () => {
		await runOk({
			resource: 'customField',
			operation: 'create',
			attributeName: 'Must Haves',
			attributeType: 'multi_select',
			selectOptions: { option: [{ value: 'Pool' }, { value: 'Garage' }] },
		});
		expect(env.apiRequests()[0].body).toEqual({
			attributeName: 'Must Haves',
			attributeType: 'multi_select',
			params: '{"option":["Pool","Garage"]}',
		});
	});

	it('outputs the new id when Lofty answers with one', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/teamFeatures/custom-field', status: 200, body: '123456' });
		const result = await runOk({ resource: 'customField', operation: 'create', attributeName: 'Garage Size', attributeType: 'number' });
		expect(result.items).toEqual([{ attributeName: 'Garage Size', attributeType: 'number', params: '', customFieldId: '123456' }]);
	});

	it("surfaces Lofty's refusal of a name already in use", async () => {
		const result = await env.run(node(), { resource: 'customField', operation: 'create', attributeName: 'Budget', attributeType: 'number' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("custom field already exists: 'Budget'");
		expect(result.error?.httpCode).toBe('400');
	});

	describe('invalid input is rejected before any request', () => {
		it.each([
			[{ attributeName: '={{ "" }}', attributeType: 'text' }, '"Name" is required'],
			[{ attributeName: 'Style', attributeType: '={{ "" }}' }, '"Type" is required'],
			// The type comes from an expression, so the Options list was never filled in.
			[{ attributeName: 'Style', attributeType: '={{ "multi_select" }}' }, '"Options" is required for a select field'],
			[
				{ attributeName: 'Style', attributeType: 'select', selectOptions: { option: [{ value: 'A' }, { value: ' ' }] } },
				'"Options" has an empty option',
			],
			[
				{ attributeName: 'Style', attributeType: 'select', selectOptions: { option: [{ value: 'A' }, { value: 'A ' }] } },
				'"Options" lists "A" twice',
			],
		])('%j', async (fields, message) => {
			const result = await env.run(node(), { resource: 'customField', operation: 'create', ...fields } as INodeParameters);
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
			expect(env.apiRequests()).toHaveLength(0);
		});

		it('a select field without options', async () => {
			const result = await env.run(node(), { resource: 'customField', operation: 'create', attributeName: 'Style', attributeType: 'select' });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('"Options" is required for a select field');
			expect(env.apiRequests()).toHaveLength(0);
		});

		it.each([
			[{ leadPondId: 'pond-1' }, '"Lead Pond Name or ID" must be a numeric Lofty ID'],
			[{ leadPondId: '={{ $json.missing }}' }, '"Lead Pond Name or ID" is required'],
		])('lead pond %j', async (fields, message) => {
			const result = await env.run(node(), { resource: 'leadPond', operation: 'get', ...fields });
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
			expect(env.apiRequests()).toHaveLength(0);
		});

		it('a Limit of 0', async () => {
			const result = await env.run(node(), { resource: 'tag', operation: 'getAll', returnAll: false, limit: 0 });
			expect(result.error?.message).toContain('"Limit" must be a whole number of at least 1');
			expect(env.apiRequests()).toHaveLength(0);
		});
	});
});

describe('Lofty Team: tags', () => {
	it('lists the tags of the team, one item per tag', async () => {
		const result = await runOk({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/teamFeatures/listTag', query: {}, body: undefined },
		]);
		expect(result.items.map((tag) => tag.tagName)).toEqual(['Hot Lead', 'Buyer', 'Seller', 'Investor', 'Follow Up']);
		expect(result.items[0]).toEqual({
			tagId: 300001,
			tagName: 'Hot Lead',
			createTime: '2024-01-01T00:00:00Z',
			updateTime: '2024-01-01T00:00:00Z',
			creatorUserId: 700001,
			visibleType: 0,
		});
	});

	it('cuts the list at Limit', async () => {
		const result = await runOk({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.items.map((tag) => tag.tagId)).toEqual([300001, 300002]);
		expect(env.apiRequests()).toHaveLength(1);
	});
});
