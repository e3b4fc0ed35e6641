import type { INodeParameters } from 'n8n-workflow';

import { LoftyOrganization } from '../nodes/LoftyOrganization/LoftyOrganization.node';
import { organizationOf, seedPermissionProfiles } from './fake-lofty/routes-organization';
import { loadOptions } from './harness';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyOrganization();
const { runOk } = nodeRunner(env, node, { resource: 'organization' });
const organization = () => organizationOf(env.fake.data);

async function runRefused(parameters: INodeParameters) {
	const result = await env.run(node(), { resource: 'organization', ...parameters });
	expect(result.status).toBe('error');
	expect(env.apiRequests()).toHaveLength(0);
	return result.error?.message;
}

function options(method: string, parameters: INodeParameters = { resource: 'organization', operation: 'updateOffice' }) {
	return loadOptions({
		method,
		nodes: { type: node(), parameters },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
	});
}

describe('Lofty Organization: Get', () => {
	afterEach(() => {
		organization().package = 'enterprise';
	});

	it("gets the user's Enterprise organization as one item", async () => {
		const result = await runOk({ operation: 'get' });
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/org', query: {}, body: undefined }]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({
			orgType: 3,
			multiTeamInfo: null,
			enterpriseInfo: {
				groupId: 800001,
				groupName: 'Austin Office',
				profileId: 810001,
				profileName: 'Admin',
				visibleOrgInfoList: expect.arrayContaining([
					{ groupId: 800000, groupName: 'Example Realty', parentId: null },
					{ groupId: 800002, groupName: 'Round Rock Office', parentId: 800000 },
				]),
			},
		});
	});

	it('gets a Multi-Team organization', async () => {
		organization().package = 'multiTeam';
		const result = await runOk({ operation: 'get' });
		expect(result.items).toEqual([
			{ orgType: 2, enterpriseInfo: null, multiTeamInfo: { multiTeamId: 950001, multiTeamName: 'Example Realty Group' } },
		]);
	});
});

describe('Lofty Organization: Update Company', () => {
	it('sends only the fields given, field by field', async () => {
		const result = await runOk({
			operation: 'updateCompany',
			companyFields: {
				name: 'Example Realty Group',
				email: 'hello@example-realty.com',
				phone: '5125550199',
				phoneCode: '1',
				phoneCountry: 'US',
				streetAddress: '200 Congress Ave',
				city: 'Austin',
				state: 'TX',
				zipcode: '78701',
				header: 'Your Austin home team',
				teamId: ' 900001 ',
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/org/company',
				query: {},
				body: {
					name: 'Example Realty Group',
					email: 'hello@example-realty.com',
					phone: '5125550199',
					phoneCode: '1',
					phoneCountry: 'US',
					streetAddress: '200 Congress Ave',
					city: 'Austin',
					state: 'TX',
					zipcode: '78701',
					header: 'Your Austin home team',
					teamId: 900001,
				},
			},
		]);
		expect(result.items).toEqual([{ value: 'success' }]);
		expect(organization().company).toMatchObject({ name: 'Example Realty Group', streetAddress: '200 Congress Ave' });
	});

	it('leaves out fields that resolve empty', async () => {
		await runOk({ operation: 'updateCompany', companyFields: { city: 'Round Rock', state: '', teamId: '' } });
		expect(env.apiRequests()[0].body).toEqual({ city: 'Round Rock' });
	});

	it('shows what Lofty refuses, e.g. another team', async () => {
		const result = await env.run(node(), {
			resource: 'organization',
			operation: 'updateCompany',
			companyFields: { teamId: '900777', name: 'Other' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('No permission for team 900777');
		expect(env.apiRequests()).toHaveLength(1);
	});

	it.each([
		[{}, 'Add at least one field to "Update Fields"'],
		[{ city: '  ' }, 'Add at least one field to "Update Fields"'],
		[{ email: 'not-an-email' }, '"Email" must be an email address, got "not-an-email"'],
		[{ teamId: 'team-1' }, '"Team ID" must be numeric Lofty IDs, got "team-1"'],
	])('refuses %j before sending', async (companyFields, message) => {
		expect(await runRefused({ operation: 'updateCompany', companyFields })).toBe(message);
	});
});

describe('Lofty Organization: offices', () => {
	it('adds an office with PUT, as the reference pairs "Add Agent Office"', async () => {
		const result = await runOk({
			operation: 'addOffice',
			officeName: 'Downtown Office',
			officeAdditionalFields: {
				parentId: '800001',
				allowManageSub: true,
				email: 'downtown@example-realty.com',
				phone: '5125550150',
				phoneCode: '1',
				phoneCountry: 'US',
				streetAddress: '300 Congress Ave',
				city: 'Austin',
				state: 'TX',
				zipcode: '78701',
				websiteOwnerId: '700002',
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/org/office',
				query: {},
				body: {
					name: 'Downtown Office',
					parentId: 800001,
					allowManageSub: true,
					email: 'downtown@example-realty.com',
					phone: '5125550150',
					phoneCode: '1',
					phoneCountry: 'US',
					streetAddress: '300 Congress Ave',
					city: 'Austin',
					state: 'TX',
					zipcode: '78701',
					websiteOwnerId: 700002,
				},
			},
		]);
		expect(result.items).toEqual([{ officeId: expect.stringMatching(/^\d+$/) }]);
		const added = organization().offices.get(Number(result.items[0].officeId));
		expect(added).toMatchObject({ name: 'Downtown Office', parentId: 800001, allowManageSub: true, websiteOwnerId: 700002 });
	});

	it('adds one office per input item, with the name from an expression', async () => {
		const result = await runOk({ operation: 'addOffice', officeName: '={{ $json.name }}' }, [
			{ name: 'Lakeway Office' },
			{ name: 'Cedar Park Office' },
		]);
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'PUT', path: '/v1.0/org/office', query: {}, body: { name: 'Lakeway Office' } },
			{ method: 'PUT', path: '/v1.0/org/office', query: {}, body: { name: 'Cedar Park Office' } },
		]);
		expect(result.items).toHaveLength(2);
		const names = result.items.map((item) => organization().offices.get(Number(item.officeId))?.name);
		expect(names).toEqual(['Lakeway Office', 'Cedar Park Office']);
	});

	it.each([
		[{ officeName: '={{ "" }}' }, '"Name" is required'],
		[{ officeName: 'X', officeAdditionalFields: { parentId: 'Austin' } }, '"Parent Office" must be numeric Lofty IDs, got "Austin"'],
		[{ officeName: 'X', officeAdditionalFields: { email: 'x@' } }, '"Email" must be an email address, got "x@"'],
	])('refuses to add %j before sending', async (parameters, message) => {
		expect(await runRefused({ operation: 'addOffice', ...parameters })).toBe(message);
	});

	it('updates an office with POST and its id in the body, as the reference pairs "Update Agent Office"', async () => {
		const result = await runOk({
			operation: 'updateOffice',
			officeId: '800002',
			officeUpdateFields: { name: 'Round Rock North', zipcode: '78664', allowManageSub: false },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/org/office',
				query: {},
				body: { id: 800002, name: 'Round Rock North', zipcode: '78664', allowManageSub: false },
			},
		]);
		expect(result.items).toEqual([{ officeId: '800002', success: true }]);
		expect(organization().offices.get(800002)).toMatchObject({ name: 'Round Rock North', zipcode: '78664' });
	});

	it('moves an office under another one', async () => {
		const [added] = (await runOk({ operation: 'addOffice', officeName: 'Pflugerville Office' })).items;
		env.fake.clearRequests();
		await runOk({ operation: 'updateOffice', officeId: String(added.officeId), officeUpdateFields: { parentId: '800002' } });
		expect(env.apiRequests()[0].body).toEqual({ id: Number(added.officeId), parentId: 800002 });
		expect(organization().offices.get(Number(added.officeId))?.parentId).toBe(800002);
	});

	it("reports Lofty's error for an unknown office", async () => {
		const result = await env.run(node(), {
			resource: 'organization',
			operation: 'updateOffice',
			officeId: '812345',
			officeUpdateFields: { name: 'Ghost' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Office not found');
		expect(result.error?.httpCode).toBe('404');
	});

	it.each([
		[{ officeId: '={{ "" }}', officeUpdateFields: { name: 'A' } }, '"Office Name or ID" is required'],
		[{ officeId: 'Austin Office', officeUpdateFields: { name: 'A' } }, '"Office Name or ID" must be a numeric Lofty ID, got "Austin Office"'],
		[{ officeId: '800001', officeUpdateFields: {} }, 'Add at least one field to "Update Fields"'],
		[{ officeId: '800001', officeUpdateFields: { websiteOwnerId: 'blake' } }, '"Website Owner" must be numeric Lofty IDs, got "blake"'],
	])('refuses to update %j before sending', async (parameters, message) => {
		expect(await runRefused({ operation: 'updateOffice', ...parameters })).toBe(message);
	});

	it('lists the offices of the organization in the office dropdown', async () => {
		const offices = await options('getOffices');
		expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.0/org']);
		expect(offices).toEqual(
			expect.arrayContaining([
				{ name: 'Austin Office', value: '800001' },
				{ name: 'Example Realty', value: '800000' },
				{ name: 'Downtown Office', value: expect.stringMatching(/^82\d{4}$/) },
			]),
		);
		expect(offices.map((o) => o.name)).toEqual([...offices.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		expect(new Set(offices.map((o) => o.value)).size).toBe(offices.length);
	});

	it('has no offices to offer outside the Enterprise package', async () => {
		organization().package = 'team';
		try {
			expect(await options('getOffices')).toEqual([]);
		} finally {
			organization().package = 'enterprise';
		}
	});
});

describe('Lofty Organization: Get Permission Profiles', () => {
	it('returns every profile, one item each, from a single request', async () => {
		const result = await runOk({ operation: 'getPermissionProfiles', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/org/permission/profiles', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{ id: 810001, name: 'Admin' },
			{ id: 810002, name: 'Agent' },
			{ id: 810003, name: 'Lender' },
		]);
	});

	it('cuts the list at Limit', async () => {
		const result = await runOk({ operation: 'getPermissionProfiles', returnAll: false, limit: 2 });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items.map((p) => p.name)).toEqual(['Admin', 'Agent']);
	});

	it('refuses a Limit below 1 before sending', async () => {
		expect(await runRefused({ operation: 'getPermissionProfiles', returnAll: false, limit: 0 })).toBe(
			'"Limit" must be a whole number of at least 1, got "0"',
		);
	});

	it('fills the shared permission profile dropdown', async () => {
		const added = seedPermissionProfiles(env.fake.data, 2);
		try {
			const profiles = await options('getPermissionProfiles');
			expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.0/org/permission/profiles']);
			expect(profiles).toEqual([
				{ name: 'Admin', value: '810001' },
				{ name: 'Agent', value: '810002' },
				{ name: `Custom Profile ${added[0].id}`, value: String(added[0].id) },
				{ name: `Custom Profile ${added[1].id}`, value: String(added[1].id) },
				{ name: 'Lender', value: '810003' },
			]);
			const all = await runOk({ operation: 'getPermissionProfiles', returnAll: true });
			expect(all.items).toHaveLength(5);
		} finally {
			const store = organization();
			store.permissionProfiles = store.permissionProfiles.filter((p) => !added.includes(p));
		}
	});
});

describe('Add Office is a PUT that creates: never sent twice', () => {
	it('a lost answer is surfaced, not retried', async () => {
		env.fake.injectFault({ method: 'PUT', path: '/v1.0/org/office', kind: 'reset' });
		const result = await env.run(new LoftyOrganization(), { resource: 'organization', operation: 'addOffice', officeName: 'Lakeway Office' });
		expect(result.status).toBe('error');
		expect(env.apiRequests().filter((r) => r.method === 'PUT')).toHaveLength(1);
	});
});
