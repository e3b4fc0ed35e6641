/**
 * Webhook deliveries to the Lofty Events Trigger when Lofty or the data misbehave (issue 20,
 * part 3), one runner per case. test/trigger.test.ts asserts on what each gives back;
 * test/reliability.test.ts reports them as rows of test/reliability.md.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LoftyTrigger } from '../../nodes/LoftyTrigger/LoftyTrigger.node';
import type { FakeLofty } from '../fake-lofty';
import { deliverWebhookEvent, webhooksOf } from '../fake-lofty/routes-webhooks';
import type { AddressInfo, HttpServer, IncomingMessage, ServerResponse } from './node';
import { http } from './node';
import { skippingWaits } from './skip-clock';
import { TriggerHarness } from './triggers';

/**
 * Lofty behind a gate: every GET of one lead or agent waits until `open()`, every other request
 * goes straight through to `target` (the fake). Shows whether a delivery's answer waits on Lofty.
 */
export class GatedLofty {
	baseUrl = '';

	/** Paths of the record GETs that reached the gate, in order. */
	readonly held: string[] = [];

	private release!: () => void;

	private readonly opened = new Promise<void>((resolve) => (this.release = resolve));

	private readonly server: HttpServer = http.createServer((req, res) => void this.forward(req, res));

	constructor(private readonly target: string) {}

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	open(): void {
		this.release();
	}

	async stop(): Promise<void> {
		this.open();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = req.url ?? '/';
		if (req.method === 'GET' && /^\/v1\.0\/(leads|users)\/[^/?]+/.test(url)) {
			this.held.push(url.split('?')[0]);
			await this.opened;
		}
		const headers: Record<string, string> = {};
		for (const name of ['authorization', 'content-type']) {
			if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
		}
		const answer = await fetch(`${this.target}${url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
		const passed: Record<string, string> = {};
		for (const [name, value] of answer.headers) if (name === 'content-type' || name.startsWith('x-ratelimit')) passed[name] = value;
		res.writeHead(answer.status, passed).end(Buffer.from(await answer.arrayBuffer()));
	}
}

export interface Delivered {
	/** What n8n's endpoint answered Lofty (0: no answer within the delivery's timeout). */
	status: number;
	/** Items of each execution the delivery started. */
	executions: IDataObject[][];
	/** Requests the trigger sent to Lofty for the delivery. */
	requests: string[];
}

/** How long a delivery may wait for n8n's answer; a sender such as Lofty gives up at some point. */
export const DELIVERY_TIMEOUT_MS = 5_000;

/** An activated Lofty Events Trigger on list 2 whose Lofty is `fake` behind a gate. */
export async function withGatedTrigger<T>(
	fake: FakeLofty,
	options: INodeParameters,
	body: (trigger: TriggerHarness, gate: GatedLofty) => Promise<T>,
	events: number[] = [2],
): Promise<T> {
	const gate = new GatedLofty(fake.baseUrl);
	await gate.start();
	webhooksOf(fake.data).clear();
	const trigger = new TriggerHarness({
		type: new LoftyTrigger(),
		parameters: { events, options },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: gate.baseUrl } },
	});
	await trigger.start();
	try {
		await trigger.activate();
		fake.clearRequests();
		return await body(trigger, gate);
	} finally {
		gate.open();
		await trigger.settled();
		await trigger.deactivate();
		await trigger.stop();
		await gate.stop();
	}
}

/** The trigger's GETs of leads and agents, as "GET /v1.0/leads/1000001". */
const recordGets = (fake: FakeLofty) =>
	fake.requests.filter((r) => r.method === 'GET' && /^\/v1\.0\/(leads|users)\//.test(r.path)).map((r) => `${r.method} ${r.path}`);

/**
 * Delivers `leadIds` as one batch of list 2 with Fetch Full Record on, Lofty's record GETs held
 * until the delivery is answered (or has timed out) unless `hold` is false, then lets the fetches
 * run to the end.
 */
export async function deliverHeld(fake: FakeLofty, leadIds: Array<number | string>, hold = true): Promise<Delivered> {
	return await withGatedTrigger(fake, { fetchFullRecord: true }, async (trigger, gate) => {
		if (!hold) gate.open();
		const [delivery] = await deliverWebhookEvent(fake.data, 2, { updatedLead: leadIds.map((leadId) => ({ leadId })) }, { timeoutMs: DELIVERY_TIMEOUT_MS });
		gate.open();
		await trigger.settled();
		return { status: delivery.status, executions: trigger.executions, requests: recordGets(fake) };
	});
}

/** A batch of `count` leads with Fetch Full Record on, under a rate limit of `limit` requests per `windowMs` (waits on a test clock). */
async function limitedBatch(fake: FakeLofty, count: number, limit: number, windowMs: number): Promise<Delivered> {
	fake.seedLeads(Math.max(0, count - fake.data.leads.size));
	const leadIds = [...fake.data.leads.keys()].slice(0, count);
	fake.setRateLimit({ limit, windowMs, resetStyle: 'remaining-ms' });
	try {
		const { result } = await skippingWaits({ fromMs: 100, toMs: 70_000 }, () => deliverHeld(fake, leadIds));
		return result;
	} finally {
		fake.setRateLimit(undefined);
	}
}

/** A batch of `count` leads with Fetch Full Record on, while Lofty allows 5 requests a second. */
export const rateLimitedBatch = (fake: FakeLofty, count: number) => limitedBatch(fake, count, 5, 1_000);

/**
 * A batch of 15 leads with Fetch Full Record on while Lofty allows one request a minute: fetching
 * them all would take a quarter of an hour.
 */
export const slowBatch = (fake: FakeLofty) => limitedBatch(fake, 15, 1, 60_000);

/** A lead Lofty answers 404 for (1009999) and one it answers 400 for (1000002), beside two it has. */
export async function failingRecords(fake: FakeLofty): Promise<Delivered> {
	fake.injectFault({ method: 'GET', path: '/v1.0/leads/1000002', status: 400, body: { code: 400, message: 'leadId 1000002 is not valid for this team' } });
	return await deliverHeld(fake, [1000001, 1009999, 1000002, 1000003], false);
}

/** Posts `body` (text, sent as is) to the trigger's callback URL, as Lofty would. */
export async function postToTrigger(fake: FakeLofty, body: string): Promise<number> {
	const [subscription] = webhooksOf(fake.data).list();
	const response = await fetch(subscription.callbackUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
	return response.status;
}

/** Deliveries of list 1 (Agent) and of a mixed batch to a trigger on lists 2 and 3, Fetch Full Record on. */
export async function foreignList(fake: FakeLofty): Promise<{ statuses: number[]; executions: IDataObject[][]; requests: string[] }> {
	return await withGatedTrigger(
		fake,
		{ fetchFullRecord: true },
		async (trigger, gate) => {
			gate.open();
			const statuses = [
				await postToTrigger(fake, JSON.stringify({ teamId: 900001, listId: 1, updatedUser: [{ userId: 700001 }] })),
				await postToTrigger(fake, JSON.stringify([{ teamId: 900001, listId: 4, alerts: [{ leadId: 1000001 }] }, { teamId: 900001, listId: 3, activities: [{ leadId: 1000002 }] }])),
			];
			await trigger.settled();
			return { statuses, executions: trigger.executions, requests: recordGets(fake) };
		},
		[2, 3],
	);
}

/** A delivery naming leads 9007199254740993 and 9007199254740992 (2^53 + 1 and 2^53), Fetch Full Record on. */
export async function bigIds(fake: FakeLofty): Promise<{ status: number; leadIds: unknown[]; requests: string[] }> {
	return await withGatedTrigger(fake, { fetchFullRecord: true }, async (trigger, gate) => {
		gate.open();
		const status = await postToTrigger(fake, '{"teamId":900001,"listId":2,"updatedLead":[{"leadId":9007199254740993},{"leadId":9007199254740992}]}');
		await trigger.settled();
		return { status, leadIds: (trigger.executions[0] ?? []).map((item) => item.leadId), requests: recordGets(fake) };
	});
}

export interface SecretOutcome {
	secret: string;
	/** Callback URLs of the subscriptions Lofty holds for the trigger afterwards. */
	callbackUrls: string[];
	/** What a delivery with the old or odd secret got. */
	oldSecretStatus: number;
	/** What a delivery through the subscriptions Lofty holds got. */
	currentStatus: number;
}

/** A started Lofty Trigger on list 2, with no subscription in the fake yet. */
async function listTwoTrigger(fake: FakeLofty): Promise<TriggerHarness> {
	webhooksOf(fake.data).clear();
	const trigger = new TriggerHarness({
		type: new LoftyTrigger(),
		parameters: { events: [2] },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
	});
	await trigger.start();
	return trigger;
}

/** Static data lost while Lofty lists a subscription to the trigger's URL that carries n8nToken=1. */
export async function oddSecretAdoption(fake: FakeLofty): Promise<SecretOutcome> {
	const trigger = await listTwoTrigger(fake);
	try {
		const odd = `${trigger.webhookUrl()}?n8nToken=1`;
		webhooksOf(fake.data).add({ listId: 2, callbackUrl: odd });
		await trigger.activate();
		return await secretOutcome(fake, trigger, odd);
	} finally {
		await trigger.deactivate();
		await trigger.stop();
	}
}

/** Activated, deactivated, activated again. */
export async function reactivation(fake: FakeLofty): Promise<SecretOutcome & { firstSecret: string }> {
	const trigger = await listTwoTrigger(fake);
	try {
		await trigger.activate();
		const firstSecret = String(trigger.nodeStaticData.secret);
		const [first] = webhooksOf(fake.data).list();
		await trigger.deactivate();
		await trigger.activate();
		return { firstSecret, ...(await secretOutcome(fake, trigger, first.callbackUrl)) };
	} finally {
		await trigger.deactivate();
		await trigger.stop();
	}
}

async function secretOutcome(fake: FakeLofty, trigger: TriggerHarness, oldUrl: string): Promise<SecretOutcome> {
	const event = JSON.stringify({ teamId: 900001, listId: 2, updatedLead: [{ leadId: 1000001 }] });
	const post = async (url: string) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: event })).status;
	const oldSecretStatus = await post(oldUrl);
	const [current] = await deliverWebhookEvent(fake.data, 2, { updatedLead: [{ leadId: 1000001 }] });
	await trigger.settled();
	return {
		secret: String(trigger.nodeStaticData.secret),
		callbackUrls: webhooksOf(fake.data).list().map((s) => s.callbackUrl),
		oldSecretStatus,
		currentStatus: current?.status ?? 0,
	};
}
