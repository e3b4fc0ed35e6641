import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LoftyWebhook } from '../nodes/LoftyWebhook/LoftyWebhook.node';
import { 
	WEBHOOK_NOT_FOUND,
	deliverWebhookEvent,
	webhooksOf,
} from './fake-lofty/routes-webhooks';
import { loadOptions } from './harness';
import { nodeRunner, summary, useFakeLofty } from './support/env';
import type { AddressInfo } from './support/node';
import { http } from './support/node';

const env = useFakeLofty();
const node = () => new LoftyWebhook();
const { runOk } = nodeRunner(env, node);
const hooks = () => webhooksOf(env.fake.data);

/** A callback endpoint standing in for n8n: records what Lofty posts to it. */
const received: Array<{ path: string; body: unknown; contentType?: string }> = [];
const receiver = http.createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		received.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')), contentType: req.headers['content-type'] });
		res.writeHead(req.url === '/broken' ? 500 : 200, { 'Content-Type': 'application/json' });
		res.end('{"received":true}');
	});
});
let callbackBase = '';

beforeAll(async () => {
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	callbackBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(() => {
	hooks().clear();
	hooks().maxSubscriptions = 20;
	received.length = 0;
});

function create(fields: IDataObject) {
	return env.run(node(), { resource: 'webhook', operation: 'create', ...fields } as INodeParameters);
}

describe('Lofty Webhook: create', () => {
	it('subscribes a callback URL to a list', async () => {
		const callbackUrl = `${callbackBase}/lead-info`;
		const result = await runOk({ resource: 'webhook', operation: 'create', listId: 2, callbackUrl, notificationLimit: 100 });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'POST', path: '/v1.0/webhook', query: {}, body: { listId: 2, callbackUrl, limit: 100 } },
		]);
		const [stored] = hooks().list();
		expect(stored).toMatchObject({ listId: 2, callbackUrl, limit: 100 });
		expect(result.items).toEqual([
			{ subscribeId: stored.subscribeId, listId: 2, callbackUrl, limit: 100, teamId: 900001, vendorId: 910001 },
		]);
	});

	it('takes the newer lists and the default limit of 5000', async () => {
		await runOk({ resource: 'webhook', operation: 'create', listId: 12, callbackUrl: 'https://hooks.example.com/pipeline' });
		expect(env.apiRequests()[0].body).toEqual({ listId: 12, callbackUrl: 'https://hooks.example.com/pipeline', limit: 5000 });
	});

	it('offers lists 1-12, the newer ones marked', () => {
		const listId = node().description.properties.find((p) => p.name === 'listId');
		const options = (listId?.options ?? []) as Array<{ name: string; value: number }>;
		expect(options.map((o) => o.value).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(options.filter((o) => o.name.endsWith('(Newer)')).map((o) => o.value).sort((a, b) => a - b)).toEqual([
			5, 6, 7, 8, 9, 10, 11, 12,
		]);
		expect(options.find((o) => o.value === 2)?.name).toBe('Lead Information');
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
	});

	it('outputs the subscribeId when Lofty answers with a bare id', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/webhook', status: 200, body: 987654321 });
		const result = await runOk({ resource: 'webhook', operation: 'create', listId: 3, callbackUrl: 'https://hooks.example.com/a' });
		expect(result.items).toEqual([{ listId: 3, callbackUrl: 'https://hooks.example.com/a', limit: 5000, subscribeId: '987654321' }]);
	});

	describe("Lofty's create errors reach the user with Lofty's message and status", () => {
		it('a list the dropdown does not offer is refused before sending', async () => {
			const result = await create({ listId: '={{ 99 }}', callbackUrl: 'https://hooks.example.com/a' });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('"List" cannot be "99"');
			expect(env.apiRequests()).toHaveLength(0);
		});

		it('WEBHOOK_TYPE_ERROR for a list Lofty does not offer this account', async () => {
			env.fake.injectFault({
				method: 'POST',
				path: '/v1.0/webhook',
				status: 400,
				body: { code: 400, message: 'WEBHOOK_TYPE_ERROR: listId 12 is not a webhook list' },
			});
			const result = await create({ listId: 12, callbackUrl: 'https://hooks.example.com/a' });
			expect(env.apiRequests()[0].body).toEqual({ listId: 12, callbackUrl: 'https://hooks.example.com/a', limit: 5000 });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('WEBHOOK_TYPE_ERROR: listId 12 is not a webhook list');
			expect(result.error?.httpCode).toBe('400');
			expect(result.error?.description).toBe('Lofty answered HTTP 400 (code 400)');
		});

		it('WEBHOOK_CALLBACK_URL_INVALID for a plain http URL', async () => {
			const result = await create({ listId: 2, callbackUrl: 'http://hooks.example.com/a' });
			expect(env.apiRequests()).toHaveLength(1);
			expect(result.error?.message).toBe('WEBHOOK_CALLBACK_URL_INVALID: callbackUrl must be an HTTPS URL');
			expect(result.error?.httpCode).toBe('400');
		});

		it('WEBHOOK_EXCEED_LIMIT once the team has its most subscriptions', async () => {
			hooks().maxSubscriptions = 2;
			for (const path of ['a', 'b']) {
				expect((await create({ listId: 2, callbackUrl: `https://hooks.example.com/${path}` })).status).toBe('success');
			}
			const result = await create({ listId: 2, callbackUrl: 'https://hooks.example.com/c' });
			expect(result.error?.message).toBe('WEBHOOK_EXCEED_LIMIT: a team can have at most 2 webhooks');
			expect(result.error?.httpCode).toBe('400');
			expect(hooks().list()).toHaveLength(2);
		});

		it('WEBHOOK_EXCEED_LIMIT for a limit over 5000 sent by an older client', async () => {
			// The node never sends that (see below); this pins the fake for the trigger node.
			const answer = await fetch(`${env.fake.baseUrl}/v1.0/webhook`, {
				method: 'POST',
				headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
				body: JSON.stringify({ listId: 2, callbackUrl: 'https://hooks.example.com/a', limit: 5001 }),
			});
			expect(answer.status).toBe(400);
			expect(await answer.json()).toEqual({ code: 400, message: 'WEBHOOK_EXCEED_LIMIT: limit must not exceed 5000' });
		});

		it('fails only the bad item with Continue On Fail', async () => {
			const result = await env.run(
				node(),
				{ resource: 'webhook', operation: 'create', listId: '={{ $json.list }}', callbackUrl: '={{ $json.url }}' },
				{
					items: [
						{ list: 2, url: 'https://hooks.example.com/ok' },
						{ list: 2, url: 'http://hooks.example.com/insecure' },
					],
					continueOnFail: true,
				},
			);
			expect(result.status).toBe('success');
			expect(result.items[0]).toMatchObject({ listId: 2, callbackUrl: 'https://hooks.example.com/ok' });
			expect(result.items[1]).toEqual({ error: 'WEBHOOK_CALLBACK_URL_INVALID: callbackUrl must be an HTTPS URL' });
		});
	});

	describe('invalid input is rejected before any request', () => {
		it.each([
			[{ listId: 2, callbackUrl: 'not a url' }, '"Callback URL" must be a URL such as https://example.com/webhook, got "not a url"'],
			[{ listId: 2, callbackUrl: 'ftp://files.example.com/hook' }, '"Callback URL" must be a URL'],
			[{ listId: 2, callbackUrl: '={{ "" }}' }, '"Callback URL" is required'],
			[{ listId: '={{ "lead" }}', callbackUrl: 'https://hooks.example.com/a' }, '"List" cannot be "lead"'],
			[{ listId: '={{ "" }}', callbackUrl: 'https://hooks.example.com/a' }, '"List" is required'],
			[
				{ listId: 2, callbackUrl: 'https://hooks.example.com/a', notificationLimit: 6000 },
				'"Notification Limit" must be a whole number from 1 to 5000, got "6000"',
			],
			[{ listId: 2, callbackUrl: 'https://hooks.example.com/a', notificationLimit: 0 }, '"Notification Limit" must be a whole number'],
			[{ listId: 2, callbackUrl: 'https://hooks.example.com/a', notificationLimit: 2.5 }, '"Notification Limit" must be a whole number'],
		])('%j', async (fields, message) => {
			const result = await create(fields);
			expect(result.status).toBe('error');
			expect(result.error?.message).toContain(message);
			expect(env.apiRequests()).toHaveLength(0);
		});
	});
});

describe('Lofty Webhook: get many', () => {
	beforeEach(() => {
		for (let i = 1; i <= 5; i++) hooks().add({ listId: (i % 4) + 1, callbackUrl: `https://hooks.example.com/${i}`, limit: 100 * i });
	});

	it('lists every subscription in one request', async () => {
		const result = await runOk({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/webhooks', query: {}, body: undefined }]);
		expect(result.items).toHaveLength(5);
		expect(result.items[0]).toEqual({
			subscribeId: hooks().list()[0].subscribeId,
			listId: 2,
			callbackUrl: 'https://hooks.example.com/1',
			limit: 100,
			teamId: 900001,
			vendorId: 910001,
		});
	});

	it('cuts the list at Limit', async () => {
		const result = await runOk({ resource: 'webhook', operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.items.map((w) => w.callbackUrl)).toEqual(['https://hooks.example.com/1', 'https://hooks.example.com/2']);
		expect(env.apiRequests()).toHaveLength(1);
	});

	it('reads a list that Lofty sends as a JSON string (the reference types it "string")', async () => {
		const list = [{ subscribeId: 11, listId: 1, callbackUrl: 'https://hooks.example.com/x', limit: 10 }];
		env.fake.injectFault({ method: 'GET', path: '/v1.0/webhooks', status: 200, body: JSON.stringify(list) });
		const result = await runOk({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(result.items).toEqual(list);
	});

	it('refuses a Limit of 0 before sending', async () => {
		const result = await env.run(node(), { resource: 'webhook', operation: 'getAll', returnAll: false, limit: 0 });
		expect(result.error?.message).toContain('"Limit" must be a whole number of at least 1');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('offers the subscriptions in the Delete dropdown', async () => {
		const options = await loadOptions({
			method: 'getWebhooks',
			nodes: { type: node(), parameters: { resource: 'webhook', operation: 'delete' } },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		});
		const [first] = hooks().list();
		expect(options).toHaveLength(5);
		expect(options).toContainEqual({
			name: 'Lead Information: https://hooks.example.com/1',
			value: String(first.subscribeId),
			description: `Subscribe ID ${first.subscribeId}`,
		});
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Lofty Webhook: delete', () => {
	it('removes the subscription', async () => {
		const { subscribeId } = hooks().add({ listId: 2, callbackUrl: 'https://hooks.example.com/gone' });
		const result = await runOk({ resource: 'webhook', operation: 'delete', subscribeId: String(subscribeId) });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'DELETE', path: `/v1.0/webhook/${subscribeId}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ deleted: true, subscribeId: String(subscribeId) }]);
		expect(hooks().list()).toEqual([]);
	});

	it('reports success when Lofty answers 204 with no body', async () => {
		env.fake.injectFault({ method: 'DELETE', status: 204, rawBody: '' });
		const result = await runOk({ resource: 'webhook', operation: 'delete', subscribeId: '980123' });
		expect(result.items).toEqual([{ deleted: true, subscribeId: '980123' }]);
	});

	it("surfaces Lofty's 404 for an unknown subscription", async () => {
		const result = await env.run(node(), { resource: 'webhook', operation: 'delete', subscribeId: '980999' });
		expect(result.error?.message).toBe(WEBHOOK_NOT_FOUND);
		expect(result.error?.httpCode).toBe('404');
	});

	it.each([
		[{ subscribeId: 'abc' }, '"Webhook Name or ID" must be a numeric Lofty ID, got "abc"'],
		[{ subscribeId: '={{ $json.missing }}' }, '"Webhook Name or ID" is required'],
	])('refuses %j before sending', async (fields, message) => {
		const result = await env.run(node(), { resource: 'webhook', operation: 'delete', ...fields });
		expect(result.error?.message).toContain(message);
		expect(env.apiRequests()).toHaveLength(0);
	});
});

describe('fake Lofty delivering events (for the trigger node)', () => {
	it('posts the event to every subscription of its list, with teamId and listId', async () => {
		await runOk({ resource: 'webhook', operation: 'create', listId: 2, callbackUrl: `${callbackBase}/one` });
		await runOk({ resource: 'webhook', operation: 'create', listId: 2, callbackUrl: `${callbackBase}/two` });
		await runOk({ resource: 'webhook', operation: 'create', listId: 3, callbackUrl: `${callbackBase}/activity` });
		const [one, two] = hooks().list();

		const deliveries = await deliverWebhookEvent(env.fake.data, 2, { updatedLead: [{ leadId: 1000001 }] });
		expect(deliveries).toEqual([
			{ subscribeId: one.subscribeId, callbackUrl: `${callbackBase}/one`, status: 200, responseBody: '{"received":true}' },
			{ subscribeId: two.subscribeId, callbackUrl: `${callbackBase}/two`, status: 200, responseBody: '{"received":true}' },
		]);
		expect(received).toEqual([
			{ path: '/one', body: { teamId: 900001, listId: 2, updatedLead: [{ leadId: 1000001 }] }, contentType: 'application/json' },
			{ path: '/two', body: { teamId: 900001, listId: 2, updatedLead: [{ leadId: 1000001 }] }, contentType: 'application/json' },
		]);
	});

	it('sends raw payloads as given and reports failing or unreachable callbacks', async () => {
		hooks().add({ listId: 4, callbackUrl: `${callbackBase}/broken` });
		hooks().add({ listId: 4, callbackUrl: 'http://127.0.0.1:1/closed' });
		const deliveries = await deliverWebhookEvent(env.fake.data, 4, [{ alertId: 1 }]);
		expect(deliveries.map((d) => d.status)).toEqual([500, 0]);
		expect(deliveries[1].error).toEqual(expect.any(String));
		expect(received).toEqual([{ path: '/broken', body: [{ alertId: 1 }], contentType: 'application/json' }]);
		expect(await deliverWebhookEvent(env.fake.data, 9, { noteId: 1 })).toEqual([]);
	});
});
