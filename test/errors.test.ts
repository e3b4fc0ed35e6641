import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const lead = () => new LoftyLead();

beforeAll(() => env.fake.seedLeads(5));

describe('transient failures and retries', () => {
	it('retries a GET that got a 503 and succeeds', async () => {
		env.fake.injectFault({ method: 'GET', path: '/v1.0/leads/1000001', status: 503, body: { message: 'busy' }, times: 2 });
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.status).toBe('success');
		expect(result.items[0].leadId).toBe(1000001);
		expect(env.apiRequests().map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('retries a PUT that got a 502 and a DELETE whose connection was reset', async () => {
		env.fake.injectFault({ method: 'PUT', status: 502, rawBody: '<html>Bad Gateway</html>', contentType: 'text/html' });
		const update = await env.run(lead(), {
			resource: 'lead',
			operation: 'update',
			leadId: '1000002',
			updateFields: { city: 'Denver' },
		});
		expect(update.status).toBe('success');
		expect(env.apiRequests().map((r) => [r.method, r.status])).toEqual([
			['PUT', 502],
			['PUT', 200],
		]);

		env.fake.clearRequests();
		env.fake.injectFault({ method: 'DELETE', kind: 'reset' });
		const remove = await env.run(lead(), { resource: 'lead', operation: 'delete', leadId: '1000003', reason: 'duplicate' });
		expect(remove.status).toBe('success');
		expect(env.apiRequests().map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
	});

	it('does not send a POST twice after a 503', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/leads', status: 503, body: { message: 'Service Unavailable' } });
		const result = await env.run(lead(), { resource: 'lead', operation: 'create', firstName: 'Once', emails: 'once@example.com' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.message).toContain('Service Unavailable');
		expect(env.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('does not send a POST twice when the connection drops mid-request', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/leads', kind: 'reset' });
		const result = await env.run(lead(), { resource: 'lead', operation: 'create', firstName: 'Once', emails: 'drop@example.com' });
		expect(result.status).toBe('error');
		expect(env.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('retries a POST that got a 429: it never reached Lofty', async () => {
		env.fake.injectFault({
			method: 'POST',
			path: '/v1.0/leads',
			status: 429,
			body: { message: 'Too Many Requests' },
			headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '300' },
		});
		const result = await env.run(lead(), { resource: 'lead', operation: 'create', firstName: 'Twice', emails: 'twice@example.com' });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => [r.method, r.status])).toEqual([
			['POST', 429],
			['POST', 200],
		]);
	});
});

describe('Lofty errors', () => {
	it("surfaces Lofty's message and HTTP status from an object body", async () => {
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '999' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Lead not found');
		expect(result.error?.itemIndex).toBe(0);
	});

	it('surfaces an error body that is a bare JSON string', async () => {
		env.fake.injectFault({ method: 'GET', status: 400, body: 'leadId is not valid' });
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.error?.message).toBe('leadId is not valid');
		expect(result.error?.httpCode).toBe('400');
	});

	it('explains a rejected API key without showing it', async () => {
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' }, {});
		expect(result.status).toBe('success');
		env.fake.injectFault({ status: 400, body: { code: 200058, message: 'User in token does not exist.' } });
		const refused = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(refused.error?.message).toBe('User in token does not exist.');
		expect(refused.error?.description).toContain('Check your API key');
		expect(JSON.stringify(refused.run)).not.toContain('test-api-key');
	});

	it("quotes at most about 200 characters of Lofty's message", async () => {
		env.fake.injectFault({ method: 'GET', status: 400, body: { message: `Invalid filter: ${'a'.repeat(5_000)}` } });
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe(`Invalid filter: ${'a'.repeat(184)}…`);
	});

	it.each([
		['an object body', { body: { code: 'token test-api-key', message: 'Rejected Authorization: token test-api-key (key test-api-key)' } }],
		['a plain-text body', { rawBody: 'Rejected Authorization: token test-api-key (key test-api-key)', contentType: 'text/plain' }],
	])('takes the API key out of an error that quotes it (%s)', async (_label, fault) => {
		env.fake.injectFault({ method: 'GET', status: 400, ...fault });
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('Rejected Authorization: token [hidden] (key [hidden])');
		expect(JSON.stringify(result.run)).not.toContain('test-api-key');
	});

	it('leaves words after "token" that are no key alone', async () => {
		env.fake.injectFault({ method: 'GET', status: 400, body: { message: 'The token authentication failed: token expired' } });
		const result = await env.run(lead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.error?.message).toBe('The token authentication failed: token expired');
	});

	it('fails only the bad item with Continue On Fail', async () => {
		const result = await env.run(
			lead(),
			{ resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' },
			{ items: [{ id: '1000001' }, { id: '42' }, { id: '1000002' }], continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[0].leadId).toBe(1000001);
		expect(result.items[1]).toEqual({ error: 'Lead not found' });
		expect(result.output['Lofty Lead'][1].error?.message).toBe('Lead not found');
		expect(result.items[2].leadId).toBe(1000002);
	});
});

describe('invalid input is rejected before any request', () => {
	it.each([
		[{ resource: 'lead', operation: 'get', leadId: 'abc' }, '"Lead ID" must be a numeric Lofty ID'],
		// Empty literals are stopped by n8n's own parameter check; expressions that come out empty reach ours.
		[{ resource: 'lead', operation: 'get', leadId: '={{ $json.missing }}' }, '"Lead ID" is required'],
		[{ resource: 'lead', operation: 'create', firstName: '={{ "" }}' }, '"First Name" is required'],
		[
			{ resource: 'lead', operation: 'create', firstName: 'Ann', jsonBody: '{"stage": ' },
			'"Additional Body (JSON)" is not valid JSON',
		],
		[
			{ resource: 'lead', operation: 'create', firstName: 'Ann', additionalFields: { birthday: 'not a date' } },
			'"Birthday" is not a date Lofty can use',
		],
		[{ resource: 'lead', operation: 'getAll', returnAll: false, limit: 0 }, '"Limit" must be a whole number of at least 1'],
		[
			{ resource: 'lead', operation: 'getAllByCreateTime', leadCreateTime: 'yesterday-ish' },
			'"Created Since" is not a date Lofty can use',
		],
	])('%j', async (parameters, message) => {
		const result = await env.run(lead(), parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('sends nothing for the bad item and everything for the good ones', async () => {
		const result = await env.run(
			lead(),
			{ resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' },
			{ items: [{ id: '1000001' }, { id: 'x1' }], continueOnFail: true },
		);
		expect(result.output['Lofty Lead'][1].error?.message).toContain('"Lead ID" must be a numeric Lofty ID');
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/leads/1000001', query: { withTrash: 'false' }, body: undefined },
		]);
	});
});
