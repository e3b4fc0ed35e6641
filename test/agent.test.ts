import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { LoftyAgent } from '../nodes/LoftyAgent/LoftyAgent.node';
import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { agentProfileOf } from './fake-lofty/routes-agent-profile';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyAgent();
const { runOk, refusal } = nodeRunner(env, node);

const required = {
	resource: 'agent',
	operation: 'create',
	emailAddress: 'jane.doe@example.com',
	firstName: 'Jane',
	lastName: 'Doe',
};

describe('Lofty Agent: description', () => {
	it('reaches every endpoint of the Agent User group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([node()])).filter((row) => row.endpoint.group === 'Agent User');
		expect(rows).toHaveLength(1);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});

	const additional = () =>
		node().description.properties.find((p) => p.name === 'additionalFields')?.options as INodeProperties[];

	it('offers Create with a profile', () => {
		const operations = node().description.properties.find((p) => p.name === 'operation')?.options as INodePropertyOptions[];
		expect(operations.map((o) => [o.name, o.value, o.routing?.request?.method, o.routing?.request?.url])).toEqual([
			['Create', 'create', 'POST', '/v1.0/agent/profile/add'],
		]);
	});

	it('models the nested objects as fixed collections, fields sorted by name', () => {
		const types = Object.fromEntries(additional().map((o) => [o.displayName, o.type]));
		expect(types).toMatchObject({
			'Work Info': 'fixedCollection',
			'Social Media': 'fixedCollection',
			'Personal Photos': 'fixedCollection',
			'Personal Attachments': 'fixedCollection',
			'Personal Disclaimers': 'fixedCollection',
			'Role Name or ID': 'options',
			'Group Name or ID': 'options',
		});
		const names = additional().map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Lofty Agent: create', () => {
	it('creates an agent with account, work, photo and social media details', async () => {
		const result = await runOk({
			...required,
			additionalFields: {
				phoneNumber: '5125550142',
				phoneCode: '1',
				phoneCountry: 'US',
				groupId: 800002,
				roleId: 2,
				tagIds: '300001, 300004',
				permissions: 'Lead Management',
				domain: 'jane.example-realty.com',
				allowChangeDomain: true,
				headUrl: 'https://example.com/photos/jane.jpg',
				sendingEmail: 'jane@mail.example-realty.com',
				accountType: 1,
				agentPid: 'PID-JD-1',
				fullSync: true,
				shouldSync: false,
				hasBackOffice: true,
				checkRosterNum: false,
				workInfo: {
					details: {
						companyName: 'Doe Realty',
						companyAddress: '5 Oak St, Austin, TX',
						licenseId: 'TX-9001',
						position: 'Listing Agent',
						personalIntroduction: 'Ten years in Austin.',
						personalWebsite: '',
					},
				},
				personalAttachments: {
					file: [{ fileName: 'resume.pdf', contentType: 'application/pdf', queryLink: 'https://example.com/files/resume.pdf', size: 2048 }],
				},
				personalDisclaimers: {
					file: [{ fileName: 'disclaimer.pdf', contentType: '', queryLink: 'https://example.com/files/disclaimer.pdf', size: 0 }],
				},
				personalPhotos: { photo: [{ url: 'https://example.com/photos/jane-1.jpg' }, { url: 'https://example.com/photos/jane-2.jpg' }] },
				socialMedias: { item: [{ name: 'LinkedIn', type: 'linkedin', value: 'https://www.linkedin.com/in/janedoe' }] },
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/agent/profile/add',
				query: {},
				body: {
					accountInfo: {
						emailAddress: 'jane.doe@example.com',
						firstName: 'Jane',
						lastName: 'Doe',
						phoneNumber: '5125550142',
						phoneCode: '1',
						phoneCountry: 'US',
						groupId: 800002,
						roleId: 2,
						tagIds: [300001, 300004],
						permissions: ['Lead Management'],
						domain: 'jane.example-realty.com',
						allowChangeDomain: true,
						headUrl: 'https://example.com/photos/jane.jpg',
						sendingEmail: 'jane@mail.example-realty.com',
					},
					accountType: 1,
					agentPid: 'PID-JD-1',
					fullSync: true,
					shouldSync: false,
					hasBackOffice: true,
					checkRosterNum: false,
					workInfo: {
						companyName: 'Doe Realty',
						companyAddress: '5 Oak St, Austin, TX',
						licenseId: 'TX-9001',
						position: 'Listing Agent',
						personalIntroduction: 'Ten years in Austin.',
						personalAttachments: [
							{ fileName: 'resume.pdf', contentType: 'application/pdf', queryLink: 'https://example.com/files/resume.pdf', size: 2048 },
						],
						personalDisclaimers: [{ fileName: 'disclaimer.pdf', queryLink: 'https://example.com/files/disclaimer.pdf' }],
					},
					personalPhotos: { urls: ['https://example.com/photos/jane-1.jpg', 'https://example.com/photos/jane-2.jpg'] },
					socialMedias: { items: [{ name: 'LinkedIn', type: 'linkedin', value: 'https://www.linkedin.com/in/janedoe' }] },
				},
			},
		]);
		expect(result.items).toEqual([{ agentId: '700004', emailAddress: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe' }]);
		expect(agentProfileOf(env.fake.data, 700004)).toMatchObject({
			personalPhotos: ['https://example.com/photos/jane-1.jpg', 'https://example.com/photos/jane-2.jpg'],
			accountInfo: { roleId: 2, tagIds: [300001, 300004], groupId: 800002 },
		});

		const member = await env.run(new LoftyMember(), { resource: 'member', operation: 'getByAccount', account: 'jane.doe@example.com' });
		expect(member.items[0]).toMatchObject({
			memberUserId: 700004,
			roleName: 'Lender',
			groupName: 'Round Rock Office',
			agentInfo: { agentPid: 'PID-JD-1', companyName: 'Doe Realty', licenseId: 'TX-9001', position: 'Listing Agent' },
		});
	});

	it('creates with the required fields only', async () => {
		const result = await runOk({ ...required, emailAddress: 'sam.ortiz@example.com', firstName: 'Sam', lastName: 'Ortiz' });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/agent/profile/add',
			query: {},
			body: { accountInfo: { emailAddress: 'sam.ortiz@example.com', firstName: 'Sam', lastName: 'Ortiz' } },
		});
		expect(result.items).toEqual([{ agentId: '700005', emailAddress: 'sam.ortiz@example.com', firstName: 'Sam', lastName: 'Ortiz' }]);
	});

	it('merges the raw JSON into the nested body without dropping form fields', async () => {
		await runOk({
			...required,
			emailAddress: 'lee.park@example.com',
			firstName: 'Lee',
			lastName: 'Park',
			additionalFields: { workInfo: { details: { companyName: 'Park Homes' } } },
			jsonBody: '{"accountInfo": {"domain": "lee.example.com"}, "workInfo": {"position": "Broker"}, "fullSync": true}',
		});
		expect(env.apiRequests()[0].body).toEqual({
			accountInfo: { emailAddress: 'lee.park@example.com', firstName: 'Lee', lastName: 'Park', domain: 'lee.example.com' },
			workInfo: { companyName: 'Park Homes', position: 'Broker' },
			fullSync: true,
		});
	});

	it('reads the other answer shapes: a bare id, an error code', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/agent/profile/add', status: 200, body: 700777 });
		const bare = await runOk({ ...required, emailAddress: 'bare@example.com' });
		expect(bare.items).toEqual([{ agentId: '700777', emailAddress: 'bare@example.com', firstName: 'Jane', lastName: 'Doe' }]);

		env.fake.injectFault({
			method: 'POST',
			path: '/v1.0/agent/profile/add',
			status: 200,
			body: { data: null, errorCode: 100302, errorData: null, errorMsg: 'Roster is full' },
		});
		const failed = await env.run(node(), { ...required, emailAddress: 'full@example.com' });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('Lofty refused the agent: Roster is full');
	});

	it('passes on what Lofty refuses', async () => {
		const taken = await env.run(node(), { ...required, emailAddress: 'alex.morgan@example.com' });
		expect(taken.error).toMatchObject({ httpCode: '400', message: 'The email alex.morgan@example.com is already used by another member' });
		const role = await env.run(node(), { ...required, emailAddress: 'role@example.com', additionalFields: { roleId: '9' } });
		expect(role.error).toMatchObject({ httpCode: '400', message: 'accountInfo.roleId is not valid: 9' });
	});
});

describe('Lofty Agent: input refused before sending', () => {
	it('missing or malformed name and email', async () => {
		expect(await refusal({ ...required, emailAddress: '={{ $json.email }}' })).toBe('"Email" is required');
		expect(await refusal({ ...required, emailAddress: 'jane' })).toBe('"Email" must be an email address, got "jane"');
		expect(await refusal({ ...required, firstName: '={{ "" }}' })).toBe('"First Name" is required');
		expect(await refusal({ ...required, lastName: '={{ " " }}' })).toBe('"Last Name" is required');
	});

	it('IDs that are not numbers', async () => {
		expect(await refusal({ ...required, additionalFields: { tagIds: '300001, hot' } })).toBe('"Tag IDs" must be numeric Lofty IDs, got " hot"');
		expect(await refusal({ ...required, additionalFields: { roleId: 'Agent' } })).toBe('"Role Name or ID" must be numeric Lofty IDs, got "Agent"');
		expect(await refusal({ ...required, additionalFields: { groupId: 'Austin' } })).toBe(
			'"Group Name or ID" must be numeric Lofty IDs, got "Austin"',
		);
	});

	it('a file without its URL', async () => {
		expect(
			await refusal({
				...required,
				additionalFields: { personalAttachments: { file: [{ fileName: 'a.pdf', queryLink: 'https://example.com/a.pdf' }, { fileName: 'b.pdf' }] } },
			}),
		).toBe('"Personal Attachments" file 2 needs a URL');
	});

	it('raw JSON that is not valid', async () => {
		expect(await refusal({ ...required, jsonBody: '{"fullSync": tru' })).toBe('"Additional Body (JSON)" is not valid JSON');
	});
});

describe('fake Lofty: agent profile route is strict', () => {
	async function add(body: unknown) {
		const res = await fetch(`${env.fake.baseUrl}/v1.0/agent/profile/add`, {
			method: 'POST',
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: res.status, body: (await res.json()) as { message?: string } };
	}
	const accountInfo = { emailAddress: 'strict@example.com', firstName: 'S', lastName: 'T' };

	it('needs accountInfo with the email and names', async () => {
		expect((await add({ fullSync: true })).body.message).toBe('accountInfo is required');
		expect((await add({ accountInfo: { firstName: 'S', lastName: 'T' } })).body.message).toBe('accountInfo.emailAddress is required');
		expect((await add({ accountInfo: { emailAddress: 'strict@example.com', lastName: 'T' } })).body.message).toBe(
			'accountInfo.firstName is required',
		);
	});

	it('refuses unknown fields and bad nested values', async () => {
		expect((await add({ accountInfo, workinfo: {} })).body.message).toMatch(/Unrecognized field "workinfo"/);
		expect((await add({ accountInfo: { ...accountInfo, email: 'x' } })).body.message).toMatch(/Unrecognized field "email"/);
		expect((await add({ accountInfo: { ...accountInfo, tagIds: 'hot' } })).status).toBe(400);
		expect((await add({ accountInfo: { ...accountInfo, groupId: 899999 } })).status).toBe(400);
		expect((await add({ accountInfo, personalPhotos: { urls: ['not a url'] } })).status).toBe(400);
		expect((await add({ accountInfo, personalPhotos: ['https://example.com/a.jpg'] })).status).toBe(400);
		expect((await add({ accountInfo, workInfo: { personalAttachments: [{ fileName: 'a.pdf' }] } })).body.message).toBe(
			'workInfo.personalAttachments.queryLink is required',
		);
		expect((await add({ accountInfo, workInfo: { personalDisclaimers: [{ queryLink: 'https://e.com/a', size: -1 }] } })).status).toBe(400);
		expect((await add({ accountInfo, fullSync: 'yes' })).status).toBe(400);
		expect(env.fake.data.memberByEmail('strict@example.com')).toBeUndefined();
	});
});
