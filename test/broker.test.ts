import type { INodeParameters } from 'n8n-workflow';

import { LoftyBroker } from '../nodes/LoftyBroker/LoftyBroker.node';
import { brokerOf, seedBrokerTeams } from './fake-lofty/routes-broker';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyBroker();
const { runOk } = nodeRunner(env, node, { resource: 'broker' });
const teams = () => brokerOf(env.fake.data).teams;

async function runRefused(parameters: INodeParameters) {
	const result = await env.run(node(), { resource: 'broker', ...parameters });
	expect(result.status).toBe('error');
	expect(env.apiRequests()).toHaveLength(0);
	return result.error?.message;
}

describe('Lofty Broker: Create Team', () => {
	it('creates a team with its admin and outputs the new team id', async () => {
		const result = await runOk({
			operation: 'createTeam',
			teamName: 'Downtown Team',
			email: 'dana.admin@example.com',
			firstName: 'Dana',
			additionalFields: { lastName: 'Fox', phone: '5125550177', seatLimit: 12 },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/broker/team',
				query: {},
				body: {
					teamName: 'Downtown Team',
					email: 'dana.admin@example.com',
					firstName: 'Dana',
					lastName: 'Fox',
					phone: '5125550177',
					seatLimit: 12,
				},
			},
		]);
		expect(result.items).toEqual([{ teamId: expect.stringMatching(/^91\d{4}$/) }]);
		expect(teams().get(Number(result.items[0].teamId))).toMatchObject({
			teamName: 'Downtown Team',
			email: 'dana.admin@example.com',
			seatLimit: 12,
		});
	});

	it('creates one team per input item from expressions, with only the required fields', async () => {
		const result = await runOk(
			{ operation: 'createTeam', teamName: '={{ $json.team }}', email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
			[
				{ team: 'North Team', email: 'north@example.com', first: 'Noor' },
				{ team: 'South Team', email: 'south@example.com', first: 'Sam' },
			],
		);
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'POST', path: '/v1.0/broker/team', query: {}, body: { teamName: 'North Team', email: 'north@example.com', firstName: 'Noor' } },
			{ method: 'POST', path: '/v1.0/broker/team', query: {}, body: { teamName: 'South Team', email: 'south@example.com', firstName: 'Sam' } },
		]);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].teamId).not.toBe(result.items[1].teamId);
	});

	it("reports Lofty's refusal of an email already in use", async () => {
		const result = await env.run(node(), {
			resource: 'broker',
			operation: 'createTeam',
			teamName: 'Copy',
			email: 'alex.morgan@example.com',
			firstName: 'Alex',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The email alex.morgan@example.com is already in use');
		expect(env.apiRequests()).toHaveLength(1);
	});

	it.each([
		[{ teamName: '={{ "" }}', email: 'a@example.com', firstName: 'A' }, '"Team Name" is required'],
		[{ teamName: 'T', email: '={{ "" }}', firstName: 'A' }, '"Admin Email" is required'],
		[{ teamName: 'T', email: 'admin-at-example.com', firstName: 'A' }, '"Admin Email" must be an email address, got "admin-at-example.com"'],
		[{ teamName: 'T', email: 'a@example.com', firstName: '={{ " " }}' }, '"Admin First Name" is required'],
		[
			{ teamName: 'T', email: 'a@example.com', firstName: 'A', additionalFields: { seatLimit: '={{ 2.5 }}' } },
			'"Seat Limit" must be a whole number of at least 1, got "2.5"',
		],
		[
			{ teamName: 'T', email: 'a@example.com', firstName: 'A', additionalFields: { seatLimit: '={{ 0 }}' } },
			'"Seat Limit" must be a whole number of at least 1, got "0"',
		],
	])('refuses %j before sending', async (parameters, message) => {
		expect(await runRefused({ operation: 'createTeam', ...parameters })).toBe(message);
	});
});

describe('Lofty Broker: Remove Team', () => {
	it('removes a team by id and says which one', async () => {
		const [team] = seedBrokerTeams(env.fake.data, 1);
		const result = await runOk({ operation: 'removeTeam', teamId: ` ${team.id} ` });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'DELETE', path: `/v1.0/broker/team/${team.id}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ deleted: true, teamId: String(team.id) }]);
		expect(teams().has(team.id)).toBe(false);
	});

	it('removes the teams of several items, going on past an unknown one', async () => {
		const seeded = seedBrokerTeams(env.fake.data, 2);
		const result = await env.run(
			node(),
			{ resource: 'broker', operation: 'removeTeam', teamId: '={{ $json.id }}' },
			{ items: [{ id: seeded[0].id }, { id: 919999 }, { id: seeded[1].id }], continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`DELETE /v1.0/broker/team/${seeded[0].id} 204`,
			'DELETE /v1.0/broker/team/919999 404',
			`DELETE /v1.0/broker/team/${seeded[1].id} 204`,
		]);
		expect(result.items).toEqual([
			{ deleted: true, teamId: String(seeded[0].id) },
			{ error: 'Team not found' },
			{ deleted: true, teamId: String(seeded[1].id) },
		]);
	});

	it.each([
		['={{ "" }}', '"Team ID" is required'],
		['Downtown Team', '"Team ID" must be a numeric Lofty ID, got "Downtown Team"'],
		['0', '"Team ID" must be a numeric Lofty ID, got "0"'],
	])('refuses Team ID %j before sending', async (teamId, message) => {
		expect(await runRefused({ operation: 'removeTeam', teamId })).toBe(message);
	});
});
