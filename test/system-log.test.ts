import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LoftySystemLog } from '../nodes/LoftySystemLog/LoftySystemLog.node';
import { MINUTE_MS, SEED_BASE_TIME } from './fake-lofty';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftySystemLog();
const { runOk } = nodeRunner(env, node, { resource: 'systemLog', operation: 'getAll' });
const LOGS = 250;

beforeAll(() => env.fake.seedSystemLogs(LOGS));

async function runFailing(parameters: INodeParameters) {
	const result = await env.run(node(), { resource: 'systemLog', operation: 'getAll', ...parameters });
	expect(result.status).toBe('error');
	return result.error!;
}

const ids = (items: IDataObject[]) => items.map((item) => Number(item.id));
/** Seeded log k (1-based) has id 4000000+k, leadId 1000001+(k-1)%5, createTime base+(k-1) min. */
const logId = (k: number) => 4000000 + k;

describe('Lofty System Log: Get Many (GET /v1.0/systemLogs, pageNumber)', () => {
	it('returns all logs page by page from pageNumber 0 with pages of 100', async () => {
		const result = await runOk({ returnAll: true });
		const requests = env.apiRequests();
		expect(requests.map(summary)).toEqual(
			[0, 1, 2].map((page) => ({
				method: 'GET',
				path: '/v1.0/systemLogs',
				query: { pageNumber: String(page), pageSize: '100' },
				body: undefined,
			})),
		);
		expect(result.items).toHaveLength(LOGS);
		expect(new Set(ids(result.items)).size).toBe(LOGS);
		// Newest first.
		expect(ids(result.items).slice(0, 2)).toEqual([logId(250), logId(249)]);
		expect(result.items[0]).toEqual({
			id: logId(250),
			leadId: 1000005,
			leadFullName: null,
			agentId: 700001,
			content: JSON.stringify({ text: 'System log 250' }),
			createTime: SEED_BASE_TIME + 249 * MINUTE_MS,
			updateTime: SEED_BASE_TIME + 249 * MINUTE_MS,
			timelineTime: SEED_BASE_TIME + 249 * MINUTE_MS,
			timelineType: 2,
			fromId: 700001,
			fromType: 1,
			fromFirstName: 'Alex',
			fromLastName: 'Morgan',
			toId: 1000005,
			toType: 2,
			toFirstName: null,
			toLastName: null,
			canSticky: false,
			sticky: false,
		});
	});

	it('stops exactly at Limit', async () => {
		const small = await runOk({ returnAll: false, limit: 30 });
		expect(env.apiRequests().map((r) => r.query)).toEqual([{ pageNumber: '0', pageSize: '30' }]);
		expect(ids(small.items)).toEqual(Array.from({ length: 30 }, (_, i) => logId(250 - i)));

		env.fake.clearRequests();
		const large = await runOk({ returnAll: false, limit: 150 });
		// Page k must follow page k-1, so the page size stays 100 and the second page is cut.
		expect(env.apiRequests().map((r) => [r.query.pageNumber, r.query.pageSize])).toEqual([
			['0', '100'],
			['1', '100'],
		]);
		expect(large.items).toHaveLength(150);
		expect(ids(large.items).slice(-1)).toEqual([logId(101)]);
	});

	it('sends the time window as epoch milliseconds and filters by lead', async () => {
		const start = SEED_BASE_TIME + 10 * MINUTE_MS;
		const end = SEED_BASE_TIME + 20 * MINUTE_MS;
		const result = await runOk({
			returnAll: true,
			filters: { startTime: '2024-01-01T00:10:00Z', endTime: '2024-01-01T02:20:00+02:00' },
		});
		expect(summary(env.apiRequests()[0])).toEqual({
			method: 'GET',
			path: '/v1.0/systemLogs',
			query: { startTime: String(start), endTime: String(end), pageNumber: '0', pageSize: '100' },
			body: undefined,
		});
		expect(ids(result.items)).toEqual(Array.from({ length: 10 }, (_, i) => logId(20 - i)));
		for (const log of result.items) {
			expect(Number(log.createTime)).toBeGreaterThanOrEqual(start);
			expect(Number(log.createTime)).toBeLessThan(end);
		}

		env.fake.clearRequests();
		const oneLead = await runOk({ returnAll: true, filters: { leadId: ' 1000002 ', startTime: start, endTime: end } });
		expect(env.apiRequests()[0].query).toEqual({
			leadId: '1000002',
			startTime: String(start),
			endTime: String(end),
			pageNumber: '0',
			pageSize: '100',
		});
		// Logs of lead 1000002 are k with (k-1) % 5 == 1: k = 12 and 17 in this window.
		expect(ids(oneLead.items)).toEqual([logId(17), logId(12)]);
	});

	it('leaves out filters that were added but left empty', async () => {
		await runOk({ returnAll: false, limit: 5, filters: { leadId: '', startTime: '', endTime: '' } });
		expect(env.apiRequests()[0].query).toEqual({ pageNumber: '0', pageSize: '5' });
	});

	it.each([
		[{ leadId: 'lead-7' }, '"Lead ID" must be a numeric Lofty ID, got "lead-7"'],
		[
			{ startTime: '2024-01-02T00:00:00Z', endTime: '2024-01-01T00:00:00Z' },
			'"End Time" (2024-01-01T00:00:00.000Z) is before "Start Time" (2024-01-02T00:00:00.000Z)',
		],
		[{ startTime: 'last tuesday' }, '"Start Time" is not a date Lofty can use: "last tuesday"'],
	])('refuses %j before sending anything', async (filters, message) => {
		const error = await runFailing({ returnAll: true, filters });
		expect(error.message).toBe(message);
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('gives no items when nothing matches', async () => {
		const result = await runOk({ returnAll: true, filters: { leadId: '1999999' } });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items).toEqual([]);
	});
});
