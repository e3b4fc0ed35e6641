import type { IDataObject } from 'n8n-workflow';

import { LoftyLog } from '../nodes/LoftyLog/LoftyLog.node';
import { LOG_TYPE_ID_BASE, logTypesOf, seedLogTypes } from './fake-lofty/routes-log-types';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyLog();
const { runOk } = nodeRunner(env, node);
const SEEDED = 2500;

beforeAll(() => {
	env.fake.seedLeads(5);
	// Log k: id 8500000 + k, lead 1000001 + (k-1) % 5, logCall / logEmail / logText in turn.
	seedLogTypes(env.fake.data, SEEDED);
});

const stored = (id: unknown) => logTypesOf(env.fake.data).find((record) => String(record.id) === String(id));

describe('Lofty Log: create', () => {
	it('logs a call with its outcome and every optional field', async () => {
		const result = await runOk({
			resource: 'log',
			operation: 'create',
			leadId: ' 1000002 ',
			logType: 'logCall',
			callingOutcome: 'NoAnswer',
			additionalFields: {
				content: 'Rang twice, no voicemail',
				outboundOrInbound: 'Outbound',
				leadPhoneNumber: '5550000002',
				isPin: true,
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/logType',
				query: {},
				body: {
					leadId: 1000002,
					logType: 'logCall',
					callingOutcome: 'NoAnswer',
					content: 'Rang twice, no voicemail',
					outboundOrInbound: 'Outbound',
					leadPhoneNumber: '5550000002',
					isPin: true,
				},
			},
		]);
		expect(result.items).toEqual([{ logTypeId: String(LOG_TYPE_ID_BASE + SEEDED + 1) }]);
		expect(stored(result.items[0].logTypeId)).toMatchObject({
			leadId: 1000002,
			logType: 'logCall',
			callingOutcome: 'NoAnswer',
			isPin: true,
			agentId: 700001,
		});
	});

	it('logs an email without the call-only fields, even when they were filled in', async () => {
		const result = await runOk({
			resource: 'log',
			operation: 'create',
			leadId: '1000003',
			logType: 'logEmail',
			callingOutcome: 'Talked',
			additionalFields: { content: 'Sent the comps', leadPhoneNumber: '5550000003' },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'POST',
			path: '/v1.0/logType',
			query: {},
			body: { leadId: 1000003, logType: 'logEmail', content: 'Sent the comps' },
		});
		expect(stored(result.items[0].logTypeId)).toMatchObject({ logType: 'logEmail', callingOutcome: null, leadPhoneNumber: null });
	});

	it('logs a text with the phone number and merges the raw JSON body', async () => {
		await runOk({
			resource: 'log',
			operation: 'create',
			leadId: '1000004',
			logType: 'logText',
			additionalFields: { leadPhoneNumber: '5550000004', content: 'draft' },
			logJson: '{"content": "See you at 5", "outboundOrInbound": "Inbound"}',
		});
		expect(env.apiRequests()[0].body).toEqual({
			leadId: 1000004,
			logType: 'logText',
			leadPhoneNumber: '5550000004',
			content: 'See you at 5',
			outboundOrInbound: 'Inbound',
		});
	});

	it('requires a calling outcome for a call only', async () => {
		const call = await env.run(node(), {
			resource: 'log',
			operation: 'create',
			leadId: '1000002',
			logType: 'logCall',
			callingOutcome: '={{ $json.outcome }}',
		});
		expect(call.status).toBe('error');
		expect(call.error?.message).toBe('"Calling Outcome" is required');
		expect(env.apiRequests()).toHaveLength(0);

		const text = await runOk({
			resource: 'log',
			operation: 'create',
			leadId: '1000002',
			logType: 'logText',
			callingOutcome: '={{ $json.outcome }}',
		});
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000002, logType: 'logText' });
		expect(text.items).toHaveLength(1);
	});

	it('refuses a lead id that is not a Lofty id before sending anything', async () => {
		const result = await env.run(node(), { resource: 'log', operation: 'create', leadId: 'abc', logType: 'logEmail' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "abc"');
		const badJson = await env.run(node(), {
			resource: 'log',
			operation: 'create',
			leadId: '1000001',
			logType: 'logEmail',
			logJson: '{content: oops}',
		});
		expect(badJson.error?.message).toBe('"Additional Body (JSON)" is not valid JSON');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it("surfaces Lofty's answer for a lead that does not exist", async () => {
		const result = await env.run(node(), { resource: 'log', operation: 'create', leadId: '1999999', logType: 'logEmail' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('Lead not found');
	});

	it('sends the POST once and outputs whatever record Lofty answers with', async () => {
		// lofty-endpoints.json marks POST /v1.0/logType as paged, the reference gives it a plain
		// string answer: the node never pages a create, and outputs a list answer item by item.
		env.fake.injectFault({ method: 'POST', path: '/v1.0/logType', status: 200, body: [{ id: 1 }, { id: 2 }] });
		const list = await runOk({ resource: 'log', operation: 'create', leadId: '1000001', logType: 'logEmail' });
		expect(list.items).toEqual([{ id: 1 }, { id: 2 }]);
		env.fake.injectFault({ method: 'POST', path: '/v1.0/logType', status: 200, body: { id: 8599999, leadId: 1000001 } });
		const object = await runOk({ resource: 'log', operation: 'create', leadId: '1000001', logType: 'logEmail' });
		expect(object.items).toEqual([{ id: 8599999, leadId: 1000001 }]);
		env.fake.injectFault({ method: 'POST', path: '/v1.0/logType', status: 200, body: 8599998 });
		const bare = await runOk({ resource: 'log', operation: 'create', leadId: '1000001', logType: 'logEmail' });
		expect(bare.items).toEqual([{ logTypeId: '8599998' }]);
		expect(env.apiRequests().map((request) => [request.method, request.path, request.query])).toEqual(
			Array(3).fill(['POST', '/v1.0/logType', {}]),
		);
	});
});

describe('Lofty Log: get and delete', () => {
	it('gets a log by id', async () => {
		const result = await runOk({ resource: 'log', operation: 'get', logTypeId: '8500001' });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/logType/8500001', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			{
				id: 8500001,
				leadId: 1000001,
				agentId: 700001,
				callingOutcome: 'Talked',
				createTime: '2024-01-01T00:00:00Z',
				isPin: false,
				leadPhoneNumber: '5550000001',
				outboundOrInbound: 'Outbound',
			},
		]);
	});

	it('deletes a log, which is then gone', async () => {
		const result = await runOk({ resource: 'log', operation: 'delete', logTypeId: '8500010' });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'DELETE', path: '/v1.0/logType/8500010', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ deleted: true, logTypeId: '8500010' }]);
		const after = await env.run(node(), { resource: 'log', operation: 'get', logTypeId: '8500010' });
		expect(after.status).toBe('error');
		expect(after.error?.httpCode).toBe('404');
		expect(after.error?.message).toContain('Log type not found');
	});

	it('refuses a log id that is not a Lofty id before sending anything', async () => {
		const get = await env.run(node(), { resource: 'log', operation: 'get', logTypeId: '85-1' });
		expect(get.error?.message).toBe('"Log ID" must be a numeric Lofty ID, got "85-1"');
		const remove = await env.run(node(), { resource: 'log', operation: 'delete', logTypeId: '={{ "" }}' });
		expect(remove.error?.message).toBe('"Log ID" is required');
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('Lofty Log: get many (currentId cursor)', () => {
	it('filters by lead and log type and stops exactly at Limit', async () => {
		const result = await runOk({
			resource: 'log',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { leadId: '1000002', logType: 'logEmail' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/logType', query: { limit: '3', leadId: '1000002', logType: 'logEmail' }, body: undefined },
		]);
		// Seeded logs on lead 1000002 are k = 2, 7, 12, …; emails are k = 2, 5, 8, …: k = 2, 17, 32.
		expect(result.items.map((item) => item.id)).toEqual([8500002, 8500017, 8500032]);
		expect(result.items.every((item) => item.callingOutcome === null && item.leadId === 1000002)).toBe(true);
	});

	it('returns every log over several pages of 1,000', async () => {
		const live = logTypesOf(env.fake.data).filter((record) => !record.deleted);
		const result = await runOk({ resource: 'log', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/logType', query: { limit: '1000' }, body: undefined },
			{ method: 'GET', path: '/v1.0/logType', query: { limit: '1000', currentId: String(live[999].id) }, body: undefined },
			{ method: 'GET', path: '/v1.0/logType', query: { limit: '1000', currentId: String(live[1999].id) }, body: undefined },
		]);
		expect(live.length).toBeGreaterThan(SEEDED);
		expect(result.items.map((item: IDataObject) => item.id)).toEqual(live.map((record) => record.id));
	});

	it('refuses a lead filter that is not a Lofty id before sending anything', async () => {
		const result = await env.run(node(), { resource: 'log', operation: 'getAll', returnAll: true, filters: { leadId: '1000002,1000003' } });
		expect(result.error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "1000002,1000003"');
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('fake Lofty: log types are checked like Lofty checks them', () => {
	async function post(body: unknown, path = '/v1.0/logType') {
		const response = await fetch(env.fake.baseUrl + path, {
			method: 'POST',
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as unknown };
	}

	it('refuses missing or unknown values', async () => {
		expect(await post({ logType: 'logCall' })).toEqual({ status: 400, body: { code: 400, message: 'leadId is required' } });
		expect((await post({ leadId: 1000001 })).body).toEqual({ code: 400, message: 'logType is required' });
		expect((await post({ leadId: 1000001, logType: 'logFax' })).status).toBe(400);
		expect((await post({ leadId: 1000001, logType: 'logCall', callingOutcome: 'Busy' })).status).toBe(400);
		expect((await post({ leadId: 1000001, logType: 'logText', callingOutcome: 'Talked' })).status).toBe(400);
		expect((await post({ leadId: 1000001, logType: 'logText', outboundOrInbound: 'sideways' })).status).toBe(400);
		expect((await post({ leadId: 1000001, logType: 'logText', isPin: 'maybe' })).status).toBe(400);
		expect(await post({ leadId: '1000001', logType: 'logText' })).toEqual({ status: 200, body: expect.stringMatching(/^85\d{5}$/) });
	});

	it('refuses a page larger than 1,000 and an unknown log type filter', async () => {
		const get = async (query: string) =>
			(await fetch(`${env.fake.baseUrl}/v1.0/logType?${query}`, { headers: { Authorization: 'token test-api-key' } })).status;
		expect(await get('limit=1001')).toBe(400);
		expect(await get('logType=logFax')).toBe(400);
		expect(await get('limit=1000&currentId=8500001')).toBe(200);
	});
});

describe('endpoint catalogue: LogType', () => {
	it('reaches every endpoint of the LogType group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([new LoftyLog()])).filter((row) => row.endpoint.group === 'LogType');
		expect(rows).toHaveLength(4);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});
});
