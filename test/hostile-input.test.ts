/**
 * Hostile input stays cheap (issue 15): what an upstream item, a webhook delivery or a broken or
 * hostile server can send costs time linear in its size, waits are bounded in all, ids never
 * leave their path segment, and answers nest no deeper than the reader allows. Every case runs
 * real nodes through n8n-core's engine against the fake Lofty server (runners in support/hostile.ts).
 */
import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyLeadRouting } from '../nodes/LoftyLeadRouting/LoftyLeadRouting.node';
import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { loadOptions, runWorkflow } from './harness';
import { useFakeLofty } from './support/env';
import {
	alwaysRateLimited,
	hostileDeliveryId,
	hostileEmail,
	hostileSearchId,
	negativeRemaining,
	nested,
	slashes,
	slashFilledCallback,
	tooDeepAnswer,
} from './support/hostile';
import { expectLinear, MAX_STEP_RATIO } from './support/linear';
import { process } from './support/node';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(3));

const credentials = () => ({ type: 'loftyApi' as const, data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } });
const report = (line: string) => process.stdout.write(`hostile input: ${line}\n`);
const linear = (ratios: number[]) => ratios.length === 2 && ratios.every((ratio) => ratio < MAX_STEP_RATIO);

describe('1. the email check is linear, and its error stays short', () => {
	it('refuses "a@" + dots + "@" from an upstream item at 10 KB, 100 KB and 1 MB in linear time, sending nothing', async () => {
		const { scaling, last } = await hostileEmail(env.fake);
		expect({ ratios: scaling.ratios, linear: linear(scaling.ratios) }).toEqual({ ratios: scaling.ratios, linear: true });
		expect(last?.error?.message).toBe(`"Account" must be an email address, got "a@${'.'.repeat(78)}…" (1000000 characters)`);
		expect(env.apiRequests()).toEqual([]);
	});

	it('still takes a real address', async () => {
		const result = await env.run(new LoftyMember(), { resource: 'member', operation: 'getByAccount', account: 'alex.morgan@example.com' });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => r.path)).toEqual(['/v1.0/members/alex.morgan%40example.com']);
	});
});

describe('2. waiting for the rate limit is bounded in all (test clock)', () => {
	it('a server that always answers 429 with a reset an hour ahead holds a GET minutes, not hours', async () => {
		const { result, waitedMs, longestWaitMs } = await alwaysRateLimited(env.fake);
		report(`always 429, reset 1 h ahead: failed after ${(waitedMs / 60_000).toFixed(1)} min, ${env.apiRequests().length} requests, longest wait ${longestWaitMs / 1000} s`);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Lofty kept refusing requests with 429 (Too Many Requests)');
		expect(waitedMs).toBeLessThanOrEqual(10 * 60_000);
		expect(longestWaitMs).toBeLessThanOrEqual(65_100);
	});

	it('Max Rate Limit Wait (Request Options) ends the wait with a message naming the rate limit and the wait', async () => {
		const { result, waitedMs } = await alwaysRateLimited(env.fake, { maxRateLimitWait: 2 });
		report(`always 429, Max Rate Limit Wait 2 min: failed after ${(waitedMs / 60_000).toFixed(1)} min, ${env.apiRequests().length} requests`);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("Lofty's rate limit would hold this request longer than 2 min");
		expect(result.error?.description).toMatch(/^It waited 1 min \d+ s and the next window opens in 1 min \d+ s\. Raise "Max Rate Limit Wait"/);
		expect(waitedMs).toBeLessThanOrEqual(2 * 60_000);
	});

	it('a 200 with Remaining -5 and a reset an hour ahead holds the next request one window, not an hour', async () => {
		const { result, waitedMs } = await negativeRemaining(env.fake);
		report(`200 with Remaining -5, reset 1 h ahead: the second request waited ${Math.round(waitedMs / 1000)} s`);
		expect(result.status).toBe('success');
		expect(result.items.map((item) => item.leadId)).toEqual([1000001, 1000002]);
		// One 65 s window (60 s and the 5 s margin), plus the real milliseconds the run itself takes on
		// a busy machine: far from the hour the old reader waited.
		expect(waitedMs).toBeLessThanOrEqual(70_000);
	});
});

describe('3. trailing slashes are trimmed in linear time', () => {
	it("the trigger compares Lofty's callback URLs of 10 KB, 100 KB and 1 MB of slashes in linear time", async () => {
		const { scaling, exists } = await slashFilledCallback(env.fake);
		expect({ ratios: scaling.ratios, linear: linear(scaling.ratios) }).toEqual({ ratios: scaling.ratios, linear: true });
		expect(new Set(exists)).toEqual(new Set([true]));
	});

	it("the credential test trims the base URL's slashes, in linear time", async () => {
		const test = new LoftyApi().test.request;
		const tester = new LoftyLead();
		// n8n's credential tester wraps the test request in a one-property declarative node.
		const type = {
			description: {
				...tester.description,
				name: 'credentialTester',
				credentials: [{ name: 'loftyApi', required: true }],
				properties: [{ displayName: 'Temp', name: 'temp', type: 'string' as const, default: '', routing: { request: test } }],
			},
		};
		const testWith = (baseUrl: string) =>
			runWorkflow({ nodes: { type, parameters: {}, name: 'Tester' }, credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl } } });
		expect((await testWith(`${env.fake.baseUrl}///`)).status).toBe('success');
		expect(env.apiRequests().map((r) => r.path)).toEqual(['/v1.0/me']);
		await expectLinear('credential test with a slash-filled base URL', (hostile) => testWith(`${env.fake.baseUrl}${hostile}`), slashes);
	});
});

describe('4. ids are checked and encoded wherever a URL is built', () => {
	it('Fetch Full Record: a delivery naming "1/../../users/700001" is an error for that event, and nothing is sent for it', async () => {
		const { items, requests } = await hostileDeliveryId(env.fake);
		expect(items).toEqual([
			expect.objectContaining({
				leadId: '1/../../users/700001',
				recordError: '"leadId" must be a numeric Lofty ID, got "1/../../users/700001"; the record was not fetched',
			}),
			expect.objectContaining({ leadId: 1000001, record: expect.objectContaining({ leadId: 1000001 }) }),
		]);
		expect(items[0].record).toBeUndefined();
		expect(requests).toEqual(['GET /v1.0/leads/1000001']);
	});

	it("Create or Update: a lead id in Lofty's search answer that is not numeric is refused before the update is sent", async () => {
		const { result, methods } = await hostileSearchId(env.fake);
		expect(result.error?.message).toBe(`"leadId of Lofty's matching lead" must be a numeric Lofty ID, got "1/../../users/700001"`);
		expect(methods).toEqual(['GET']);
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
	it('a 1-million-deep [[[…]]] answer fails the item with a clear error, and the execution still saves', async () => {
		const { result, savesAsJson } = await tooDeepAnswer(env.fake);
		expect(result.error?.message).toBe("Lofty's answer cannot be read: it is nested deeper than 512 levels");
		expect(savesAsJson).toBe(true);
	});

	it('an answer 512 levels deep is still read', async () => {
		env.fake.injectFault({ method: 'GET', status: 200, rawBody: `{"leadId":1000001,"deep":${nested(511)}}` });
		const result = await env.run(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
		expect(result.status).toBe('success');
		expect(result.items[0].leadId).toBe(1000001);
	});

	it('Additional Body (JSON) nested too deep is refused, naming the field, before sending', async () => {
		const result = await env.run(new LoftyLead(), { resource: 'lead', operation: 'create', firstName: 'Ann', jsonBody: `{"a":${nested(100_000)}}` });
		expect(result.error?.message).toBe('"Additional Body (JSON)" is not valid JSON');
		expect(result.error?.description).toBe('it is nested deeper than 512 levels. Nothing was sent to Lofty.');
		expect(env.apiRequests()).toEqual([]);
	});
});

describe('hardening', () => {
	it('an error quotes at most 80 characters of a value: a 100 KB dropdown value and Limit from an upstream item', async () => {
		const long = 'x'.repeat(100_000);
		const sort = await env.run(new LoftyLead(), { resource: 'lead', operation: 'getAll', filters: { sort: '={{ $json.long }}' } }, { items: [{ long }] });
		expect(sort.error?.message).toBe(`"Sort By" cannot be "${'x'.repeat(80)}…" (100000 characters)`);
		const limit = await env.run(new LoftyLead(), { resource: 'lead', operation: 'getAll', returnAll: false, limit: '={{ $json.long }}' }, { items: [{ long }] });
		expect(limit.error?.message.length).toBeLessThan(200);
		expect(env.apiRequests()).toEqual([]);
	});

	it('__proto__ and constructor keys in a value from an upstream item do not reach Object.prototype or Lofty', async () => {
		const listing = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "mlsId": "1"}');
		const result = await env.run(
			new LoftyLead(),
			{ resource: 'activity', operation: 'create', leadId: '1000001', activityType: 'Property Viewed', additionalFields: { listing: '={{ $json.listing }}' } },
			{ items: [{ listing }] },
		);
		expect(result.error).toBeUndefined();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const sent = env.apiRequests().find((r) => r.method === 'POST')?.body as { listing?: object } | undefined;
		// n8n's router (lodash merge) drops __proto__; the transport writes no constructor key either.
		expect(Object.keys(sent?.listing ?? {})).toEqual(['mlsId']);
	});
});

describe('Additional Body (JSON) keeps every digit', () => {
	const rawBodies = () => env.apiRequests().filter((r) => r.method === 'POST').map((r) => r.rawBody);

	it('sends 9007199254740993 typed in Additional Body as 9007199254740993, not …992', async () => {
		const result = await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: '1000001', content: 'Big', jsonBody: '{"leadId": 9007199254740993, "isPin": true}' });
		// What arrives is what counts: the fake then refuses an id its doubles cannot hold.
		expect(result.error?.message).toBe("JSON parse error: 'leadId' must be an integer");
		expect(rawBodies()).toEqual(['{"leadId":9007199254740993,"content":"Big","isPin":true}']);
	});

	it('keeps large integers exact inside objects and lists, negatives too, and leaves digit strings strings', async () => {
		const jsonBody = '{"extra": {"ids": [9007199254740993, -9223372036854775808, 12], "label": "9007199254740993", "ratio": 0.5}}';
		const result = await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: '1000001', content: 'Big', jsonBody });
		expect(result.status).toBe('success');
		expect(rawBodies()).toEqual(['{"leadId":1000001,"content":"Big","extra":{"ids":[9007199254740993,-9223372036854775808,12],"label":"9007199254740993","ratio":0.5}}']);
	});

	it('still names the field and the position of a syntax error in text holding a large integer', async () => {
		const result = await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: '1000001', content: 'Big', jsonBody: '{"leadId": 9007199254740993,}' });
		expect(result.error?.message).toBe('"Additional Body (JSON)" is not valid JSON');
		expect(result.error?.description).toBe(`${syntaxErrorOf('{"leadId": 9007199254740993,}')}. Nothing was sent to Lofty.`);
		expect(env.apiRequests()).toEqual([]);
	});
});

/** The message JSON.parse gives for text, as this Node.js words it. */
function syntaxErrorOf(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${text} is valid JSON`);
}
