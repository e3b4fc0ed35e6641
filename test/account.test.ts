import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { LoftyAccount } from '../nodes/LoftyAccount/LoftyAccount.node';
import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { accountOf } from './fake-lofty/routes-accounts';
import { loadOptions } from './harness';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyAccount();
const { runOk, refusal } = nodeRunner(env, node);

function dropdown(method: string) {
	return loadOptions({
		method,
		nodes: { type: node(), parameters: { resource: 'account', operation: 'create' } },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
	});
}

function property(name: string, operation: string): INodeProperties | undefined {
	return node().description.properties.find(
		(p) => p.name === name && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
	);
}

describe('Lofty Account: description', () => {
	it('reaches every endpoint of the User Account group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([node()])).filter((row) => row.endpoint.group === 'User Account');
		expect(rows).toHaveLength(2);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});

	it('offers Create and Update', () => {
		const operations = node().description.properties.find((p) => p.name === 'operation')?.options as INodePropertyOptions[];
		expect(operations.map((o) => [o.name, o.value, o.routing?.request?.method, o.routing?.request?.url])).toEqual([
			['Create', 'create', 'POST', '/v1.0/agent'],
			['Update', 'update', 'PUT', '/v1.0/agent'],
		]);
	});

	it('picks the permission profile, group and member from dropdowns', () => {
		const additional = property('additionalFields', 'create')?.options as INodeProperties[];
		const byName = (name: string) => additional.find((o) => o.name === name);
		expect(byName('profileId')?.typeOptions?.loadOptionsMethod).toBe('getPermissionProfiles');
		expect(byName('groupId')?.typeOptions?.loadOptionsMethod).toBe('getGroups');
		expect(property('teamMemberUserId', 'update')?.typeOptions?.loadOptionsMethod).toBe('getMemberUsers');
		const names = additional.map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Lofty Account: operations', () => {
	it('creates an account from form fields and nested social media', async () => {
		const result = await runOk({
			resource: 'account',
			operation: 'create',
			emailAddress: 'jamie.fox@example.com',
			firstName: 'Jamie',
			lastName: 'Fox',
			additionalFields: {
				phone: '5125550177',
				groupId: '800002',
				profileId: '810002',
				permissions: 'Lead Management, Transactions',
				allowChangeSendingEmailAddress: true,
				sendingEmailAddress: 'mail.example-realty.com',
				licenseId: 'TX-555',
				position: 'Buyer Agent',
				personalWebsite: 'https://www.example-realty.com/jamie',
				selfIntroduction: 'Austin native.',
				address: '1 Main St, Round Rock, TX',
				socialMedias: {
					item: [
						{ name: 'Facebook', type: 'facebook', value: 'https://www.facebook.com/jamie.fox' },
						{ name: '', type: '', value: '' },
					],
				},
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/agent',
				query: {},
				body: {
					emailAddress: 'jamie.fox@example.com',
					firstName: 'Jamie',
					lastName: 'Fox',
					phone: '5125550177',
					groupId: 800002,
					profileId: 810002,
					permissions: ['Lead Management', 'Transactions'],
					allowChangeSendingEmailAddress: true,
					sendingEmailAddress: 'mail.example-realty.com',
					licenseId: 'TX-555',
					position: 'Buyer Agent',
					personalWebsite: 'https://www.example-realty.com/jamie',
					selfIntroduction: 'Austin native.',
					address: '1 Main St, Round Rock, TX',
					socialMedias: { items: [{ name: 'Facebook', type: 'facebook', value: 'https://www.facebook.com/jamie.fox' }] },
				},
			},
		]);
		expect(result.items).toEqual([
			{
				agentId: 700004,
				allowChangeSendingEmailAddress: true,
				emailAddress: 'jamie.fox@example.com',
				firstName: 'Jamie',
				groupId: 800002,
				lastName: 'Fox',
				permissions: ['Lead Management', 'Transactions'],
				phone: '5125550177',
				profileId: 810002,
				seatType: 1,
				sendingEmailAddress: 'mail.example-realty.com',
				teamId: 900001,
			},
		]);
		expect(accountOf(env.fake.data, 700004).socialMedias).toEqual([
			{ name: 'Facebook', type: 'facebook', value: 'https://www.facebook.com/jamie.fox' },
		]);

		// The new account is a team member.
		const member = await env.run(new LoftyMember(), { resource: 'member', operation: 'getByAccount', account: 'jamie.fox@example.com' });
		expect(member.items[0]).toMatchObject({ memberUserId: 700004, groupName: 'Round Rock Office', agentInfo: { licenseId: 'TX-555', position: 'Buyer Agent' } });
	});

	it('creates with only the required fields, merging the raw JSON body', async () => {
		const result = await runOk({
			resource: 'account',
			operation: 'create',
			emailAddress: 'pat.kim@example.com',
			firstName: 'Pat',
			lastName: 'Kim',
			jsonBody: '{"position": "Showing Agent", "lastName": "Kim-Lopez"}',
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/agent',
			query: {},
			body: { emailAddress: 'pat.kim@example.com', firstName: 'Pat', lastName: 'Kim-Lopez', position: 'Showing Agent' },
		});
		expect(result.items[0]).toMatchObject({ agentId: 700005, lastName: 'Kim-Lopez', groupId: 800001 });
	});

	it('updates an account found by its member user ID', async () => {
		const result = await runOk({
			resource: 'account',
			operation: 'update',
			teamMemberUserId: '700002',
			updateFields: {
				lastName: 'Rivera-Stone',
				profileId: '810003',
				permissions: 'Transactions',
				groupId: '800002',
				firstName: '',
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/agent',
				query: {},
				body: { teamMemberUserId: 700002, lastName: 'Rivera-Stone', profileId: 810003, permissions: ['Transactions'], groupId: 800002 },
			},
		]);
		expect(result.items).toEqual([
			expect.objectContaining({ agentId: 700002, firstName: 'Blake', lastName: 'Rivera-Stone', groupId: 800002, profileId: 810003 }),
		]);
		expect(env.fake.data.member(700002)).toMatchObject({ lastName: 'Rivera-Stone', groupName: 'Round Rock Office' });
	});

	it('passes on what Lofty refuses', async () => {
		const taken = await env.run(node(), {
			resource: 'account',
			operation: 'create',
			emailAddress: 'casey.lee@example.com',
			firstName: 'Casey',
			lastName: 'Again',
		});
		expect(taken.error).toMatchObject({ httpCode: '400', message: 'The email casey.lee@example.com is already used by another member' });

		const unknown = await env.run(node(), { resource: 'account', operation: 'update', teamMemberUserId: '799999', updateFields: { phone: '5125550000' } });
		expect(unknown.error).toMatchObject({ httpCode: '404', message: 'Member not found' });

		const group = await env.run(node(), {
			resource: 'account',
			operation: 'update',
			teamMemberUserId: '700003',
			updateFields: { groupId: '899999' },
		});
		expect(group.error).toMatchObject({ httpCode: '400', message: 'groupId is not valid: 899999' });
	});
});

describe('Lofty Account: input refused before sending', () => {
	const create = { resource: 'account', operation: 'create', emailAddress: 'x@example.com', firstName: 'X', lastName: 'Y' };

	it('missing or malformed required fields', async () => {
		expect(await refusal({ ...create, emailAddress: '={{ $json.nothing }}' })).toBe('"Email" is required');
		expect(await refusal({ ...create, emailAddress: 'x-at-example.com' })).toBe('"Email" must be an email address, got "x-at-example.com"');
		expect(await refusal({ ...create, firstName: '  ' })).toBe('"First Name" is required');
		expect(await refusal({ ...create, lastName: '={{ "" }}' })).toBe('"Last Name" is required');
	});

	it('IDs that are not numbers', async () => {
		expect(await refusal({ ...create, additionalFields: { groupId: 'Austin Office' } })).toBe(
			'"Group Name or ID" must be numeric Lofty IDs, got "Austin Office"',
		);
		expect(await refusal({ ...create, additionalFields: { profileId: 'Agent' } })).toBe(
			'"Permission Profile Name or ID" must be numeric Lofty IDs, got "Agent"',
		);
		expect(await refusal({ resource: 'account', operation: 'update', teamMemberUserId: 'blake', updateFields: { phone: '1' } })).toBe(
			'"Member" must be a numeric Lofty ID, got "blake"',
		);
	});

	it('an update with nothing to change, or a bad email', async () => {
		expect(await refusal({ resource: 'account', operation: 'update', teamMemberUserId: '700002' })).toBe(
			'Add at least one field to "Update Fields"',
		);
		expect(
			await refusal({ resource: 'account', operation: 'update', teamMemberUserId: '700002', updateFields: { emailAddress: 'blake@' } }),
		).toBe('"Email" must be an email address, got "blake@"');
	});

	it('raw JSON that is not an object', async () => {
		expect(await refusal({ ...create, jsonBody: '{"position": ' })).toBe('"Additional Body (JSON)" is not valid JSON');
		expect(await refusal({ ...create, jsonBody: '["a"]' })).toBe('"Additional Body (JSON)" must be a JSON object');
	});
});

describe('Lofty Account: dropdowns', () => {
	it('permission profiles (served here by an injected answer, not the organization routes)', async () => {
		env.fake.injectFault({
			method: 'GET',
			path: '/v1.0/org/permission/profiles',
			status: 200,
			body: [
				{ id: 810002, name: 'Agent' },
				{ id: 810001, name: 'Admin' },
			],
		});
		expect(await dropdown('getPermissionProfiles')).toEqual([
			{ name: 'Admin', value: '810001' },
			{ name: 'Agent', value: '810002' },
		]);
		expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.0/org/permission/profiles']);
	});

	it('groups and members', async () => {
		expect(await dropdown('getGroups')).toEqual([
			{ name: 'Austin Office', value: '800001' },
			{ name: 'Round Rock Office', value: '800002' },
		]);
		expect(await dropdown('getMemberUsers')).toContainEqual({ name: 'Casey Lee (casey.lee@example.com)', value: '700003' });
	});
});

describe('fake Lofty: account routes are strict', () => {
	async function call(method: string, body: unknown) {
		const res = await fetch(`${env.fake.baseUrl}/v1.0/agent`, {
			method,
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: res.status, body: (await res.json()) as { message?: string } };
	}
	const valid = { emailAddress: 'strict@example.com', firstName: 'S', lastName: 'T' };

	it('needs the email and names on create, and the member on edit', async () => {
		expect((await call('POST', { firstName: 'S', lastName: 'T' })).body.message).toBe('emailAddress is required');
		expect((await call('POST', { emailAddress: 'strict@example.com', lastName: 'T' })).body.message).toBe('firstName is required');
		expect((await call('POST', { emailAddress: 'strict@example.com', firstName: 'S' })).body.message).toBe('lastName is required');
		expect((await call('PUT', { phone: '5125550000' })).body.message).toBe('teamMemberUserId is required');
	});

	it('refuses unknown fields and badly typed values', async () => {
		expect((await call('POST', { ...valid, email: 'x@example.com' })).body.message).toMatch(/Unrecognized field "email"/);
		expect((await call('POST', { ...valid, emailAddress: 'strict' })).status).toBe(400);
		expect((await call('POST', { ...valid, permissions: 'Leads' })).status).toBe(400);
		expect((await call('POST', { ...valid, groupId: 'Austin' })).status).toBe(400);
		expect((await call('POST', { ...valid, profileId: 0 })).status).toBe(400);
		expect((await call('POST', { ...valid, socialMedias: [{ value: 'x' }] })).status).toBe(400);
		expect((await call('POST', { ...valid, socialMedias: { items: [{ value: 'x', url: 'y' }] } })).status).toBe(400);
		expect((await call('POST', { ...valid, socialMedias: { items: [{ name: 'Facebook' }] } })).status).toBe(400);
		expect(env.fake.data.memberByEmail('strict@example.com')).toBeUndefined();
	});
});
