import type { INodeParameters } from 'n8n-workflow';

import { LoftyTrigger } from '../nodes/LoftyTrigger/LoftyTrigger.node';
import { deliverWebhookEvent, webhooksOf } from './fake-lofty/routes-webhooks';
import { useFakeLofty } from './support/env';
import { TriggerHarness } from './support/triggers';

const env = useFakeLofty();
let trigger: TriggerHarness;

function newTrigger(events: number[], options: Record<string, unknown> = {}) {
	return new TriggerHarness({
		type: new LoftyTrigger(),
		parameters: { events, options } as INodeParameters,
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
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
		expect(trigger.executions[0][0]).toMatchObject({ leadId: 1000004, record: { leadId: 1000004, emails: ['lead4@example.com'] } });
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
