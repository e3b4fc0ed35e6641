import type { IDataObject } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyLead();
const { runOk } = nodeRunner(env, node);

beforeAll(() => env.fake.seedLeads(250));

describe('Lofty Lead: lead resource', () => {
	it('creates a lead from form fields, dates and nested collections', async () => {
		const result = await runOk({
			resource: 'lead',
			operation: 'create',
			firstName: 'Jamie',
			lastName: 'Rivera',
			emails: 'jamie@example.com, j.rivera@example.com',
			phones: '5125550100',
			additionalFields: {
				birthday: '1990-05-04T00:00:00',
				stage: 'Contacted',
				tags: ['Buyer', 'Hot Lead'],
				source: 'Website',
				leadType: 2,
				assignedUserId: '700002',
				inquiry: { priceMin: 300000, priceMax: 450000, propertyType: 'Condo, Townhouse', locations: { location: [{ city: 'Austin', stateCode: 'TX' }] } },
				familyMembers: { member: [{ firstName: 'Sam', relationship: 'Spouse', birthday: '1991-02-03', emails: 'sam@example.com' }] },
				customAttributes: { field: [{ attributeName: 'Budget', value: '400000' }] },
			},
		});
		const [request] = env.apiRequests();
		expect(summary(request)).toEqual({
			method: 'POST',
			path: '/v1.0/leads',
			query: {},
			body: {
				firstName: 'Jamie',
				lastName: 'Rivera',
				emails: ['jamie@example.com', 'j.rivera@example.com'],
				phones: ['5125550100'],
				birthday: 'May 4, 1990',
				stage: 'Contacted',
				tags: ['Buyer', 'Hot Lead'],
				source: 'Website',
				leadType: 2,
				assignedUserId: 700002,
				inquiry: {
					priceMin: 300000,
					priceMax: 450000,
					propertyType: ['Condo', 'Townhouse'],
					locations: [{ city: 'Austin', stateCode: 'TX' }],
				},
				leadFamilyMemberList: [
					{ firstName: 'Sam', relationship: 'Spouse', birthday: 'Feb 3, 1991', emails: ['sam@example.com'] },
				],
				customAttributeList: [{ attributeName: 'Budget', value: '400000' }],
			},
		});
		expect(request.headers.authorization).toBe('token test-api-key');
		expect(result.items).toEqual([{ leadId: expect.any(Number) }]);
	});

	describe('Hide Vendor ID and Routing Group ID', () => {
		const fieldsOf = () => node().description.properties.find((p) => p.name === 'additionalFields' && p.displayOptions?.show?.resource?.includes('lead') && p.displayOptions.show.operation?.includes('create'));
		it('are text fields, so the editor cannot round an id above 2^53', () => {
			const options = (fieldsOf()?.options ?? []) as Array<{ name: string; type: string }>;
			expect(options.filter((option) => ['hideVendorId', 'assignGroupId'].includes(option.name)).map((option) => [option.name, option.type])).toEqual([
				['hideVendorId', 'string'],
				['assignGroupId', 'string'],
			]);
		});

		it('go out as exact JSON numbers (and Hide Vendor ID in the query as well)', async () => {
			await runOk({
				resource: 'lead',
				operation: 'create',
				firstName: 'Vic',
				additionalFields: { hideVendorId: ' 9007199254740993 ', assignGroupId: '-1' },
			});
			const [request] = env.apiRequests();
			expect(request.rawBody).toBe('{"firstName":"Vic","hideVendorId":9007199254740993,"assignGroupId":-1}');
			expect(request.query).toEqual({ hideVendorId: '9007199254740993' });
		});

		it('still take the number a workflow saved when they were number fields', async () => {
			await runOk({ resource: 'lead', operation: 'create', firstName: 'Vic', additionalFields: { hideVendorId: 77, assignGroupId: 5 } });
			expect(env.apiRequests()[0].rawBody).toBe('{"firstName":"Vic","hideVendorId":77,"assignGroupId":5}');
		});

		it.each([
			['hideVendorId', 'Hide Vendor ID', '12a'],
			['assignGroupId', 'Routing Group ID', '1e3'],
		])('refuse %s text that is not a whole number, naming the field, before sending', async (name, label, value) => {
			const result = await env.run(node(), { resource: 'lead', operation: 'create', firstName: 'Vic', additionalFields: { [name]: value } });
			expect(result.error?.message).toBe(`"${label}" must be a whole number, got "${value}"`);
			expect(env.apiRequests()).toEqual([]);
		});
	});

	it('merges the raw JSON body over form fields', async () => {
		await runOk({
			resource: 'lead',
			operation: 'create',
			firstName: 'Jo',
			jsonBody: '{"referredBy": "Pat", "firstName": "Joanna"}',
		});
		expect(env.apiRequests()[0].body).toEqual({ firstName: 'Joanna', referredBy: 'Pat' });
	});

	it('gets a lead, with trash when asked', async () => {
		const result = await runOk({ resource: 'lead', operation: 'get', leadId: '1000007', withTrash: true });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/leads/1000007',
			query: { withTrash: 'true' },
			body: undefined,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ leadId: 1000007, emails: ['lead7@example.com'] });
	});

	it('updates a lead with only the fields given', async () => {
		const result = await runOk({
			resource: 'lead',
			operation: 'update',
			leadId: '1000008',
			updateFields: { lastName: 'Nguyen', tagsAdd: ['Investor'], cannotText: true },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'PUT',
			path: '/v1.0/leads/1000008',
			query: {},
			body: { lastName: 'Nguyen', tagsAdd: ['Investor'], cannotText: true },
		});
		expect(result.items).toEqual([{ leadId: 1000008 }]);
		const after = await runOk({ resource: 'lead', operation: 'get', leadId: '1000008', simplify: false });
		expect(after.items[0]).toMatchObject({ lastName: 'Nguyen', cannotText: true });
	});

	it('deletes a lead with a reason', async () => {
		const result = await runOk({ resource: 'lead', operation: 'delete', leadId: '1000009', reason: 'Duplicate of 1000010' });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'DELETE',
			path: '/v1.0/leads/1000009',
			query: { reason: 'Duplicate of 1000010' },
			body: undefined,
		});
		expect(result.items).toEqual([{ deleted: true, leadId: '1000009' }]);
	});

	it('searches with filters and stops exactly at Limit', async () => {
		const result = await runOk({
			resource: 'lead',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { stage: ['New Lead', 'Qualified'], anyTags: ['Buyer'], source: 'Website' },
		});
		const requests = env.apiRequests();
		expect(requests).toHaveLength(1);
		expect(summary(requests[0])).toEqual({
			method: 'GET',
			path: '/v1.0/leads',
			query: { limit: '3', stage: ['New Lead', 'Qualified'], anyTags: 'Buyer', source: 'Website' },
			body: undefined,
		});
		expect(result.items).toHaveLength(3);
		for (const lead of result.items) {
			expect(lead.source).toBe('Website');
			expect(['New Lead', 'Qualified']).toContain(lead.stage);
			expect((lead.tags as IDataObject[]).map((tag) => tag.tagName)).toContain('Buyer');
		}
	});

	it('returns all leads with scrollId paging, one item per lead', async () => {
		const live = [...env.fake.data.leads.values()].filter((lead) => !lead.deleted).length;
		const result = await runOk({ resource: 'lead', operation: 'getAll', returnAll: true });
		const requests = env.apiRequests();
		expect(live).toBeGreaterThan(200);
		expect(requests).toHaveLength(Math.ceil(live / 100));
		expect(requests[0].query).toEqual({ limit: '100' });
		expect(requests[1].query).toEqual({ limit: '100', scrollId: expect.any(String) });
		expect(result.items).toHaveLength(live);
		expect(new Set(result.items.map((lead) => lead.leadId)).size).toBe(live);
		expect(result.items[0]).not.toHaveProperty('_metadata');
	});

	it('searches by create time, sending UTC-7 wall time', async () => {
		// 2024-01-01T02:00:00Z is 2023-12-31 19:00:00 at UTC-7; seeded lead N was created at 00:00Z + (N-1) minutes.
		const result = await runOk({
			resource: 'lead',
			operation: 'getAllByCreateTime',
			leadCreateTime: '2024-01-01T02:00:00Z',
			returnAll: true,
			timeFilters: { anyTags: ['Seller'] },
		});
		expect(env.apiRequests()[0].query).toEqual({
			leadCreateTime: '2023-12-31 19:00:00',
			anyTags: 'Seller',
			limit: '100',
		});
		const ids = result.items.map((lead) => Number(lead.leadId));
		expect(ids.length).toBeGreaterThan(0);
		expect(ids.every((id) => id - 1000000 >= 121 && id % 2 === 0)).toBe(true);
	});

	it('searches by update time', async () => {
		const result = await runOk({
			resource: 'lead',
			operation: 'getAllByUpdateTime',
			leadUpdateTime: '2024-01-01T04:00:00Z',
			returnAll: false,
			limit: 5,
		});
		expect(summary(env.apiRequests()[0])).toMatchObject({
			method: 'GET',
			path: '/v1.0/leads/updateTime',
			query: { leadUpdateTime: '2023-12-31 21:00:00', limit: '5' },
		});
		expect(result.items).toHaveLength(5);
	});

	it('finds the assignees of a lead from contact details', async () => {
		const result = await runOk({ resource: 'lead', operation: 'findAssignee', assignee_email: 'lead12@example.com' });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/leads/assignee',
			query: {},
			body: { email: 'lead12@example.com' },
		});
		expect(result.items[0]).toMatchObject({ leadId: 1000012 });
	});

	it('gets a login link', async () => {
		const result = await runOk({
			resource: 'lead',
			operation: 'getLoginLink',
			leadId: '1000013',
			loftyWebsiteURL: 'https://homes.example.com/listing/1',
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/leads/specified-url',
			query: {},
			body: { leadId: 1000013, loftyWebsiteURL: 'https://homes.example.com/listing/1' },
		});
		expect(String(result.items[0].value)).toMatch(/^https:\/\/homes\.example\.com\/listing\/1\?token=[0-9a-f]{32}$/);
	});

	it('assigns roles', async () => {
		await runOk({
			resource: 'lead',
			operation: 'assign',
			leadId: '1000014',
			assignees: { assignee: [{ assiginee: 'blake.rivera@example.com', role: 'Lender' }] },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/leads/1000014/assignment',
			query: {},
			body: [{ assiginee: 'blake.rivera@example.com', role: 'Lender' }],
		});
	});

	it('places an inquiry and a property', async () => {
		await runOk({
			resource: 'lead',
			operation: 'addInquiry',
			leadId: '1000015',
			inquiryFields: { priceMin: 200000, priceMax: 350000, bedroomsMin: 2 },
			inquiryPropertyTypes: 'Single Family',
			inquiryLocations: { location: [{ city: 'Round Rock', stateCode: 'TX' }] },
		});
		await runOk({
			resource: 'lead',
			operation: 'addProperty',
			leadId: '1000015',
			propertyFields: { streetAddress: '1 Main St', city: 'Austin', state: 'TX', zipCode: '78701', price: 500000 },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/leads/1000015/inquiry',
				query: {},
				body: {
					priceMin: 200000,
					priceMax: 350000,
					bedroomsMin: 2,
					propertyType: ['Single Family'],
					locations: [{ city: 'Round Rock', stateCode: 'TX' }],
				},
			},
			{
				method: 'POST',
				path: '/v1.0/leads/1000015/property',
				query: {},
				body: { streetAddress: '1 Main St', city: 'Austin', state: 'TX', zipCode: '78701', price: 500000 },
			},
		]);
	});

	describe('Create or Update', () => {
		it('updates the lead found by email, without create-only flags', async () => {
			const result = await runOk({
				resource: 'lead',
				operation: 'createOrUpdate',
				firstName: 'Updated',
				emails: 'lead20@example.com',
				additionalFields: { leadAlert: true, city: 'Dallas' },
			});
			expect(env.apiRequests().map(summary)).toEqual([
				{
					method: 'GET',
					path: '/v1.0/leads',
					query: { email: 'lead20@example.com', preciseSearchFlag: 'true', offset: '0', limit: '10' },
					body: undefined,
				},
				{
					method: 'PUT',
					path: '/v1.0/leads/1000020',
					query: {},
					body: { firstName: 'Updated', emails: ['lead20@example.com'], city: 'Dallas' },
				},
			]);
			expect(result.items).toEqual([{ leadId: '1000020', action: 'updated', matchedBy: 'email' }]);
		});

		it('falls back to the phone, then creates when nothing matches', async () => {
			const result = await runOk({
				resource: 'lead',
				operation: 'createOrUpdate',
				firstName: 'Brand',
				lastName: 'New',
				emails: 'brand.new@example.com',
				phones: '5129990000',
				additionalFields: { leadAlert: false },
			});
			const requests = env.apiRequests().map(summary);
			expect(requests.map((r) => [r.method, r.path, r.query.email ?? r.query.phone ?? null])).toEqual([
				['GET', '/v1.0/leads', 'brand.new@example.com'],
				['GET', '/v1.0/leads', '5129990000'],
				['POST', '/v1.0/leads', null],
			]);
			expect(requests[2].body).toEqual({
				firstName: 'Brand',
				lastName: 'New',
				emails: ['brand.new@example.com'],
				phones: ['5129990000'],
				leadAlert: false,
			});
			expect(result.items).toEqual([{ leadId: expect.stringMatching(/^\d+$/), action: 'created', matchedBy: 'none' }]);
		});

		it('keeps create-only fields out of the update: Hide Vendor ID leaves the query too', async () => {
			await runOk({
				resource: 'lead',
				operation: 'createOrUpdate',
				emails: 'lead21@example.com',
				additionalFields: { hideVendorId: '42', assignGroupId: '-1', city: 'Waco' },
			});
			const put = env.apiRequests()[1];
			expect(summary(put)).toEqual({ method: 'PUT', path: '/v1.0/leads/1000021', query: {}, body: { emails: ['lead21@example.com'], city: 'Waco' } });
		});

		it('needs an email or a phone', async () => {
			const result = await env.run(node(), { resource: 'lead', operation: 'createOrUpdate', firstName: 'Nobody' });
			expect(result.error?.message).toBe('"Emails" or "Phones" is required to find the lead');
			expect(env.apiRequests()).toHaveLength(0);
		});
	});
});

describe('Lofty Lead: activity resource', () => {
	it('adds an activity with its time in epoch milliseconds', async () => {
		await runOk({
			resource: 'activity',
			operation: 'create',
			leadId: '1000030',
			activityType: 'Property Viewed',
			additionalFields: { created: '2026-03-01T12:00:00Z', link: 'https://homes.example.com/l/9', text: '3 bed in Austin' },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/leads/1000030/activity',
			query: {},
			body: { type: 'Property Viewed', created: 1772366400000, link: 'https://homes.example.com/l/9', text: '3 bed in Austin' },
		});
	});

	it('sends the Listing typed as JSON with its 64-bit ids exact', async () => {
		await runOk({
			resource: 'activity',
			operation: 'create',
			leadId: '1000030',
			activityType: 'Property Viewed',
			additionalFields: { listing: '{"listingId": 9007199254740993, "mlsId": "9007199254740993", "price": 500000.5}' },
		});
		expect(env.apiRequests()[0].rawBody).toBe(
			'{"type":"Property Viewed","listing":{"listingId":9007199254740993,"mlsId":"9007199254740993","price":500000.5}}',
		);
	});

	it('refuses a Listing that is not valid JSON, before sending', async () => {
		const result = await env.run(node(), {
			resource: 'activity',
			operation: 'create',
			leadId: '1000030',
			activityType: 'Property Viewed',
			additionalFields: { listing: '{"listingId": 12' },
		});
		expect(result.error?.message).toBe('"Listing" is not valid JSON');
		expect(env.apiRequests()).toEqual([]);
	});

	it('returns all activities page by page with curPage', async () => {
		env.fake.seedActivities(1000031, 230);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'activity', operation: 'getAll', leadId: '1000031', returnAll: true });
		expect(env.apiRequests().map((r) => r.query.curPage)).toEqual(['0', '1', '2']);
		expect(result.items).toHaveLength(230);
	});
});

describe('Lofty Lead: transaction resource', () => {
	let transactionId: string;

	it('creates a transaction with dates, commissions and custom fields', async () => {
		const result = await runOk({
			resource: 'transaction',
			operation: 'create',
			leadId: '1000040',
			transactionName: '1 Main St',
			transactionType: 'Purchase',
			additionalFields: {
				homePrice: 500000,
				closeDate: '2026-06-30T00:00:00Z',
				customFields: { field: [{ id: '600001', value: 'Title Co' }] },
				commissions: { split: [{ calculateType: 'PERCENT', value: 250, payType: 'AGENT', payTo: '700002' }] },
			},
		});
		const [request] = env.apiRequests();
		expect(summary(request)).toMatchObject({ method: 'POST', path: '/v1.0/leads/1000040/transaction', query: {} });
		expect(request.body).toMatchObject({
			transactionName: '1 Main St',
			transactionType: 'Purchase',
			homePrice: 500000,
			closeDate: 1782777600000,
			customFields: [{ id: 600001, value: 'Title Co' }],
			commissions: { split: [{ calculateType: 'PERCENT', value: 250, payType: 'AGENT', payTo: 700002 }] },
		});
		transactionId = String(result.items[0].transactionId);
		expect(transactionId).toMatch(/^\d+$/);
	});

	it('gets, lists, updates and addresses the transaction', async () => {
		const get = await runOk({ resource: 'transaction', operation: 'get', leadId: '1000040', transactionId });
		expect(get.items[0]).toMatchObject({ transactionName: '1 Main St' });
		const list = await runOk({ resource: 'transaction', operation: 'getAll', leadId: '1000040', returnAll: true });
		expect(list.items.map((t) => String(t.transactionId))).toContain(transactionId);
		await runOk({
			resource: 'transaction',
			operation: 'update',
			leadId: '1000040',
			transactionId,
			updateFields: { transactionStatus: 'Pending' },
		});
		await runOk({
			resource: 'transaction',
			operation: 'updatePropertyAddress',
			leadId: '1000040',
			transactionId,
			propertyAddress: { streetAddress: '1 Main St', unit: '2B', city: 'Austin' },
		});
		const address = await runOk({ resource: 'transaction', operation: 'getPropertyAddress', leadId: '1000040', transactionId });
		expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /v1.0/leads/1000040/transaction/${transactionId}`,
			'GET /v1.0/leads/1000040/transactions',
			`PUT /v1.0/leads/1000040/transaction/${transactionId}`,
			'POST /v1.0/leads/1000040/transaction/property/address',
			`GET /v1.0/leads/1000040/transaction/${transactionId}/property/address`,
		]);
		expect(env.apiRequests()[2].body).toEqual({ transactionStatus: 'Pending' });
		expect(env.apiRequests()[3].body).toEqual({ transactionId: Number(transactionId), streetAddress: '1 Main St', unit: '2B', city: 'Austin' });
		expect(address.items[0]).toMatchObject({ streetAddress: '1 Main St', unit: '2B', city: 'Austin' });
	});

	it('lists transaction custom fields, cut at Limit', async () => {
		const result = await runOk({ resource: 'transaction', operation: 'getCustomFields', returnAll: false, limit: 2 });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/transaction/customfields',
			query: {},
			body: undefined,
		});
		expect(result.items).toEqual([
			expect.objectContaining({ id: 600001, name: 'Escrow Company' }),
			expect.objectContaining({ id: 600002, name: 'Earnest Money' }),
		]);
	});
});

describe('Lofty Lead: brokermint resource', () => {
	it('updates a lead and a transaction from Brokermint', async () => {
		await runOk({
			resource: 'brokermint',
			operation: 'updateLead',
			contactEmail: 'lead41@example.com',
			leadFields: { firstName: 'Kim', phone: '5125550141' },
		});
		await runOk({
			resource: 'brokermint',
			operation: 'updateTransaction',
			incomingTransactionId: '2000001',
			transactionFields: { price: 610000, status: 'Closed', closingDate: '2026-07-01T00:00:00Z' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/brokermint/lead',
				query: {},
				body: { email: 'lead41@example.com', firstName: 'Kim', phone: '5125550141' },
			},
			{
				method: 'PUT',
				path: '/v1.0/brokermint/transaction',
				query: {},
				body: { id: 2000001, price: 610000, status: 'Closed', closingDate: 1782864000000 },
			},
		]);
	});
});
