/**
 * Hostile input stays cheap (issue 15): what an upstream item, a webhook delivery or a broken or
 * hostile server can send costs time linear in its size, waits are bounded in all, ids never
 * leave their path segment, and answers nest no deeper than the reader allows. Every case runs
 * real nodes through n8n-core's engine against the fake Lofty server.
 */
import type { INodeParameters } from 'n8n-workflow';

import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyLeadRouting } from '../nodes/LoftyLeadRouting/LoftyLeadRouting.node';
import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { LoftyTrigger } from '../nodes/LoftyTrigger/LoftyTrigger.node';
import { deliverWebhookEvent, webhooksOf } from './fake-lofty/routes-webhooks';
import { loadOptions, runWorkflow } from './harness';
import { summary, useFakeLofty } from './support/env';
import { expectLinear } from './support/linear';
import { skippingWaits } from './support/skip-clock';
import { TriggerHarness } from './support/triggers';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(3));

const credentials = () => ({ type: 'loftyApi' as const, data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } });
const report = (line: string) => process.stdout.write(`hostile input: ${line}\n`);

/** The adversarial email: "a@" then dots then "@". */
const dotsEmail = (size: number) => `a@${'.'.repeat(size - 3)}@`;

describe('1. the email check is linear, and its error stays short', () => {
	const getByAccount = { resource: 'member', operation: 'getByAccount', account: '={{ $json.account }}' };

	it('refuses "a@" + dots + "@" from an upstream item at 10 KB, 100 KB and 1 MB in linear time', async () => {
		const messages: Array<string | undefined> = [];
		await expectLinear(
			'Lofty Member refusing the email',
			async (account) => messages.push((await env.run(new LoftyMember(), getByAccount, { items: [{ account }] })).error?.message),
			dotsEmail,
		);
		expect(messages.at(-1)).toBe(`"Account" must be an email address, got "a@${'.'.repeat(78)}…" (1000000 characters)`);
		expect(env.apiRequests()).toEqual([]);
	});

	it('still takes a real address', async () => {
		const result = await env.run(new LoftyMember(), getByAccount, { items: [{ account: 'alex.morgan@example.com' }] });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => r.path)).toEqual(['/v1.0/members/alex.morgan%40example.com']);
	});
});

describe('2. waiting for the rate limit is bounded in all', () => {
	/**
	 * Waits from 2 s to an hour are skipped on the test clock: the throttle's. Requests here time
	 * out after two hours, so the HTTP client's timers keep real time.
	 */
	const longWaits = { fromMs: 2_000, toMs: 60 * 60_000 };
	const requestTimeout = 2 * 60 * 60_000;
	const aHourAhead = { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3600000' };
	const getLead = (requestOptions: INodeParameters = {}, extra: INodeParameters = {}) => ({
		resource: 'lead',
		operation: 'get',
		leadId: '1000001',
		requestOptions: { timeout: requestTimeout, ...requestOptions },
		...extra,
	});

	/** A credential of its own per case (the budget is shared per credential); waitedMs is on the test clock. */
	async function runFresh(parameters: INodeParameters, items?: Array<Record<string, string>>) {
		const { result, skippedMs } = await skippingWaits(longWaits, async () => {
			const started = Date.now();
			const run = await runWorkflow({
				nodes: { type: new LoftyLead(), parameters },
				items,
				credentials: { ...credentials(), id: `wait-${Math.random()}` },
			});
			return { run, waitedMs: Date.now() - started };
		});
		return { result: result.run, waitedMs: result.waitedMs, longestWaitMs: Math.max(0, ...skippedMs) };
	}

	it('a server that always answers 429 with a reset an hour ahead holds a GET minutes, not hours', async () => {
		env.fake.injectFault({ status: 429, times: 1_000, body: { message: 'Too Many Requests' }, headers: aHourAhead });
		const { result, waitedMs, longestWaitMs } = await runFresh(getLead());
		report(`always 429, reset 1 h ahead: failed after ${(waitedMs / 60_000).toFixed(1)} min, ${env.apiRequests().length} requests, longest single wait ${longestWaitMs / 1000} s`);
		expect(result.status).toBe('error');
		expect(waitedMs).toBeLessThanOrEqual(10 * 60_000);
		expect(longestWaitMs).toBeLessThanOrEqual(65_100);
	});

	it('Max Rate Limit Wait (Request Options) ends the wait with a message naming the rate limit and the wait', async () => {
		env.fake.injectFault({ status: 429, times: 1_000, body: { message: 'Too Many Requests' }, headers: aHourAhead });
		const { result, waitedMs } = await runFresh(getLead({ maxRateLimitWait: 2 }));
		report(`always 429, Max Rate Limit Wait 2 min: failed after ${(waitedMs / 60_000).toFixed(1)} min, ${env.apiRequests().length} requests`);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("Lofty's rate limit would hold this request longer than 2 min");
		expect(result.error?.description).toMatch(/^It waited 1 min \d+ s and the next window opens in 1 min \d+ s\. Raise "Max Rate Limit Wait"/);
		expect(waitedMs).toBeLessThanOrEqual(2 * 60_000);
	});

	it('a 200 with Remaining -5 and a reset an hour ahead holds the next request one window, not an hour', async () => {
		env.fake.injectFault({
			status: 200,
			body: { leadId: 1000001 },
			headers: { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '-5', 'X-RateLimit-Reset': '3600000' },
		});
		const { result, waitedMs } = await runFresh(getLead({}, { leadId: '={{ $json.id }}' }), [{ id: '1000001' }, { id: '1000002' }]);
		report(`200 with Remaining -5, reset 1 h ahead: the second request waited ${(waitedMs / 1000).toFixed(0)} s`);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.leadId)).toEqual([1000001, 1000002]);
		expect(waitedMs).toBeLessThanOrEqual(66_000);
	});
});

describe('3. trailing slashes are trimmed in linear time', () => {
	const slashes = (size: number) => `${'/'.repeat(size - 1)}x`;

	it("the trigger compares Lofty's callback URLs of 10 KB, 100 KB and 1 MB of slashes in linear time", async () => {
		webhooksOf(env.fake.data).clear();
		const trigger = new TriggerHarness({ type: new LoftyTrigger(), parameters: { events: [2] }, credentials: credentials() });
		await trigger.start();
		try {
			await trigger.activate();
			await expectLinear(
				'Lofty Trigger checkExists with a slash-filled callback URL',
				async (hostile) => {
					webhooksOf(env.fake.data).add({ listId: 3, callbackUrl: `https://lofty.example.com${hostile}` });
					expect(await trigger.hook('checkExists')).toBe(true);
					for (const sub of webhooksOf(env.fake.data).list()) if (sub.listId === 3) webhooksOf(env.fake.data).remove(sub.subscribeId);
				},
				slashes,
			);
		} finally {
			await trigger.deactivate();
			await trigger.stop();
		}
	});

	it("the credential test trims the base URL's slashes in linear time", async () => {
		const tester = new LoftyLead();
		const credentialType = new LoftyApi();
		const type = {
			description: {
				...tester.description,
				name: 'credentialTester',
				credentials: [{ name: 'loftyApi', required: true }],
				properties: [{ displayName: 'Temp', name: 'temp', type: 'string' as const, default: '', routing: { request: credentialType.test.request } }],
			},
		};
		const test = (baseUrl: string) => runWorkflow({ nodes: { type, parameters: {}, name: 'Tester' }, credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl } } });
		const trimmed = await test(`${env.fake.baseUrl}///`);
		expect(trimmed.status).toBe('success');
		expect(env.apiRequests().map((r) => r.path)).toEqual(['/v1.0/me']);
		await expectLinear('credential test with a slash-filled base URL', (hostile) => test(`${env.fake.baseUrl}${hostile}`), slashes);
	});
});

describe('4. ids are checked and encoded wherever a URL is built', () => {
	it('Fetch Full Record: a delivery naming "1/../../users/x" is an error for that event, and nothing is sent for it', async () => {
		webhooksOf(env.fake.data).clear();
		const trigger = new TriggerHarness({
			type: new LoftyTrigger(),
			parameters: { events: [2], options: { fetchFullRecord: true } },
			credentials: credentials(),
		});
		await trigger.start();
		try {
			await trigger.activate();
			env.fake.clearRequests();
			const [delivery] = await deliverWebhookEvent(env.fake.data, 2, {
				updatedLead: [{ leadId: '1/../../users/700001' }, { leadId: 1000001 }],
			});
			expect(delivery.status).toBe(200);
			const [hostile, fine] = trigger.executions[0];
			expect(hostile).toMatchObject({
				leadId: '1/../../users/700001',
				recordError: '"leadId" must be a numeric Lofty ID, got "1/../../users/700001"; the record was not fetched',
			});
			expect(hostile.record).toBeUndefined();
			expect(fine).toMatchObject({ leadId: 1000001, record: { leadId: 1000001 } });
			expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.0/leads/1000001']);
		} finally {
			await trigger.deactivate();
			await trigger.stop();
		}
	});

	it("Create or Update: a lead id in Lofty's search answer that is not numeric is refused before the update is sent", async () => {
		env.fake.injectFault({
			method: 'GET',
			path: '/v1.0/leads',
			status: 200,
			body: { _metadata: { collection: 'leads', limit: 1, offset: 0, total: 1 }, leads: [{ leadId: '1/../../users/700001' }] },
		});
		const result = await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'createOrUpdate',
			firstName: 'Ann',
			emails: 'ann@example.com',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`"leadId of Lofty's matching lead" must be a numeric Lofty ID, got "1/../../users/700001"`);
		expect(env.apiRequests().map((r) => r.method)).toEqual(['GET']);
	});

	it('the routing-members dropdown refuses a routing type that is not a number, before sending', async () => {
		await expect(
			loadOptions({
				method: 'getRoutingMembers',
				nodes: { type: new LoftyLeadRouting(), parameters: { resource: 'member', operation: 'getAll', routingType: '../../leads' } },
				credentials: credentials(),
			}),
		).rejects.toThrow('"Routing Type" must be a numeric Lofty ID, got "../../leads"');
		expect(env.apiRequests()).toEqual([]);
	});
});

describe('5. an answer nested deeper than the JSON reader allows is a clear error', () => {
	const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

	it('a 1-million-deep [[[…]]] answer fails the item with a clear error, and the execution still saves', async () => {
		env.fake.injectFault({ method: 'GET', status: 200, rawBody: nested(1_000_000) });
		const result = await env.run(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("Lofty's answer cannot be read: it is nested deeper than 512 levels");
		// n8n stores the execution as JSON: this is what overflowed the stack.
		expect(() => JSON.stringify(result.run)).not.toThrow();
	});

	it('an answer 512 levels deep is still read', async () => {
		env.fake.injectFault({ method: 'GET', status: 200, rawBody: `{"leadId":1000001,"deep":${nested(511)}}` });
		const result = await env.run(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.status).toBe('success');
		expect(result.items[0].leadId).toBe(1000001);
	});

	it('Additional Body (JSON) nested too deep is refused, naming the field, before sending', async () => {
		const result = await env.run(new LoftyLead(), {
			resource: 'lead',
			operation: 'create',
			firstName: 'Ann',
			jsonBody: `{"a":${nested(100_000)}}`,
		});
		expect(result.error?.message).toBe('"Additional Body (JSON)" is not valid JSON');
		expect(result.error?.description).toBe('it is nested deeper than 512 levels. Nothing was sent to Lofty.');
		expect(env.apiRequests().map(summary)).toEqual([]);
	});
});
