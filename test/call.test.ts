import { LoftyCall } from '../nodes/LoftyCall/LoftyCall.node';
import { seedCalls } from './fake-lofty/routes-calls';
import { coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyCall();
const { runOk } = nodeRunner(env, node);

// 200 calls: ids 3000001..3000200, call k with lead 1000001 + (k-1) % 5, newest first.
beforeAll(() => seedCalls(env.fake.data, 200));

describe('Lofty Call', () => {
	it('gets a call by id', async () => {
		const result = await runOk({ resource: 'call', operation: 'get', callId: ' 3000007 ' });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/calls/3000007', query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			expect.objectContaining({
				id: 3000007,
				leadId: 1000002,
				agentId: 700001,
				direction: 'Outbound',
				callingOutcome: 'VoiceMessage',
				note: 'Call 7',
				createTime: '2024-01-01T00:06:00Z',
			}),
		]);
	});

	it("surfaces Lofty's 404 for an unknown call", async () => {
		const result = await env.run(node(), { resource: 'call', operation: 'get', callId: '3999999' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('Call not found');
	});

	it('refuses a call id that is not a Lofty id before sending anything', async () => {
		const result = await env.run(node(), { resource: 'call', operation: 'get', callId: 'call-7' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('"Call ID" must be a numeric Lofty ID, got "call-7"');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('searches the calls of a lead and stops exactly at Limit', async () => {
		const result = await runOk({
			resource: 'call',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { leadId: '1000002' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/calls', query: { offset: '0', limit: '3', leadId: '1000002' }, body: undefined },
		]);
		// Newest first: calls 197, 192, 187 are the latest of lead 1000002.
		expect(result.items.map((call) => call.id)).toEqual([3000197, 3000192, 3000187]);
	});

	it('returns all calls page by page and stops on _metadata.total without an empty page', async () => {
		const result = await runOk({ resource: 'call', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '100' },
		]);
		expect(result.items).toHaveLength(200);
		expect(new Set(result.items.map((call) => call.id)).size).toBe(200);
	});

	it('asks only for what Limit still needs on the last page', async () => {
		const result = await runOk({ resource: 'call', operation: 'getAll', returnAll: false, limit: 150 });
		expect(env.apiRequests().map((request) => request.query)).toEqual([
			{ offset: '0', limit: '100' },
			{ offset: '100', limit: '50' },
		]);
		expect(result.items).toHaveLength(150);
	});

	it('refuses a lead filter that is not a Lofty id, and a Limit of 0', async () => {
		const badLead = await env.run(node(), { resource: 'call', operation: 'getAll', filters: { leadId: '12a' } });
		expect(badLead.status).toBe('error');
		expect(badLead.error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "12a"');
		const zero = await env.run(node(), { resource: 'call', operation: 'getAll', returnAll: false, limit: 0 });
		expect(zero.status).toBe('error');
		expect(zero.error?.message).toContain('"Limit" must be a whole number of at least 1');
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('fake Lofty: calls', () => {
	const get = async (path: string) => {
		const response = await fetch(env.fake.baseUrl + path, { headers: { Authorization: 'token test-api-key' } });
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it('answers a CallListResponse and refuses pages over 100 and bad ids', async () => {
		const page = await get('/v1.0/calls?limit=2&offset=1&leadId=1000001');
		expect(page.body._metadata).toEqual({ collection: 'calls', limit: 2, offset: 1, total: 40 });
		expect((page.body.calls as Array<{ id: number }>).map((call) => call.id)).toEqual([3000191, 3000186]);
		expect((await get('/v1.0/calls?limit=101')).body).toEqual({ code: 400, message: 'LIMIT_NOT_VALID' });
		expect((await get('/v1.0/calls/abc')).status).toBe(400);
	});
});

describe('endpoint catalogue: Calls', () => {
	it('reaches every endpoint of the Calls group', () => {
		const rows = coverage(loadCatalogue(), reachableOperations([new LoftyCall()])).filter((row) => row.endpoint.group === 'Calls');
		expect(rows).toHaveLength(2);
		expect(rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`)).toEqual([]);
	});
});
