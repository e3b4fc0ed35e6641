import type { IDataObject } from 'n8n-workflow';

import { LoftyCommunication } from '../nodes/LoftyCommunication/LoftyCommunication.node';
import { setAgentCommunicationBounds } from './fake-lofty/routes-communication';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
/** A second Lofty whose currentId pages start at the cursor itself (the other reading of the reference). */
const inclusiveEnv = useFakeLofty({ currentIdInclusive: true });
const node = () => new LoftyCommunication();
const { runOk } = nodeRunner(env, node);
const inclusive = nodeRunner(inclusiveEnv, node);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2024-03-01T00:00:00Z: agent communication is seeded hourly from here for four days. */
const T0 = Date.UTC(2024, 2, 1);
/** 2024-06-01T00:00:00Z: 1,500 records in one day, to page within a window. */
const T1 = Date.UTC(2024, 5, 1);
/** Agent communication record at T0 + h hours has id 6000001 + h. */
const atHour = (h: number) => 6000001 + h;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(() => {
	for (const fake of [env.fake, inclusiveEnv.fake]) fake.seedCallHistory(2500);
	for (let day = 0; day < 4; day++) env.fake.seedAgentCommunication(24, T0 + day * DAY, T0 + (day + 1) * DAY);
	env.fake.seedAgentCommunication(1500, T1, T1 + DAY);
});

const ids = (items: IDataObject[]) => items.map((item) => item.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Lofty Communication: call, email and text history (currentId cursor)', () => {
	it('returns all calls over several pages of 1,000, following the last id', async () => {
		const result = await runOk({ resource: 'call', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/communication/call', query: { limit: '1000' }, body: undefined },
			{ method: 'GET', path: '/v1.0/communication/call', query: { limit: '1000', currentId: '3001000' }, body: undefined },
			{ method: 'GET', path: '/v1.0/communication/call', query: { limit: '1000', currentId: '3002000' }, body: undefined },
		]);
		expect(ids(result.items)).toEqual(range(3000001, 3002500));
		expect(result.items[0]).toMatchObject({ leadId: 1000001, callingOutcome: 'Talked', duration: 47, direction: 'Outbound' });
	});

	it('does not repeat the cursor record when Lofty starts the next page at it', async () => {
		const result = await inclusive.runOk({ resource: 'call', operation: 'getAll', returnAll: true });
		expect(inclusiveEnv.apiRequests().map((request) => request.query)).toEqual([
			{ limit: '1000' },
			{ limit: '1000', currentId: '3001000' },
			{ limit: '1000', currentId: '3001999' },
		]);
		expect(ids(result.items)).toEqual(range(3000001, 3002500));
	});

	it('reads the v2 call history of one lead, stopping exactly at Limit', async () => {
		const result = await runOk({
			resource: 'call',
			operation: 'getAllV2',
			returnAll: false,
			limit: 3,
			filters: { leadId: '1000002' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/communication/call/v2', query: { limit: '3', leadId: '1000002' }, body: undefined },
		]);
		expect(result.items).toEqual([
			{ id: 3000002, leadId: 1000002, agentId: 700002, direction: 'Inbound', createTime: '2024-01-01T00:01:00Z', leadPhoneNumber: '5550000002' },
			expect.objectContaining({ id: 3000007 }),
			expect.objectContaining({ id: 3000012 }),
		]);
	});

	it('pages the email history and asks only for what Limit still needs', async () => {
		const result = await runOk({ resource: 'email', operation: 'getAll', returnAll: false, limit: 1500 });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/communication/email', query: { limit: '1000' }, body: undefined },
			{ method: 'GET', path: '/v1.0/communication/email', query: { limit: '500', currentId: '3101000' }, body: undefined },
		]);
		expect(ids(result.items)).toEqual(range(3100001, 3101500));
		expect(result.items[0]).toMatchObject({ emailSubject: 'Email 1', eventType: 'Sent', emailType: 'Manual' });
	});

	it('returns all texts of one lead in one short page', async () => {
		const result = await runOk({ resource: 'text', operation: 'getAll', returnAll: true, filters: { leadId: ' 1000003 ' } });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/communication/text', query: { limit: '1000', leadId: '1000003' }, body: undefined },
		]);
		expect(result.items).toHaveLength(500);
		expect(result.items.every((text) => text.leadId === 1000003)).toBe(true);
		expect(result.items[0]).toMatchObject({ id: 3200003, textType: 'Auto', textOutcome: 'Delivered' });
	});

	it('refuses a lead filter that is not a Lofty id before sending anything', async () => {
		const result = await env.run(node(), { resource: 'email', operation: 'getAll', filters: { leadId: 'lead-3' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "lead-3"');
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('Lofty Communication: agent communication in 24-hour windows', () => {
	/** 3.5 days from T0: four windows, the last one of 12 hours. */
	const threeAndAHalfDays = { startTime: iso(T0), endTime: iso(T0 + 3.5 * DAY) };
	const windowBodies = (extra: IDataObject = {}) => [
		{ startTime: T0, endTime: T0 + DAY, offset: 0, limit: 1000, ...extra },
		{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 0, limit: 1000, ...extra },
		{ startTime: T0 + 2 * DAY, endTime: T0 + 3 * DAY, offset: 0, limit: 1000, ...extra },
		{ startTime: T0 + 3 * DAY, endTime: T0 + 3.5 * DAY, offset: 0, limit: 1000, ...extra },
	];

	/** Runs with Lofty treating both window bounds as inclusive. */
	async function withClosedBounds<T>(fn: () => Promise<T>): Promise<T> {
		setAgentCommunicationBounds(env.fake.data, 'closed');
		try {
			return await fn();
		} finally {
			setAgentCommunicationBounds(env.fake.data, 'half-open');
		}
	}

	it('splits 3.5 days into consecutive 24-hour windows and concatenates them', async () => {
		const result = await runOk({ resource: 'agentCommunication', operation: 'getAll', returnAll: true, ...threeAndAHalfDays });
		const requests = env.apiRequests();
		expect(requests.map((request) => [request.method, request.path])).toEqual(
			Array(4).fill(['POST', '/v1.0/agent/communication']),
		);
		expect(requests.map((request) => request.body)).toEqual(windowBodies());
		// Hourly records from hour 0 to 83; those on the window bounds (24, 48, 72) once each.
		expect(ids(result.items)).toEqual(range(0, 83).map(atHour));
		expect(result.items[24]).toMatchObject({ id: atHour(24), communicationTime: iso(T0 + DAY) });
	});

	it('emits a record on a shared bound once when Lofty returns it from both windows', async () => {
		const result = await withClosedBounds(() =>
			runOk({ resource: 'agentCommunication', operation: 'getAll', returnAll: true, ...threeAndAHalfDays }),
		);
		expect(env.apiRequests().map((request) => request.body)).toEqual(windowBodies());
		// The fake answered hours 0-24, 24-48, 48-72 and 72-84: 88 records, 85 of them distinct.
		expect(env.apiRequests().map((request) => request.status)).toEqual([200, 200, 200, 200]);
		expect(ids(result.items)).toEqual(range(0, 84).map(atHour));
	});

	it('stops exactly at Limit in the middle of a window', async () => {
		const result = await runOk({
			resource: 'agentCommunication',
			operation: 'getAll',
			returnAll: false,
			limit: 50,
			...threeAndAHalfDays,
		});
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T0, endTime: T0 + DAY, offset: 0, limit: 50 },
			{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 0, limit: 26 },
			{ startTime: T0 + 2 * DAY, endTime: T0 + 3 * DAY, offset: 0, limit: 2 },
		]);
		expect(ids(result.items)).toEqual(range(0, 49).map(atHour));
	});

	it("keeps Lofty's offset right when a repeated record is dropped before Limit is reached", async () => {
		const result = await withClosedBounds(() =>
			runOk({ resource: 'agentCommunication', operation: 'getAll', returnAll: false, limit: 30, ...threeAndAHalfDays }),
		);
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T0, endTime: T0 + DAY, offset: 0, limit: 30 },
			// Hours 24-28: hour 24 came with the first window, so one more is needed, from offset 5.
			{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 0, limit: 5 },
			{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 5, limit: 1 },
		]);
		expect(ids(result.items)).toEqual(range(0, 29).map(atHour));
	});

	it('reads on when a whole page is records already emitted', async () => {
		const result = await withClosedBounds(() =>
			runOk({ resource: 'agentCommunication', operation: 'getAll', returnAll: false, limit: 26, ...threeAndAHalfDays }),
		);
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T0, endTime: T0 + DAY, offset: 0, limit: 26 },
			{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 0, limit: 1 },
			{ startTime: T0 + DAY, endTime: T0 + 2 * DAY, offset: 1, limit: 1 },
		]);
		expect(ids(result.items)).toEqual(range(0, 25).map(atHour));
	});

	it('pages a busy 24-hour range with offset and limit in the body until hasMore is false', async () => {
		const result = await runOk({
			resource: 'agentCommunication',
			operation: 'getAll',
			returnAll: true,
			startTime: iso(T1),
			endTime: iso(T1 + DAY),
		});
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T1, endTime: T1 + DAY, offset: 0, limit: 1000 },
			{ startTime: T1, endTime: T1 + DAY, offset: 1000, limit: 1000 },
		]);
		expect(result.items).toHaveLength(1500);
		expect(new Set(ids(result.items)).size).toBe(1500);
	});

	it('sends the type and team view filters with every window', async () => {
		const result = await runOk({
			resource: 'agentCommunication',
			operation: 'getAll',
			returnAll: true,
			startTime: iso(T0 + 12 * HOUR),
			endTime: iso(T0 + 36 * HOUR),
			filters: { type: 'EMAIL', teamView: true },
		});
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T0 + 12 * HOUR, endTime: T0 + 36 * HOUR, offset: 0, limit: 1000, type: 'EMAIL', teamView: true },
		]);
		// Hours 12-35 whose eventType is an email (hour % 5 is 2, 3 or 4).
		expect(ids(result.items)).toEqual(range(12, 35).filter((h) => h % 5 >= 2).map(atHour));
		expect(result.items.every((item) => String(item.eventType).endsWith('Email'))).toBe(true);
	});

	it('reads n8n date-times with a zone offset', async () => {
		await runOk({
			resource: 'agentCommunication',
			operation: 'getAll',
			returnAll: true,
			startTime: '2024-02-29T19:00:00-05:00',
			endTime: '2024-03-01T19:00:00-05:00',
		});
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ startTime: T0, endTime: T0 + DAY, offset: 0, limit: 1000 },
		]);
	});

	it('refuses an empty or backwards range, or a date it cannot read, before sending anything', async () => {
		const base = { resource: 'agentCommunication', operation: 'getAll', returnAll: true };
		const backwards = await env.run(node(), { ...base, startTime: iso(T0 + DAY), endTime: iso(T0) });
		expect(backwards.status).toBe('error');
		expect(backwards.error?.message).toBe('"End Time" must be after "Start Time"');
		const same = await env.run(node(), { ...base, startTime: iso(T0), endTime: iso(T0) });
		expect(same.error?.message).toBe('"End Time" must be after "Start Time"');
		// n8n itself refuses an empty required field; an expression that resolves empty reaches the node.
		const missing = await env.run(node(), { ...base, startTime: iso(T0), endTime: '={{ "" }}' });
		expect(missing.error?.message).toBe('"End Time" is required');
		const garbage = await env.run(node(), { ...base, startTime: 'last tuesday', endTime: iso(T0) });
		expect(garbage.error?.message).toBe('"Start Time" is not a date Lofty can use: "last tuesday"');
		const zeroLimit = await env.run(node(), { ...base, returnAll: false, limit: 0, startTime: iso(T0), endTime: iso(T0 + DAY) });
		expect(zeroLimit.error?.message).toContain('"Limit" must be a whole number of at least 1');
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('endpoint catalogue: Communication', () => {
	it('reaches every endpoint of the Communication group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([new LoftyCommunication()])).filter((row) => row.endpoint.group === 'Communication');
		expect(rows).toHaveLength(5);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});
});
