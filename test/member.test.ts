import type { INodePropertyOptions } from 'n8n-workflow';

import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { memberProfileOf, seedMembers } from './fake-lofty/routes-members';
import { loadOptions } from './harness';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyMember();
const { runOk, refusal } = nodeRunner(env, node);

/** 3 constructed members + 297 seeded = 300, exactly three pages of 100. */
const SEEDED = 297;
beforeAll(() => seedMembers(env.fake.data, SEEDED));

function dropdown(method: string) {
	return loadOptions({
		method,
		nodes: { type: node(), parameters: { resource: 'member', operation: 'getAll' } },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
	});
}

describe('Lofty Member: description', () => {
	it('reaches every endpoint of the Members group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([node()])).filter((row) => row.endpoint.group === 'Members');
		expect(rows).toHaveLength(5);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});

	const operations = () => {
		const property = node().description.properties.find((p) => p.name === 'operation');
		return (property?.options ?? []) as INodePropertyOptions[];
	};

	it('offers every operation, sorted by name', () => {
		expect(operations().map((o) => o.name)).toEqual([
			'Get by Account',
			'Get by ID (Deprecated)',
			'Get Current User',
			'Get Many',
			'Update',
		]);
	});

	it('labels the deprecated Get by ID and says what to use instead', () => {
		const get = operations().find((o) => o.value === 'get');
		expect(get?.name).toBe('Get by ID (Deprecated)');
		expect(get?.action).toMatch(/deprecated/i);
		expect(get?.description).toMatch(/^Deprecated by Lofty: use Get by Account or Get Many instead$/);
		const notice = node().description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayOptions?.show).toEqual({ resource: ['member'], operation: ['get'] });
		expect(notice?.displayName).toMatch(/deprecated/);
	});
});

describe('Lofty Member: operations', () => {
	it('gets the current user', async () => {
		const result = await runOk({ resource: 'member', operation: 'getCurrentUser' });
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/me', query: {}, body: undefined }]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ memberUserId: 700001, firstName: 'Alex', lastName: 'Morgan', isAdmin: true });
	});

	it('gets members up to Limit in one request', async () => {
		const result = await runOk({ resource: 'member', operation: 'getAll', returnAll: false, limit: 2 });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/members', query: { offset: '0', limit: '2' }, body: undefined },
		]);
		expect(result.items.map((m) => m.memberUserId)).toEqual([700001, 700002]);
		expect(result.items[0]).not.toHaveProperty('_metadata');
	});

	it('returns all members page by page and stops at _metadata.total', async () => {
		const result = await runOk({ resource: 'member', operation: 'getAll', returnAll: true });
		// 300 members: three full pages; a paginator waiting for a short page would ask a fourth time.
		expect(env.apiRequests().map((r) => r.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
			{ offset: '200', limit: '100' },
		]);
		expect(result.items).toHaveLength(3 + SEEDED);
		expect(new Set(result.items.map((m) => m.id)).size).toBe(3 + SEEDED);
		expect(result.items[3]).toMatchObject({ memberUserId: 700004, email: 'member700004@example.com' });
	});

	it('pages up to a Limit above the page size', async () => {
		const result = await runOk({ resource: 'member', operation: 'getAll', returnAll: false, limit: 150 });
		expect(env.apiRequests().map((r) => r.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '50' },
		]);
		expect(result.items).toHaveLength(150);
	});

	it('filters by groups', async () => {
		const one = await runOk({
			resource: 'member',
			operation: 'getAll',
			returnAll: true,
			filters: { groupIds: ['800002'] },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/members',
			query: { groupIds: '800002', offset: '0', limit: '100' },
			body: undefined,
		});
		// Casey Lee plus the seeded members with odd ids (700005, 700007, …, 700299).
		expect(one.items.length).toBe(1 + Math.floor(SEEDED / 2));
		expect(one.items.every((m) => m.groupId === 800002)).toBe(true);

		env.fake.clearRequests();
		const both = await runOk({
			resource: 'member',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { groupIds: ['800001', '800002'] },
		});
		expect(env.apiRequests()[0].query).toEqual({ groupIds: ['800001', '800002'], offset: '0', limit: '5' });
		expect(both.items).toHaveLength(5);
	});

	it('gets a member by account, with the email encoded in the path', async () => {
		const result = await runOk({ resource: 'member', operation: 'getByAccount', account: ' Blake.Rivera@example.com ' });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/members/Blake.Rivera%40example.com', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([expect.objectContaining({ memberUserId: 700002, firstName: 'Blake', email: 'blake.rivera@example.com' })]);
	});

	it('looks up one account per input item', async () => {
		const result = await env.run(node(), { resource: 'member', operation: 'getByAccount', account: '={{ $json.email }}' }, {
			items: [{ email: 'blake.rivera@example.com' }, { email: 'casey.lee@example.com' }],
		});
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => r.path).sort()).toEqual([
			'/v1.0/members/blake.rivera%40example.com',
			'/v1.0/members/casey.lee%40example.com',
		]);
		expect(result.items.map((m) => m.memberUserId)).toEqual([700002, 700003]);
	});

	it('reads a member sent as JSON text (the reference types the answer as a string)', async () => {
		const member = { id: 700003, firstName: 'Casey', lastName: 'Lee', email: 'casey.lee@example.com' };
		env.fake.injectFault({ method: 'GET', path: '/v1.0/members/casey.lee%40example.com', status: 200, body: JSON.stringify(member) });
		const result = await runOk({ resource: 'member', operation: 'getByAccount', account: 'casey.lee@example.com' });
		expect(result.items).toEqual([member]);
	});

	it('reports an unknown account', async () => {
		const missing = await env.run(node(), { resource: 'member', operation: 'getByAccount', account: 'nobody@example.com' });
		expect(missing.status).toBe('error');
		expect(missing.error).toMatchObject({ message: 'Member not found', httpCode: '404' });

		env.fake.injectFault({ method: 'GET', path: '/v1.0/members/ghost%40example.com', status: 200, rawBody: '' });
		const empty = await env.run(node(), { resource: 'member', operation: 'getByAccount', account: 'ghost@example.com' });
		expect(empty.error?.message).toBe('Lofty found no member with the account "ghost@example.com"');
	});

	it('gets a member by ID (deprecated endpoint)', async () => {
		const result = await runOk({ resource: 'member', operation: 'get', userId: '700003' });
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/users/700003', query: {}, body: undefined }]);
		expect(result.items).toEqual([expect.objectContaining({ memberUserId: 700003, firstName: 'Casey', lastName: 'Lee' })]);

		const unknown = await env.run(node(), { resource: 'member', operation: 'get', userId: '799999' });
		expect(unknown.error).toMatchObject({ message: 'User not found', httpCode: '404' });
	});

	it('updates a member with only the fields given', async () => {
		const result = await runOk({
			resource: 'member',
			operation: 'update',
			userId: '700002',
			updateFields: {
				firstName: 'Blake A.',
				phoneNumber: '5125550199',
				timeZoneId: 'America/Halifax',
				headPortrait: 'https://example.com/photos/blake.jpg',
				lastName: '',
				agentInfo: { details: { companyName: 'Rivera Homes', position: 'Team Lead', mlsAgentId: '' } },
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/users/700002',
				query: {},
				body: {
					firstName: 'Blake A.',
					phoneNumber: '5125550199',
					timeZoneId: 'America/Halifax',
					headPortrait: 'https://example.com/photos/blake.jpg',
					agentInfo: { companyName: 'Rivera Homes', position: 'Team Lead' },
				},
			},
		]);
		expect(result.items).toEqual([{ userId: '700002', success: true, message: 'success' }]);
		expect(memberProfileOf(env.fake.data, 700002).headPortrait).toBe('https://example.com/photos/blake.jpg');

		const after = await runOk({ resource: 'member', operation: 'getByAccount', account: 'blake.rivera@example.com' });
		expect(after.items[0]).toMatchObject({
			firstName: 'Blake A.',
			lastName: 'Rivera',
			phoneNumber: '5125550199',
			timeZoneId: 'America/Halifax',
			agentInfo: { companyName: 'Rivera Homes', position: 'Team Lead', mlsAgentId: 'MLSA700002' },
		});
	});

	it('passes on what Lofty refuses in an update', async () => {
		const result = await env.run(node(), {
			resource: 'member',
			operation: 'update',
			userId: '700003',
			updateFields: { email: 'alex.morgan@example.com' },
		});
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ httpCode: '400', message: 'The email alex.morgan@example.com is already used by another member' });
		expect(env.apiRequests()).toHaveLength(1);
	});
});

describe('Lofty Member: input refused before sending', () => {
	it('a member ID that is not a number', async () => {
		expect(await refusal({ resource: 'member', operation: 'get', userId: 'blake' })).toBe(
			'"Member" must be a numeric Lofty ID, got "blake"',
		);
		expect(await refusal({ resource: 'member', operation: 'update', userId: '={{ "" }}', updateFields: { firstName: 'X' } })).toBe(
			'"Member" is required',
		);
	});

	it('an account that is not an email address, or none', async () => {
		expect(await refusal({ resource: 'member', operation: 'getByAccount', account: 'blake' })).toBe(
			'"Account" must be an email address, got "blake"',
		);
		expect(await refusal({ resource: 'member', operation: 'getByAccount', account: '={{ $json.missing }}' })).toBe(
			'"Account" is required',
		);
	});

	it('an update with nothing to change', async () => {
		expect(await refusal({ resource: 'member', operation: 'update', userId: '700002' })).toBe('Add at least one field to "Update Fields"');
		expect(
			await refusal({ resource: 'member', operation: 'update', userId: '700002', updateFields: { firstName: '', agentInfo: { details: { position: '' } } } }),
		).toBe('Add at least one field to "Update Fields"');
	});

	it('an update with a malformed email', async () => {
		expect(await refusal({ resource: 'member', operation: 'update', userId: '700002', updateFields: { email: 'blake@' } })).toBe(
			'"Email" must be an email address, got "blake@"',
		);
	});

	it('group filters that are not IDs', async () => {
		expect(await refusal({ resource: 'member', operation: 'getAll', returnAll: true, filters: { groupIds: ['Austin Office'] } })).toBe(
			'"Group Names or IDs" must be numeric Lofty IDs, got "Austin Office"',
		);
	});
});

describe('Lofty Member: dropdowns', () => {
	it('groups, from the members', async () => {
		expect(await dropdown('getGroups')).toEqual([
			{ name: 'Austin Office', value: '800001' },
			{ name: 'Round Rock Office', value: '800002' },
		]);
		expect(env.apiRequests().map((r) => `${r.method} ${r.path} ${String(r.query.offset)}`)).toEqual([
			'GET /v1.0/members 0',
			'GET /v1.0/members 100',
			'GET /v1.0/members 200',
		]);
	});

	it('members by user id', async () => {
		const members = await dropdown('getMemberUsers');
		expect(members).toHaveLength(3 + SEEDED);
		expect(members).toContainEqual({ name: 'Alex Morgan (alex.morgan@example.com)', value: '700001' });
		expect(members.map((m) => m.name)).toEqual([...members.map((m) => m.name)].sort((a, b) => a.localeCompare(b)));
	});
});

describe('fake Lofty: member routes are strict', () => {
	async function call(method: string, path: string, body?: unknown) {
		const res = await fetch(env.fake.baseUrl + path, {
			method,
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, body: (await res.json()) as unknown };
	}

	it('refuses unknown fields, bad values and unknown users in PUT /v1.0/users/{userId}', async () => {
		expect(await call('PUT', '/v1.0/users/700003', { fristName: 'Typo' })).toEqual({
			status: 400,
			body: { code: 400, message: 'JSON parse error: Unrecognized field "fristName" (class UserRequest), not marked as ignorable' },
		});
		expect((await call('PUT', '/v1.0/users/700003', { timeZoneId: 'Mars/Olympus' })).body).toEqual({
			code: 400,
			message: "timeZoneId is not valid: 'Mars/Olympus'",
		});
		expect((await call('PUT', '/v1.0/users/700003', { agentInfo: { company: 'X' } })).status).toBe(400);
		expect((await call('PUT', '/v1.0/users/700003', { agentInfo: 'X' })).status).toBe(400);
		expect((await call('PUT', '/v1.0/users/700003', { firstName: ' ' })).status).toBe(400);
		expect((await call('PUT', '/v1.0/users/799999', { firstName: 'X' })).body).toEqual({ code: 404, message: 'User not found' });
		expect((await call('PUT', '/v1.0/users/abc', { firstName: 'X' })).status).toBe(400);
		expect((await call('GET', '/v1.0/users/abc')).status).toBe(400);
	});

	it('finds members by account case-insensitively', async () => {
		expect((await call('GET', '/v1.0/members/CASEY.LEE%40EXAMPLE.COM')).body).toMatchObject({ memberUserId: 700003 });
		expect((await call('GET', '/v1.0/members/nobody%40example.com')).status).toBe(404);
	});
});
