/**
 * Requests exactly as the reference defines them: one test per place where the nodes used to
 * send something the reference does not define, or could not send something it does.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { LoftyAccount } from '../nodes/LoftyAccount/LoftyAccount.node';
import { LoftyAgent } from '../nodes/LoftyAgent/LoftyAgent.node';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyLeadRouting } from '../nodes/LoftyLeadRouting/LoftyLeadRouting.node';
import { LoftyListing } from '../nodes/LoftyListing/LoftyListing.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { LoftyOrganization } from '../nodes/LoftyOrganization/LoftyOrganization.node';
import { LoftyTask } from '../nodes/LoftyTask/LoftyTask.node';
import { LoftyTeam } from '../nodes/LoftyTeam/LoftyTeam.node';
import { OUTSIDE_REFERENCE, isOpenList } from '../nodes/shared/descriptions';
import { teamMemberIdOf } from './fake-lofty/routes-members';
import { loadOptions } from './harness';
import { nodeRunner, useFakeLofty } from './support/env';
import { allNodeTypes } from './support/nodes';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(10));

const lead = nodeRunner(env, () => new LoftyLead());
const last = () => env.apiRequests()[env.apiRequests().length - 1];

/** Every property of a node, collections and fixed collections included. */
function allProperties(nodeType: INodeType): INodeProperties[] {
	const out: INodeProperties[] = [];
	const visit = (property: INodeProperties) => {
		out.push(property);
		for (const option of (property.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>) {
			if ('values' in option && option.values) option.values.forEach(visit);
			else if ('type' in option) visit(option as INodeProperties);
		}
	};
	nodeType.description.properties.forEach(visit);
	return out;
}

const propertyNamed = (nodeType: INodeType, name: string) => allProperties(nodeType).find((property) => property.name === name);

describe('lead search sort', () => {
	const REFERENCE_SORTS =
		'Default, LastContact, LastCall, LastEmail, LastActivity, CreateTime, Inquries, DeleteTime, AssignTime, Score, Activity, Communication, HasDrip, HasAlert, Task, Lender, ActivitySearch, ActivityViews, ActivityFavorites, DripStatus, DripOpenRate, AlertFrequency, AlertOpenRate, SCOREV2, SmartPlanStatus'.split(
			', ',
		);

	it('offers all 25 values of the reference, under readable names', () => {
		const options = propertyNamed(new LoftyLead(), 'sort')?.options as INodePropertyOptions[];
		expect(options.map((option) => option.value).sort()).toEqual([...REFERENCE_SORTS].sort());
		expect(options.find((option) => option.value === 'SmartPlanStatus')?.name).toBe('Smart Plan Status');
	});

	it('sends a value of the list that the old dropdown lacked, from an expression too', async () => {
		await lead.runOk({ resource: 'lead', operation: 'getAll', limit: 1, filters: { sort: '={{ "Smart" + "PlanStatus" }}' } });
		expect(last().query).toMatchObject({ sort: 'SmartPlanStatus' });
	});

	it('refuses a value the complete list does not have (a closed list), naming the field', async () => {
		expect(await lead.refusal({ resource: 'lead', operation: 'getAll', filters: { sort: 'Newest' } })).toBe('"Sort By" cannot be "Newest"');
	});
});

describe('open value lists', () => {
	it('are flagged on the option list itself: task type and custom field type are open, lead sort is closed', () => {
		expect(isOpenList(propertyNamed(new LoftyTask(), 'taskType')?.options)).toBe(true);
		expect(isOpenList(propertyNamed(new LoftyTeam(), 'attributeType')?.options)).toBe(true);
		expect(isOpenList(propertyNamed(new LoftyLead(), 'sort')?.options)).toBe(false);
	});

	it('send a task type the reference does not list', async () => {
		await env.run(new LoftyTask(), {
			resource: 'task',
			operation: 'create',
			leadId: '1000001',
			content: 'Walk-through',
			taskType: '={{ "Showing" }}',
			deadline: '2026-03-01T10:00:00Z',
			assignedRole: 'Agent',
		});
		expect(last().method).toBe('POST');
		expect(JSON.parse(last().rawBody)).toMatchObject({ type: 'Showing', leadId: 1000001 });
	});

	it('send a custom field type the reference does not list', async () => {
		await env.run(new LoftyTeam(), { resource: 'customField', operation: 'create', attributeName: 'Pets', attributeType: 'checkbox' });
		expect(last()).toMatchObject({ method: 'POST', path: '/v1.0/teamFeatures/custom-field' });
		expect(JSON.parse(last().rawBody)).toMatchObject({ attributeName: 'Pets', attributeType: 'checkbox' });
	});
});

describe('member ids: user ids where the reference names a user or agent', () => {
	const members = () =>
		loadOptions({
			method: 'getMemberUsers',
			nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'create' } },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		});

	it('the fake gives members a team-member id that differs from their user id', () => {
		const member = env.fake.data.members[0];
		expect(teamMemberIdOf(member)).not.toBe(member.id);
	});

	it('the member dropdown offers user ids (memberUserId), not team-member ids', async () => {
		const values = (await members()).map((option) => Number(option.value));
		expect(values.sort()).toEqual(env.fake.data.members.map((member) => member.id).sort());
	});

	it.each([
		[new LoftyLead(), 'assignedUserId'],
		[new LoftyListing(), 'userId'],
		[new LoftyOrganization(), 'websiteOwnerId'],
	] as const)('%#: %s takes the user-id dropdown', (nodeType, name) => {
		const fields = allProperties(nodeType).filter((property) => property.name === name);
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) expect(field.typeOptions?.loadOptionsMethod).toBe('getMemberUsers');
	});

	it('a lead created with the dropdown value is assigned to that member', async () => {
		const [first] = await members();
		const result = await lead.runOk({ resource: 'lead', operation: 'create', firstName: 'Ida', additionalFields: { assignedUserId: first.value } });
		const body = JSON.parse(last().rawBody);
		expect(body.assignedUserId).toBe(Number(first.value));
		expect(env.fake.data.leads.get(Number(result.items[0].leadId))?.assignedUserId).toBe(Number(first.value));
	});
});

describe('response-only and invented fields', () => {
	it('Task › Update › Completed still sends finishFlag, and says it is outside the reference', async () => {
		const completed = propertyNamed(new LoftyTask(), 'finishFlag');
		expect(completed?.description).toContain(OUTSIDE_REFERENCE);
		await env.run(new LoftyTask(), { resource: 'task', operation: 'update', taskId: '5', updateFields: { finishFlag: true } });
		expect(last()).toMatchObject({ method: 'PUT', path: '/v1.0/tasks/5' });
		expect(JSON.parse(last().rawBody)).toEqual({ finishFlag: true });
	});

	it('Routing Rule › Update sends only RoutingRuleRequest (activeHours, id, routingStrategy); the rest goes as typed JSON', async () => {
		await env.run(new LoftyLeadRouting(), {
			resource: 'rule',
			operation: 'update',
			routingType: 1,
			ruleId: '42',
			activeHours: { hours: { activeDays: [1, 2], hoursStart: 8, hoursEnd: 18 } },
			routingStrategy: { strategy: { strategyType: '2', memberWeights: { member: [{ memberId: '700001', weight: 2 }] }, touchMinutes: 5 } },
			ruleJson: '{"leadTypeFilters": "[{\\"type\\":\\"one_of\\",\\"ids\\":\\"1,2\\"}]"}',
		});
		expect(last()).toMatchObject({ method: 'PUT', path: '/v1.0/routing/rule/1' });
		expect(last().rawBody).toBe(
			JSON.stringify({
				id: 42,
				activeHours: { activeDays: [1, 2], hoursStart: 8, hoursEnd: 18 },
				routingStrategy: { strategyType: 2, memberWeights: [{ memberId: 700001, weight: 2 }], touchMinutes: 5 },
				leadTypeFilters: '[{"type":"one_of","ids":"1,2"}]',
			}),
		);
		const form = allProperties(new LoftyLeadRouting()).map((property) => property.name);
		for (const invented of ['leadTypeFilters', 'groupMatchType', 'tagNames', 'ruleSwitch']) expect(form).not.toContain(invented);
	});
});

describe('fields the reference defines that a form can now send', () => {
	it('Place Inquiry sends every LeadInquiryReq field, modifyByAgent included', async () => {
		await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'addInquiry',
			leadId: '1000001',
			inquiryFields: { modifyByAgent: true, id: '77', leadUserId: '1000001', priceMin: 300000, createTime: '2026-01-02T03:04:05' },
			inquiryPropertyTypes: 'Condo',
		});
		expect(last()).toMatchObject({ method: 'POST', path: '/v1.0/leads/1000001/inquiry' });
		expect(JSON.parse(last().rawBody)).toEqual({
			modifyByAgent: true,
			id: 77,
			leadUserId: 1000001,
			priceMin: 300000,
			createTime: '2026-01-02T03:04:05',
			propertyType: ['Condo'],
		});
	});

	it('Place Property sends autoListingId, labelList and labelType', async () => {
		await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'addProperty',
			leadId: '1000001',
			propertyFields: { autoListingId: '5550001', labelList: 'Favorite', labelType: 'custom', streetAddress: '1 Elm St' },
		});
		expect(JSON.parse(last().rawBody)).toEqual({ autoListingId: 5550001, labelList: 'Favorite', labelType: 'custom', streetAddress: '1 Elm St' });
	});

	it('Get Many by Update Time sends groups', async () => {
		await lead.runOk({
			resource: 'lead',
			operation: 'getAllByUpdateTime',
			leadUpdateTime: '2026-01-01T00:00:00',
			limit: 1,
			timeFilters: { groups: 'Buyers, Hot' },
		});
		expect(last()).toMatchObject({ path: '/v1.0/leads/updateTime', query: expect.objectContaining({ groups: ['Buyers', 'Hot'] }) });
	});

	it.each([1, 2, 4])('Routing Member › Get Many sends roleId for routing type %s', async (routingType) => {
		await env.run(new LoftyLeadRouting(), { resource: 'member', operation: 'getAll', routingType, roleId: '3', limit: 1 });
		expect(last()).toMatchObject({ path: `/v1.0/routing/member/list/${routingType}`, query: expect.objectContaining({ roleId: '3' }) });
	});

	it('every create, update, add and place operation has Additional Body (JSON)', () => {
		const missing: string[] = [];
		for (const nodeType of allNodeTypes()) {
			const operations = nodeType.description.properties.filter((property) => property.name === 'operation');
			for (const operation of operations) {
				const resource = String(operation.displayOptions?.show?.resource?.[0]);
				for (const option of operation.options as INodePropertyOptions[]) {
					if (!/^(create|update|add|place)/i.test(option.name)) continue;
					const json = nodeType.description.properties.find(
						(property) =>
							property.type === 'json' &&
							property.displayName === 'Additional Body (JSON)' &&
							(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
							(property.displayOptions?.show?.operation as string[] | undefined)?.includes(String(option.value)),
					);
					if (!json) missing.push(`${nodeType.description.displayName} › ${resource} › ${option.name}`);
				}
			}
		}
		expect(missing).toEqual([]);
	});

	it('Additional Body (JSON) reaches the body of a note', async () => {
		await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: '1000001', content: 'Hi', jsonBody: '{"isPin": true}' });
		expect(JSON.parse(last().rawBody)).toEqual({ leadId: 1000001, content: 'Hi', isPin: true });
	});
});

describe('integer ids as JSON numbers', () => {
	it('sends leadId as a number, not a string', async () => {
		await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: ' 1000002 ', content: 'Called' });
		expect(last().rawBody).toBe('{"leadId":1000002,"content":"Called"}');
	});

	it('writes an id above 2^53 digit for digit', async () => {
		await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: '9007199254740993', content: 'Big' });
		expect(last().rawBody).toBe('{"leadId":9007199254740993,"content":"Big"}');
	});

	it('sends a list of ids as numbers (tag ids of a new agent)', async () => {
		await env.run(new LoftyAgent(), {
			resource: 'agent',
			operation: 'create',
			emailAddress: 'nia@example.com',
			firstName: 'Nia',
			lastName: 'Ode',
			additionalFields: { tagIds: '1, 2' },
		});
		expect(JSON.parse(last().rawBody).accountInfo.tagIds).toEqual([1, 2]);
	});

	it('refuses an id that is not a whole number, naming the field, before sending', async () => {
		const note = nodeRunner(env, () => new LoftyNote());
		expect(await note.refusal({ resource: 'note', operation: 'update', noteId: '5', updateFields: { leadId: '12x' } })).toBe(
			'"Lead ID" must be a numeric Lofty ID, got "12x"',
		);
	});

	it('keeps the string-typed ids strings (licenseId)', async () => {
		await env.run(new LoftyAccount(), {
			resource: 'account',
			operation: 'create',
			emailAddress: 'lic@example.com',
			firstName: 'Li',
			lastName: 'Cense',
			additionalFields: { licenseId: '0012345' },
		});
		expect(JSON.parse(last().rawBody).licenseId).toBe('0012345');
	});
});
