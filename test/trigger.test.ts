import type { INodeParameters } from 'n8n-workflow';

import { LoftyTrigger } from '../nodes/LoftyTrigger/LoftyTrigger.node';
import { deliverWebhookEvent, webhooksOf } from './fake-lofty/routes-webhooks';
import { bigIds, deliverHeld, failingRecords, foreignList, oddSecretAdoption, postToTrigger, rateLimitedBatch, reactivation, slowBatch } from './support/deliveries';
import { useFakeLofty } from './support/env';
import { TriggerHarness } from './support/triggers';

const env = useFakeLofty();
let trigger: TriggerHarness;

function newTrigger(events: number[], options: Record<string, unknown> = {}, extra: { rawBody?: boolean } = {}) {
	return new TriggerHarness({
		type: new LoftyTrigger(),
		parameters: { events, options } as INodeParameters,
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		...extra,
	});
}

beforeAll(() => env.fake.seedLeads(5));
beforeEach(async () => {
	webhooksOf(env.fake.data).clear();
	trigger = newTrigger([2, 3]);
	await trigger.start();
});
afterEach(async () => {
	await trigger.stop();
});

const subscriptions = () => webhooksOf(env.fake.data).list();

describe('Lofty Trigger lifecycle', () => {
	it('activation subscribes each chosen list to the secret callback URL; deactivation removes them', async () => {
		await trigger.activate();
		const subs = subscriptions();
		expect(subs.map((s) => s.listId)).toEqual([2, 3]);
		for (const sub of subs) {
			expect(sub.callbackUrl).toMatch(new RegExp(`^${trigger.webhookUrl()}\\?n8nToken=[0-9a-f]{48}$`));
			expect(sub.limit).toBe(5000);
		}
		expect(trigger.nodeStaticData.subscriptions).toEqual({ 2: String(subs[0].subscribeId), 3: String(subs[1].subscribeId) });
		const posts = env.apiRequests().filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.body)).toEqual([
			{ listId: 2, callbackUrl: subs[0].callbackUrl, limit: 5000 },
			{ listId: 3, callbackUrl: subs[1].callbackUrl, limit: 5000 },
		]);

		await trigger.deactivate();
		expect(subscriptions()).toEqual([]);
		expect(trigger.nodeStaticData.subscriptions).toBeUndefined();
	});

	it('checkExists: true when found, false when Lofty lost one, and create then adds only the lost one', async () => {
		await trigger.activate();
		expect(await trigger.hook('checkExists')).toBe(true);
		const [first, second] = subscriptions();
		webhooksOf(env.fake.data).remove(first.subscribeId);
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		const after = subscriptions();
		expect(after).toHaveLength(2);
		expect(after.map((s) => s.subscribeId)).toContain(second.subscribeId);
		expect(new Set(after.map((s) => s.callbackUrl)).size).toBe(1);
	});

	it('re-adopts subscriptions it forgot (static data lost) instead of creating duplicates', async () => {
		await trigger.activate();
		const before = subscriptions();
		trigger.loseStaticData();
		await trigger.activate();
		expect(subscriptions()).toEqual(before);
		expect(env.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(2);
		// The adopted secret still opens the door.
		const [delivery] = await deliverWebhookEvent(env.fake.data, 2, { updatedLead: [{ leadId: 1000001 }] });
		expect(delivery.status).toBe(200);
	});

	it('deleting a subscription Lofty already dropped is not an error', async () => {
		await trigger.activate();
		webhooksOf(env.fake.data).clear();
		await expect(trigger.deactivate()).resolves.toBeUndefined();
	});

	it('toggled off and on 20 times, and restarted, leaves exactly the chosen subscriptions', async () => {
		for (let round = 0; round < 20; round++) {
			await trigger.activate();
			if (round % 5 === 4) {
				trigger.restart();
				await trigger.activate('init');
			}
			await trigger.deactivate();
		}
		await trigger.activate();
		trigger.restart();
		await trigger.activate('init');
		expect(subscriptions().map((s) => s.listId)).toEqual([2, 3]);
	});
});

describe('Lofty Trigger deliveries', () => {
	beforeEach(async () => {
		await trigger.activate();
	});

	it('a batch payload gives one item per event, with list and event name', async () => {
		const deliveries = await deliverWebhookEvent(env.fake.data, 2, {
			updatedLead: [{ leadId: 1000001 }, { leadId: 1000002 }, { leadId: 1000003 }],
		});
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		expect(trigger.executions).toEqual([
			[1000001, 1000002, 1000003].map((leadId) => ({
				teamId: expect.any(Number),
				listId: 2,
				event: 'Lead Information',
				batch: 'updatedLead',
				leadId,
			})),
		]);
	});

	it('a request without the secret gets 401 and starts nothing', async () => {
		const response = await fetch(trigger.webhookUrl(), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ listId: 2, updatedLead: [{ leadId: 1 }] }),
		});
		expect(response.status).toBe(401);
		const wrong = await fetch(`${trigger.webhookUrl()}?n8nToken=${'0'.repeat(48)}`, { method: 'POST', body: '{}' });
		expect(wrong.status).toBe(401);
		expect(trigger.executions).toEqual([]);
		expect(JSON.stringify(await response.json())).not.toContain(String(trigger.nodeStaticData.secret));
	});

	it('malformed or empty deliveries are acknowledged with 200 and start nothing', async () => {
		const url = subscriptions()[0].callbackUrl;
		for (const body of ['', 'not json', '{}', '[]', '"text"']) {
			const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
			expect(response.status).toBe(200);
		}
		expect(trigger.executions).toEqual([]);
	});

	it('fetches the full lead when asked', async () => {
		await trigger.deactivate();
		await trigger.stop();
		trigger = newTrigger([2], { fetchFullRecord: true });
		await trigger.start();
		await trigger.activate();
		await deliverWebhookEvent(env.fake.data, 2, { updatedLead: [{ leadId: 1000004 }] });
		await trigger.settled();
		expect(trigger.executions[0][0]).toMatchObject({ leadId: 1000004, record: { leadId: 1000004, emails: ['lead4@example.com'] } });
	});
});

describe('Lofty Trigger secret', () => {
	it('is not adopted from a subscription to its URL carrying n8nToken=1 after static data was lost: a new one replaces it', async () => {
		const outcome = await oddSecretAdoption(env.fake);
		expect(outcome.secret).toMatch(/^[0-9a-f]{48}$/);
		expect(outcome.callbackUrls).toEqual([expect.stringMatching(/\?n8nToken=[0-9a-f]{48}$/)]);
		expect(outcome.callbackUrls[0]).toContain(outcome.secret);
		expect(outcome.oldSecretStatus).toBe(401);
		expect(outcome.currentStatus).toBe(200);
	});

	it('is new for every activation after a deactivation; the old callback URL is refused', async () => {
		const outcome = await reactivation(env.fake);
		expect(outcome.secret).toMatch(/^[0-9a-f]{48}$/);
		expect(outcome.secret).not.toBe(outcome.firstSecret);
		expect(outcome.callbackUrls).toEqual([expect.stringContaining(`n8nToken=${outcome.secret}`)]);
		expect(outcome.oldSecretStatus).toBe(401);
		expect(outcome.currentStatus).toBe(200);
	});

	it('a subscription to its URL with a secret the trigger no longer holds is replaced, not counted as existing', async () => {
		await trigger.activate();
		const [before] = subscriptions().filter((s) => s.listId === 2);
		const stale = before.callbackUrl.replace(/n8nToken=[0-9a-f]{48}/, `n8nToken=${'a'.repeat(48)}`);
		webhooksOf(env.fake.data).remove(before.subscribeId);
		webhooksOf(env.fake.data).add({ listId: 2, callbackUrl: stale });
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		expect(subscriptions().map((s) => s.listId).sort()).toEqual([2, 3]);
		expect(subscriptions().map((s) => s.callbackUrl)).not.toContain(stale);
	});
});

describe('Lofty Trigger deliveries with Fetch Full Record', () => {
	it('are answered 200 while Lofty has answered none of the lead GETs; the one execution then carries every record', async () => {
		const outcome = await deliverHeld(env.fake, [1000001, 1000002, 1000003]);
		expect(outcome.status).toBe(200);
		expect(outcome.executions).toHaveLength(1);
		expect(outcome.executions[0].map((item) => (item.record as { leadId?: number } | undefined)?.leadId)).toEqual([1000001, 1000002, 1000003]);
		expect(outcome.requests).toEqual(['GET /v1.0/leads/1000001', 'GET /v1.0/leads/1000002', 'GET /v1.0/leads/1000003']);
	});

	it('a batch of 40 while Lofty allows 5 requests a second is answered 200 at once; one execution with 40 records (test clock)', async () => {
		const outcome = await rateLimitedBatch(env.fake, 40);
		expect(outcome.status).toBe(200);
		expect(outcome.executions).toHaveLength(1);
		expect(outcome.executions[0]).toHaveLength(40);
		expect(outcome.executions[0].every((item) => item.record !== undefined && item.recordError === undefined)).toBe(true);
		expect(outcome.requests.filter((r, i, all) => all.indexOf(r) === i)).toHaveLength(40);
	});

	it('stop fetching after 10 minutes in all: with one request a minute allowed, the rest of a batch of 15 goes on with recordError (test clock)', async () => {
		const outcome = await slowBatch(env.fake);
		expect(outcome.status).toBe(200);
		expect(outcome.executions).toHaveLength(1);
		const items = outcome.executions[0];
		const fetched = items.filter((item) => item.record !== undefined);
		const late = items.filter((item) => item.record === undefined);
		expect(items).toHaveLength(15);
		expect(fetched.length).toBeGreaterThanOrEqual(9);
		expect(fetched.length).toBeLessThanOrEqual(12);
		expect(items.slice(0, fetched.length)).toEqual(fetched);
		for (const item of late) expect(item.recordError).toBe("Not fetched: this delivery's records took longer than 10 minutes to fetch");
		expect(new Set(outcome.requests).size).toBe(fetched.length);
	});

	it("a lead Lofty answers 404 for and one it answers 400 for mark their own items with Lofty's status and message; the others carry their records", async () => {
		const outcome = await failingRecords(env.fake);
		expect(outcome.status).toBe(200);
		expect(outcome.executions).toHaveLength(1);
		const [found, missing, refused, last] = outcome.executions[0];
		expect(found).toMatchObject({ leadId: 1000001, record: { leadId: 1000001 } });
		expect(missing).toMatchObject({ leadId: 1009999, recordError: 'Lofty answered HTTP 404: Lead not found' });
		expect(refused).toMatchObject({ leadId: 1000002, recordError: 'Lofty answered HTTP 400: leadId 1000002 is not valid for this team' });
		expect(last).toMatchObject({ leadId: 1000003, record: { leadId: 1000003 } });
		expect(missing.record).toBeUndefined();
		expect(refused.record).toBeUndefined();
	});

	it('a lead several events of a batch name is fetched once, and each item has its own copy', async () => {
		const outcome = await deliverHeld(env.fake, [1000001, 1000001, 1000002]);
		expect(outcome.requests).toEqual(['GET /v1.0/leads/1000001', 'GET /v1.0/leads/1000002']);
		const [first, second] = outcome.executions[0];
		expect(second.record).toEqual(first.record);
		expect(second.record).not.toBe(first.record);
	});
});

describe('Lofty Trigger deliveries of lists it did not subscribe to', () => {
	it('are acknowledged with 200 and dropped: no execution for a list-1 delivery, only the list-3 event of a mixed batch, and nothing fetched for the others', async () => {
		const outcome = await foreignList(env.fake);
		expect(outcome.statuses).toEqual([200, 200]);
		expect(outcome.executions).toEqual([[expect.objectContaining({ listId: 3, leadId: 1000002, record: expect.objectContaining({ leadId: 1000002 }) })]]);
		expect(outcome.requests).toEqual(['GET /v1.0/leads/1000002']);
	});
});

describe('Lofty Trigger deliveries with 64-bit ids', () => {
	it('read lead 9007199254740993 from the raw body, exactly, and Fetch Full Record fetches that lead, not …992', async () => {
		const outcome = await bigIds(env.fake);
		expect(outcome.status).toBe(200);
		expect(outcome.leadIds).toEqual(['9007199254740993', '9007199254740992']);
		expect(outcome.requests).toEqual(['GET /v1.0/leads/9007199254740993', 'GET /v1.0/leads/9007199254740992']);
	});

	it("fall back to n8n's parsed body when the request carries no raw body", async () => {
		await trigger.stop();
		trigger = newTrigger([2], {}, { rawBody: false });
		await trigger.start();
		await trigger.activate();
		expect(await postToTrigger(env.fake, '{"listId":2,"updatedLead":[{"leadId":1000001}]}')).toBe(200);
		await trigger.settled();
		expect(trigger.executions).toEqual([[expect.objectContaining({ listId: 2, leadId: 1000001 })]]);
	});
});

describe('Lofty Trigger errors', () => {
	it('a callback URL Lofty rejects gives a message that says why and how to fix it', async () => {
		const remote = new TriggerHarness({
			type: new LoftyTrigger(),
			parameters: { events: [2] },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
		});
		// n8n behind a plain-http public host name, as when WEBHOOK_URL is not set to https.
		(remote as unknown as { webhookBaseUrl: string }).webhookBaseUrl = 'http://n8n.example.com/webhook';
		remote.restart();
		await expect(remote.activate()).rejects.toThrow(/only calls HTTPS URLs.*WEBHOOK_URL.*tunnel/);
		expect(subscriptions()).toEqual([]);
	});

	it('an unknown event list is explained', async () => {
		const odd = newTrigger([99]);
		await odd.start();
		await expect(odd.activate()).rejects.toThrow(/WEBHOOK_TYPE_ERROR/);
		await odd.stop();
	});
});
