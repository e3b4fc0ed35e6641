import type { INodeParameters } from 'n8n-workflow';

import type { FakeLoftyOptions } from './fake-lofty';
import { FakeLofty } from './fake-lofty';
import { runWorkflow } from './harness';
import { PagingProbe } from './support/PagingProbe';
import { process } from './support/node';

/** Runs one probe operation against a fresh fake server and reports items and requests. */
async function probe(setup: (fake: FakeLofty) => void, parameters: INodeParameters, options: FakeLoftyOptions = {}) {
	const fake = new FakeLofty(options);
	await fake.start();
	try {
		setup(fake);
		fake.clearRequests();
		const result = await runWorkflow({
			nodes: { type: new PagingProbe(), parameters: { resource: 'probe', ...parameters } },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
		});
		if (result.status !== 'success') throw new Error(JSON.stringify(result.error));
		const requests = fake.requests.filter((r) => r.path.startsWith('/v1.0'));
		process.stdout.write(`paging ${String(parameters.operation)} ${JSON.stringify(parameters)}: ${requests.length} requests, ${result.items.length} items\n`);
		return { items: result.items, requests };
	} finally {
		await fake.stop();
	}
}

const ids = (items: Array<Record<string, unknown>>, key = 'id') => items.map((item) => String(item[key]));

describe('pagination styles, Return All and Limit', () => {
	it.each([
		[0, 1],
		[1, 1],
		[99, 1],
		[100, 1],
		[101, 2],
		[250, 3],
	])('offset: %i records take %i request(s), stopping by _metadata.total', async (count, expectedRequests) => {
		const { items, requests } = await probe((fake) => fake.seedLeads(count), { operation: 'leadsByOffset', returnAll: true });
		expect(items).toHaveLength(count);
		expect(new Set(ids(items, 'leadId')).size).toBe(count);
		expect(requests).toHaveLength(expectedRequests);
		expect(requests.map((r) => r.query.offset)).toEqual(Array.from({ length: expectedRequests }, (_, i) => String(i * 100)));
	});

	it('offset: Limit 150 asks for 100 then exactly 50', async () => {
		const { items, requests } = await probe((fake) => fake.seedLeads(250), { operation: 'leadsByOffset', returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(requests.map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '100'],
			['100', '50'],
		]);
	});

	it.each([false, true])('currentId: 2,500 call records in 3 requests (cursor inclusive: %s), no duplicates', async (inclusive) => {
		const { items, requests } = await probe(
			(fake) => fake.seedCallHistory(2500),
			{ operation: 'callHistory', returnAll: true },
			{ currentIdInclusive: inclusive },
		);
		expect(items).toHaveLength(2500);
		expect(new Set(ids(items)).size).toBe(2500);
		expect(requests).toHaveLength(3);
		expect(requests[0].query).toEqual({ limit: '1000' });
		expect(requests[1].query).toEqual({ limit: '1000', currentId: ids(items)[999] });
	});

	it('currentId: Limit 1,500 stops exactly', async () => {
		const { items, requests } = await probe((fake) => fake.seedCallHistory(2500), { operation: 'callHistory', returnAll: false, limit: 1500 });
		expect(items).toHaveLength(1500);
		expect(requests.map((r) => r.query.limit)).toEqual(['1000', '500']);
	});

	it('pageNumber: 250 system logs in 3 pages of 100', async () => {
		const { items, requests } = await probe((fake) => fake.seedSystemLogs(250), { operation: 'systemLogs', returnAll: true });
		expect(items).toHaveLength(250);
		expect(new Set(ids(items)).size).toBe(250);
		expect(requests.map((r) => [r.query.pageNumber, r.query.pageSize])).toEqual([
			['0', '100'],
			['1', '100'],
			['2', '100'],
		]);
	});

	it('pageNumber: Limit 30 keeps one page size for the whole run', async () => {
		const { items, requests } = await probe((fake) => fake.seedSystemLogs(250), { operation: 'systemLogs', returnAll: false, limit: 30 });
		expect(items).toHaveLength(30);
		expect(requests.map((r) => [r.query.pageNumber, r.query.pageSize])).toEqual([['0', '30']]);
	});

	it('nextPageKey: 250 listings follow the key until Lofty stops giving one', async () => {
		const { items, requests } = await probe((fake) => fake.seedListings(250), { operation: 'listings', returnAll: true });
		expect(items).toHaveLength(250);
		expect(new Set(ids(items)).size).toBe(250);
		expect(requests).toHaveLength(3);
		expect(requests[0].query).toEqual({ limit: '100' });
		expect(requests[1].query.nextPageKey).toEqual(expect.any(String));
	});

	it('offset in the JSON body: 1,500 records, stopping on hasMore', async () => {
		const start = Date.UTC(2026, 0, 5);
		const end = start + 20 * 3600_000;
		const { items, requests } = await probe((fake) => fake.seedAgentCommunication(1500, start, end), {
			operation: 'agentCommunication',
			returnAll: true,
			startTime: start,
			endTime: end,
		});
		expect(items).toHaveLength(1500);
		expect(requests.map((r) => r.body)).toEqual([
			{ startTime: start, endTime: end, offset: 0, limit: 1000 },
			{ startTime: start, endTime: end, offset: 1000, limit: 1000 },
		]);
	});
});
