import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { LoftyLeadRouting } from '../nodes/LoftyLeadRouting/LoftyLeadRouting.node';
import { resetRouting, STRATEGY } from './fake-lofty/routes-routing';
import { loadOptions } from './harness';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyLeadRouting();
const { runOk, refused } = nodeRunner(env, node);

// Every test starts from the seeded rules (updates would otherwise leak into later tests).
beforeEach(() => resetRouting(env.fake.data));

/** n8n itself will not start a run whose required Role is left empty (the editor flags it too). */
async function notStarted(parameters: INodeParameters) {
	await expect(env.run(node(), parameters)).rejects.toThrow('Parameter "Role Name or ID" is required');
	expect(env.apiRequests()).toEqual([]);
}

/** A request straight to the fake, for its own strictness. */
async function callFake(method: string, path: string, body?: unknown) {
	const response = await fetch(`${env.fake.baseUrl}${path}`, {
		method,
		headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

describe('Lofty Lead Routing: role resource', () => {
	it('gets the assignment roles', async () => {
		const result = await runOk({ resource: 'role', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/routing/role/list', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{ id: 1, name: 'Agent' },
			{ id: 2, name: 'Lender' },
			{ id: 3, name: 'Assistant' },
		]);
	});

	it('cuts the list at Limit with one request', async () => {
		const result = await runOk({ resource: 'role', operation: 'getAll', limit: 2 });
		expect(result.items.map((role) => role.name)).toEqual(['Agent', 'Lender']);
		expect(env.apiRequests()).toHaveLength(1);
	});
});

describe('Lofty Lead Routing: member resource', () => {
	it('gets the members who can take agent leads', async () => {
		const result = await runOk({ resource: 'member', operation: 'getAll', routingType: 1, returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/routing/member/list/1', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{ id: 700001, name: 'Alex Morgan', type: 1 },
			{ id: 700002, name: 'Blake Rivera', type: 1 },
			{ id: 700003, name: 'Casey Lee', type: 1 },
		]);
	});

	it('sends the role for lender leads too: the reference lists roleId for every routing type', async () => {
		const result = await runOk({ resource: 'member', operation: 'getAll', routingType: 2, roleId: '3', returnAll: true });
		expect(summary(env.apiRequests()[0])).toMatchObject({ path: '/v1.0/routing/member/list/2', query: { roleId: '3' } });
		expect(result.items).toEqual([{ id: 700003, name: 'Casey Lee', type: 1 }]);
	});

	it('filters assistant-lead members by role, and lets the role out (the reference does not require it here)', async () => {
		const byRole = await runOk({ resource: 'member', operation: 'getAll', routingType: 4, roleId: '3', returnAll: true });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/routing/member/list/4',
			query: { roleId: '3' },
			body: undefined,
		});
		expect(byRole.items).toEqual([{ id: 700002, name: 'Blake Rivera', type: 1 }]);

		env.fake.clearRequests();
		const all = await runOk({ resource: 'member', operation: 'getAll', routingType: 4, returnAll: true });
		expect(summary(env.apiRequests()[0])).toMatchObject({ path: '/v1.0/routing/member/list/4', query: {} });
		expect(all.items).toHaveLength(1);
	});

	it('refuses a role that is not an ID, before sending', async () => {
		const error = await refused({ resource: 'member', operation: 'getAll', routingType: 4, roleId: 'Assistant' });
		expect(error?.message).toBe('"Role Name or ID" must be a numeric Lofty ID, got "Assistant"');
	});
});

describe('Lofty Lead Routing: Role ID only for assistant leads', () => {
	const properties = new LoftyLeadRouting().description.properties;
	const roleFields = properties.filter((p) => p.name === 'roleId');
	const shown = (property: INodeProperties, parameters: INodeParameters) =>
		NodeHelpers.displayParameter(parameters, property, null, null, parameters);

	it('member:getAll shows Role for every routing type, never required (the reference lists roleId there for all)', () => {
		for (const routingType of [1, 2, 4]) {
			const visible = roleFields.filter((field) => shown(field, { resource: 'member', operation: 'getAll', routingType }));
			expect(visible).toHaveLength(1);
			expect(visible[0].required).toBe(false);
		}
	});

	it.each([
		['rule', 'getAll', true],
		['rule', 'getDefault', true],
		['rule', 'updateDefault', true],
	] as const)('%s:%s shows Role only for type 4 (required: %s)', (resource, operation, required) => {
		for (const routingType of [1, 2, 4]) {
			const parameters = { resource, operation, routingType };
			const visible = roleFields.filter((field) => shown(field, parameters));
			expect(visible).toHaveLength(routingType === 4 ? 1 : 0);
			if (routingType === 4) expect(visible[0].required).toBe(required);
		}
	});

	it('Update Rule has no Role field: the rule ID says which rule', () => {
		for (const routingType of [1, 2, 4]) {
			expect(roleFields.some((field) => shown(field, { resource: 'rule', operation: 'update', routingType }))).toBe(false);
		}
	});
});

describe('Lofty Lead Routing: rule resource, reading', () => {
	it('gets the agent-lead rules, without a role', async () => {
		const result = await runOk({ resource: 'rule', operation: 'getAll', routingType: 1, returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/routing/rule/list/1', query: {}, body: undefined },
		]);
		expect(result.items.map((rule) => [rule.id, rule.name])).toEqual([
			[9100001, 'Austin Buyers'],
			[9100002, 'Sellers'],
		]);
		expect(result.items[0]).toMatchObject({
			activeHours: { activeDays: [1, 2, 3, 4, 5], hoursStart: 8, hoursEnd: 18 },
			routingStrategy: {
				strategyType: STRATEGY.roundRobin,
				memberWeights: [
					{ memberId: 700002, firstName: 'Blake', lastName: 'Rivera', weight: 2 },
					{ memberId: 700003, firstName: 'Casey', lastName: 'Lee', weight: 1 },
				],
			},
			locationRule: { city: 'Austin', state: 'TX' },
			groupNames: ['First-Time Buyers'],
			leadTypeFilters: '[{"type":"one_of","ids":"2,3"}]',
		});
	});

	it('gets the lender-lead rules and cuts them at Limit; a hidden role is not sent', async () => {
		const result = await runOk({ resource: 'rule', operation: 'getAll', routingType: 2, roleId: '3', limit: 1 });
		expect(summary(env.apiRequests()[0])).toMatchObject({ path: '/v1.0/routing/rule/list/2', query: {} });
		expect(result.items.map((rule) => rule.name)).toEqual(['Pre-Approval']);
	});

	it('gets the assistant-lead rules of a role', async () => {
		const result = await runOk({ resource: 'rule', operation: 'getAll', routingType: 4, roleId: '3', returnAll: true });
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/routing/rule/list/4',
			query: { roleId: '3' },
			body: undefined,
		});
		expect(result.items.map((rule) => rule.name)).toEqual(['Showing Requests', 'Weekend Inquiries']);
	});

	it('refuses assistant-lead rules without a role, before sending', async () => {
		await notStarted({ resource: 'rule', operation: 'getAll', routingType: 4, returnAll: true });
		const error = await refused({ resource: 'rule', operation: 'getAll', routingType: 4, roleId: '={{ $json.roleId }}', returnAll: true }, [
			{ roleId: ' ' },
		]);
		expect(error?.message).toBe('"Role Name or ID" is required');
	});

	it('refuses a role expression that resolves to nothing', async () => {
		const error = await refused({ resource: 'rule', operation: 'getDefault', routingType: 4, roleId: '={{ $json.roleId }}' }, [{}]);
		expect(error?.message).toBe('"Role Name or ID" is required');
	});

	it('gets the default rule of a routing type', async () => {
		const result = await runOk({ resource: 'rule', operation: 'getDefault', routingType: 2 });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/routing/rule/supplement/2', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{
				roleId: -1,
				businessType: 2,
				strategyType: STRATEGY.defaultAssignee,
				touchMinutes: null,
				assigneeAgentId: '700003',
				assigneeAgentName: 'Casey Lee',
				assigneeGroupId: null,
				assigneeGroupName: null,
				updateTime: expect.any(Number),
			},
		]);
	});

	it('gets the assistant-lead default rule of a role, and refuses it without one', async () => {
		const result = await runOk({ resource: 'rule', operation: 'getDefault', routingType: 4, roleId: '3' });
		expect(summary(env.apiRequests()[0])).toMatchObject({ path: '/v1.0/routing/rule/supplement/4', query: { roleId: '3' } });
		expect(result.items[0]).toMatchObject({ roleId: 3, businessType: 4, strategyType: STRATEGY.nextUp, touchMinutes: 30 });

		env.fake.clearRequests();
		await notStarted({ resource: 'rule', operation: 'getDefault', routingType: 4 });
	});

	it('refuses a routing type Lofty does not have, before sending', async () => {
		// With Routing Type an expression, the editor shows (and n8n requires) Role.
		const error = await refused({ resource: 'rule', operation: 'getAll', routingType: '={{ 3 }}', roleId: '3', returnAll: true });
		// The dropdown's own check (a closed list) names the field first.
		expect(error?.message).toBe('"Routing Type" cannot be "3"');
		expect(error?.description).toContain('Agent Lead, Assistant Lead, Lender Lead');
	});
});

describe('Lofty Lead Routing: rule resource, Update Default', () => {
	it('sets a default assignee and group for agent leads', async () => {
		const result = await runOk({
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 1,
			strategyType: String(STRATEGY.defaultAssignee),
			updateFields: { assigneeAgentId: '700002', assigneeGroupId: '800001' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/routing/rule/supplement/1',
				query: {},
				body: { strategyType: STRATEGY.defaultAssignee, assigneeAgentId: 700002, assigneeGroupId: 800001 },
			},
		]);
		expect(result.items).toEqual([{ routingType: 1, result: 'ok' }]);

		const after = await runOk({ resource: 'rule', operation: 'getDefault', routingType: 1 });
		expect(after.items[0]).toMatchObject({
			assigneeAgentId: '700002',
			assigneeAgentName: 'Blake Rivera',
			assigneeGroupId: '800001',
			assigneeGroupName: 'Austin Office',
		});
	});

	it('does not send a default group for lender leads (only agent leads have one)', async () => {
		await runOk({
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 2,
			strategyType: String(STRATEGY.defaultAssignee),
			updateFields: { assigneeAgentId: '700003', assigneeGroupId: '800001' },
		});
		expect(env.apiRequests()[0].body).toEqual({ strategyType: STRATEGY.defaultAssignee, assigneeAgentId: 700003 });
	});

	it('sends the role in the body for assistant leads, and refuses without it', async () => {
		const result = await runOk({
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 4,
			roleId: '3',
			strategyType: String(STRATEGY.blastAlert),
			updateFields: { touchMinutes: 20 },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'PUT',
			path: '/v1.0/routing/rule/supplement/4',
			query: {},
			body: { roleId: 3, strategyType: STRATEGY.blastAlert, touchMinutes: 20 },
		});
		expect(result.items).toEqual([{ routingType: 4, roleId: '3', result: 'ok' }]);
		const after = await runOk({ resource: 'rule', operation: 'getDefault', routingType: 4, roleId: '3' });
		expect(after.items[0]).toMatchObject({ strategyType: STRATEGY.blastAlert, touchMinutes: 20 });

		env.fake.clearRequests();
		await notStarted({ resource: 'rule', operation: 'updateDefault', routingType: 4, strategyType: String(STRATEGY.blastAlert) });
		const error = await refused(
			{ resource: 'rule', operation: 'updateDefault', routingType: 4, roleId: '={{ $json.roleId }}', strategyType: '3' },
			[{}],
		);
		expect(error?.message).toBe('"Role Name or ID" is required');
	});

	it('refuses a strategy type that is not a whole number, or none at all', async () => {
		const words = await refused({ resource: 'rule', operation: 'updateDefault', routingType: 1, strategyType: 'Round Robin' });
		expect(words?.message).toBe('"Strategy Type" must be Lofty\'s whole-number strategy code, got "Round Robin"');
		const empty = await refused({ resource: 'rule', operation: 'updateDefault', routingType: 1, strategyType: '={{ $json.code }}' }, [{}]);
		expect(empty?.message).toBe('"Strategy Type" is required');
	});

	it('refuses a default assignee that is not an ID', async () => {
		const error = await refused({
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 1,
			strategyType: '5',
			updateFields: { assigneeAgentId: 'blake.rivera@example.com' },
		});
		expect(error?.message).toBe('"Default Assignee Name or ID" must be a numeric Lofty ID, got "blake.rivera@example.com"');
	});

	it('surfaces Lofty refusing a default assignee who cannot take these leads', async () => {
		const result = await env.run(node(), {
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 2,
			strategyType: '5',
			updateFields: { assigneeAgentId: '700001' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toContain('member 700001 cannot take leads of routing type 2');
	});

	it('sends the raw JSON as typed, over the form', async () => {
		await runOk({
			resource: 'rule',
			operation: 'updateDefault',
			routingType: 1,
			strategyType: '2',
			updateFields: { touchMinutes: 5 },
			ruleJson: '{"touchMinutes": 45}',
		});
		expect(env.apiRequests()[0].body).toEqual({ strategyType: 2, touchMinutes: 45 });
	});
});

describe('Lofty Lead Routing: rule resource, Update', () => {
	it('sends RoutingRuleRequest from the form (active hours, id, strategy) and the rule conditions as typed JSON', async () => {
		const conditions = {
			name: 'Austin Buyers (Next Up)',
			ruleSwitch: false,
			groupNames: ['Luxury'],
			groupMatchType: 2,
			tagNames: ['Hot Lead', 'Buyer'],
			tagMatchType: 2,
			sourceName: 'Website',
			sourceMatchType: 1,
			leadType: '3',
			locationRule: { city: 'Round Rock', state: 'TX', zipcode: '78664', locationMatchType: 1 },
			phone: 'Without',
			priceMin: 250000,
			priceMax: 750000,
		};
		const result = await runOk({
			resource: 'rule',
			operation: 'update',
			routingType: 1,
			ruleId: '9100001',
			activeHours: { hours: { activeDays: [1, 3, 5], hoursStart: 7, hoursEnd: 19 } },
			routingStrategy: {
				strategy: {
					strategyType: String(STRATEGY.nextUp),
					memberWeights: {
						member: [
							{ memberId: '700001', weight: 3 },
							{ memberId: '700003', weight: 1 },
						],
					},
					touchMinutes: 20,
				},
			},
			ruleJson: JSON.stringify(conditions),
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: '/v1.0/routing/rule/1',
				query: {},
				body: {
					id: 9100001,
					activeHours: { activeDays: [1, 3, 5], hoursStart: 7, hoursEnd: 19 },
					routingStrategy: {
						strategyType: STRATEGY.nextUp,
						memberWeights: [
							{ memberId: 700001, weight: 3 },
							{ memberId: 700003, weight: 1 },
						],
						touchMinutes: 20,
					},
					...conditions,
				},
			},
		]);
		expect(result.items).toEqual([{ routingType: 1, ruleId: '9100001', result: 'ok' }]);

		const after = await runOk({ resource: 'rule', operation: 'getAll', routingType: 1, returnAll: true });
		expect(after.items[0]).toMatchObject({
			id: 9100001,
			name: 'Austin Buyers (Next Up)',
			ruleSwitch: false,
			activeHours: { activeDays: [1, 3, 5], hoursStart: 7, hoursEnd: 19 },
			routingStrategy: {
				strategyType: STRATEGY.nextUp,
				touchMinutes: 20,
				memberWeights: [
					{ memberId: 700001, weight: 3 },
					{ memberId: 700003, weight: 1 },
				],
			},
			locationRule: { city: 'Round Rock', zipcode: '78664' },
			priceMin: 250000,
			priceMax: 750000,
		});
	});

	it('sends only what was set: a lead pond strategy for a lender-lead rule', async () => {
		const result = await runOk({
			resource: 'rule',
			operation: 'update',
			routingType: 2,
			ruleId: '9100004',
			routingStrategy: { strategy: { strategyType: String(STRATEGY.leadPond), groupId: '1002' } },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'PUT',
			path: '/v1.0/routing/rule/2',
			query: {},
			body: { id: 9100004, routingStrategy: { strategyType: STRATEGY.leadPond, groupId: 1002 } },
		});
		expect(result.items).toEqual([{ routingType: 2, ruleId: '9100004', result: 'ok' }]);
	});

	it('updates an assistant-lead rule by its ID (no role needed)', async () => {
		await runOk({
			resource: 'rule',
			operation: 'update',
			routingType: 4,
			ruleId: '9100006',
			activeHours: { hours: { activeDays: [6], hoursStart: 10, hoursEnd: 14 } },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'PUT',
			path: '/v1.0/routing/rule/4',
			query: {},
			body: { id: 9100006, activeHours: { activeDays: [6], hoursStart: 10, hoursEnd: 14 } },
		});
	});

	it('sends the raw JSON as typed, so a list can be emptied', async () => {
		await runOk({
			resource: 'rule',
			operation: 'update',
			routingType: 1,
			ruleId: '9100001',
			ruleJson: '{"name": "Any Austin lead", "tagNames": [], "phone": ""}',
		});
		expect(env.apiRequests()[0].body).toEqual({ id: 9100001, name: 'Any Austin lead', tagNames: [], phone: '' });
		const after = await runOk({ resource: 'rule', operation: 'getAll', routingType: 1, limit: 1 });
		expect(after.items[0]).toMatchObject({ name: 'Any Austin lead', tagNames: [], phone: '' });
	});

	it.each([
		[{ ruleId: 'rule-1' }, '"Rule ID" must be a numeric Lofty ID, got "rule-1"'],
		[{ routingStrategy: { strategy: { strategyType: 'Next Up' } } }, '"Strategy Type" must be Lofty\'s whole-number strategy code, got "Next Up"'],
		[
			{
				routingStrategy: {
					strategy: { strategyType: '1', memberWeights: { member: [{ memberId: '700002', weight: 1 }, { memberId: '700002', weight: 2 }] } },
				},
			},
			'Member 700002 is in "Member Weights" twice',
		],
		[
			{ routingStrategy: { strategy: { strategyType: '1', memberWeights: { member: [{ memberId: '700002', weight: 0 }] } } } },
			'"Weight" of member 700002 must be a whole number of at least 1, got "0"',
		],
		[
			{ routingStrategy: { strategy: { strategyType: '1', memberWeights: { member: [{ memberId: 'Blake', weight: 1 }] } } } },
			'"Member Name or ID" of member weight 1 must be a numeric Lofty ID, got "Blake"',
		],
		[{ ruleJson: '{"name": ' }, '"Additional Body (JSON)" is not valid JSON'],
	])('refuses invalid input before sending (%#)', async (extra, message) => {
		const error = await refused({ resource: 'rule', operation: 'update', routingType: 1, ruleId: '9100001', ...extra });
		expect(error?.message).toBe(message);
	});

	it.each([
		[
			'a member who is not on the team',
			1,
			'9100001',
			{ strategyType: '1', memberWeights: { member: [{ memberId: '700009', weight: 1 }] } },
			'700009 is not a member of the team',
		],
		[
			'a member who cannot take assistant leads of the role',
			4,
			'9100005',
			{ strategyType: '3', memberWeights: { member: [{ memberId: '700001', weight: 1 }] } },
			'member 700001 cannot take leads of routing type 4',
		],
		['a lead pond without a pond', 2, '9100004', { strategyType: String(STRATEGY.leadPond) }, 'groupId is required for a lead pond strategy'],
		['a round robin without members', 1, '9100002', { strategyType: String(STRATEGY.roundRobin) }, 'needs at least one member'],
		['a strategy code Lofty does not know', 1, '9100002', { strategyType: '99' }, 'strategyType is not valid: 99'],
	])('surfaces Lofty refusing %s', async (_what, routingType, ruleId, strategy, message) => {
		const result = await env.run(node(), { resource: 'rule', operation: 'update', routingType, ruleId, routingStrategy: { strategy } });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toContain(message);
		expect(env.apiRequests()).toHaveLength(1);
	});

	it('surfaces a rule that is not on the routing type’s list', async () => {
		const result = await env.run(node(), { resource: 'rule', operation: 'update', routingType: 1, ruleId: '9100003', updateFields: { name: 'x' } });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Routing rule 9100003 not found');
	});
});

describe('Lofty Lead Routing: dropdowns', () => {
	function options(method: string, parameters: INodeParameters) {
		return loadOptions({
			method,
			nodes: { type: node(), parameters },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		});
	}

	it.each([
		[1, ['700001', '700002', '700003']],
		[2, ['700003']],
	])('getRoutingMembers lists the members of routing type %s', async (routingType, ids) => {
		const members = await options('getRoutingMembers', { resource: 'rule', operation: 'update', routingType });
		expect(members.map((option) => option.value)).toEqual(ids);
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: `/v1.0/routing/member/list/${routingType}`, query: {}, body: undefined },
		]);
	});

	it('getRoutingMembers passes the role for assistant leads', async () => {
		const members = await options('getRoutingMembers', { resource: 'rule', operation: 'updateDefault', routingType: 4, roleId: '3' });
		expect(members).toEqual([{ name: 'Blake Rivera', value: '700002' }]);
		expect(summary(env.apiRequests()[0])).toMatchObject({ path: '/v1.0/routing/member/list/4', query: { roleId: '3' } });
	});

	it('getRoles lists the assignment roles', async () => {
		expect(await options('getRoles', { resource: 'rule', operation: 'getAll', routingType: 4 })).toEqual([
			{ name: 'Agent', value: '1' },
			{ name: 'Assistant', value: '3' },
			{ name: 'Lender', value: '2' },
		]);
	});
});

describe('fake Lofty: lead routing strictness', () => {
	it('accepts only routing types 1, 2 and 4', async () => {
		for (const path of ['/v1.0/routing/rule/list/3', '/v1.0/routing/member/list/0', '/v1.0/routing/rule/supplement/x']) {
			const answer = await callFake('GET', path);
			expect(answer.status).toBe(400);
			expect(answer.body).toMatchObject({ code: 400, message: expect.stringContaining('type is not valid') });
		}
	});

	it('requires roleId for type 4 where the reference says so, and only there', async () => {
		expect(await callFake('GET', '/v1.0/routing/rule/list/4')).toMatchObject({ status: 400 });
		expect(await callFake('GET', '/v1.0/routing/rule/supplement/4')).toMatchObject({ status: 400 });
		expect(await callFake('PUT', '/v1.0/routing/rule/supplement/4', { strategyType: 2 })).toMatchObject({
			status: 400,
			body: { message: 'roleId is required when type is ASSISTANT_LEAD(4)' },
		});
		expect(await callFake('GET', '/v1.0/routing/member/list/4')).toMatchObject({ status: 200 });
		expect(await callFake('GET', '/v1.0/routing/rule/list/1')).toMatchObject({ status: 200 });
		expect(await callFake('GET', '/v1.0/routing/rule/list/4?roleId=99')).toMatchObject({
			status: 400,
			body: { message: 'roleId is not valid: role 99 does not exist' },
		});
	});

	it('rejects malformed rule bodies', async () => {
		const put = (body: unknown) => callFake('PUT', '/v1.0/routing/rule/1', body);
		expect(await put({ routingStrategy: { strategyType: 1 } })).toMatchObject({ status: 400, body: { message: 'id is required' } });
		expect(await put({ id: 9100001, routingStrategy: { memberWeights: [] } })).toMatchObject({
			body: { message: 'routingStrategy.strategyType is required' },
		});
		expect(await put({ id: 9100001, routingStrategy: { strategyType: 1, memberWeights: { memberId: 700002, weight: 1 } } })).toMatchObject({
			body: { message: "JSON parse error: 'routingStrategy.memberWeights' must be an array of objects" },
		});
		expect(await put({ id: 9100001, routingStrategy: { strategyType: 4, groupId: 1001, memberWeights: [{ memberId: 700002, weight: 1 }] } })).toMatchObject({
			body: { message: 'routingStrategy.memberWeights is not allowed for a lead pond strategy' },
		});
		expect(await put({ id: 9100001, activeHours: { activeDays: [0, 8], hoursStart: 9, hoursEnd: 17 } })).toMatchObject({
			body: { message: 'activeHours.activeDays is not valid: 0. Days are between 1 and 7' },
		});
		expect(await put({ id: 9100001, activeHours: { activeDays: [1], hoursStart: 9, hoursEnd: 24 } })).toMatchObject({
			body: { message: 'activeHours.hoursEnd is not valid: 24. It must be between 0 and 23' },
		});
		expect(await put({ id: 9100001, leadTypeFilters: '[{"type":"none","ids":"1"}]' })).toMatchObject({ status: 400 });
		expect(await put({ id: 9100001, groupNames: ['No Such Segment'] })).toMatchObject({
			body: { message: 'groupNames is not valid: "No Such Segment" does not exist' },
		});
		expect(await put({ id: 9100001, phone: 'Maybe' })).toMatchObject({ status: 400 });
	});

	it('rejects a default rule the strategy cannot use', async () => {
		const put = (body: unknown) => callFake('PUT', '/v1.0/routing/rule/supplement/1', body);
		expect(await put({})).toMatchObject({ status: 400, body: { message: 'strategyType is required' } });
		expect(await put({ strategyType: STRATEGY.leadPond })).toMatchObject({ status: 400 });
		expect(await put({ strategyType: STRATEGY.defaultAssignee })).toMatchObject({
			body: { message: 'assigneeAgentId is required for the default assignee strategy' },
		});
		expect(await put({ strategyType: STRATEGY.defaultAssignee, assigneeGroupId: 123 })).toMatchObject({
			body: { message: 'assigneeGroupId is not valid: group 123 does not exist' },
		});
		expect(await put({ strategyType: STRATEGY.nextUp, touchMinutes: 0 })).toMatchObject({ status: 400 });
	});
});
