/**
 * Webhooks (reference 5.12): subscriptions of the team, and a way for tests to play Lofty
 * delivering an event to the subscribed callback URLs.
 *
 * Routes:
 * - POST   /v1.0/webhook {listId, callbackUrl, limit} -> WebhookResponse (6.85) of the new
 *   subscription *(chosen: the reference gives no schema)*. All three fields are required. Errors
 *   (HTTP 400, `{"code":400,"message":"<ERROR>: <explanation>"}`):
 *   - WEBHOOK_TYPE_ERROR: listId is not one of WEBHOOK_LISTS (1-12).
 *   - WEBHOOK_CALLBACK_URL_INVALID: not an absolute URL, or not HTTPS. Real Lofty takes HTTPS only;
 *     the fake also takes http://127.0.0.1, http://localhost and http://[::1] because tests run n8n on http.
 *   - WEBHOOK_EXCEED_LIMIT: limit above 5000, or the team already has `maxSubscriptions` (20).
 * - GET    /v1.0/webhooks -> bare array of WebhookResponse, in creation order *(chosen: the reference says "string")*.
 * - DELETE /v1.0/webhook/{subscribeId} -> bare JSON string "success" *(chosen)*; unknown id -> 404 `Webhook not found`.
 *
 * Test API (the Lofty Trigger node builds on this):
 *
 *   const hooks = webhooksOf(env.fake.data);
 *   hooks.list();                  // WebhookSubscription[] (copies, creation order)
 *   hooks.find(subscribeId);       // one subscription or undefined
 *   hooks.add({ listId: 2, callbackUrl: 'https://example.com/hook' }); // arrange state, skipping the API's checks
 *   hooks.remove(subscribeId);     // true when it existed
 *   hooks.clear();                 // drop every subscription
 *   hooks.maxSubscriptions = 3;    // lower the per-team cap to provoke WEBHOOK_EXCEED_LIMIT
 *
 *   // Lofty sends an event: POST JSON to every subscription of list 2, in creation order.
 *   const deliveries = await deliverWebhookEvent(env.fake.data, 2, { updatedLead: [{ leadId: 1000001 }] });
 *   // -> [{ subscribeId, callbackUrl, status: 200, responseBody: '...' }]
 *
 * An object payload is sent with Lofty's `teamId` and `listId` added (keys of the payload win);
 * an array payload, or any payload with `{ raw: true }`, is sent as given. A callback that cannot be
 * reached reports status 0 and `error`. The fake does not sign deliveries (Lofty documents no
 * signature) and does not hold them back by `limit`.
 */
import { http, https } from '../support/node';

import type { FakeLoftyData } from './data';
import { badRequest, notFound } from './errors';
import type { Router } from './router';
import { pathId } from './router';
import { VENDOR_ID } from './routes-vendor';
import { bodyObject, optInt, optStr } from './validate';

/** The webhook lists: 1-4 from the reference, 5-12 from newer Lofty docs. */
export const WEBHOOK_LISTS: Readonly<Record<number, string>> = {
	1: 'Agent',
	2: 'Lead information',
	3: 'Lead activity',
	4: 'Listing alert',
	5: 'Transaction',
	6: 'Call',
	7: 'Email',
	8: 'Text',
	9: 'Note',
	10: 'Task',
	11: 'Appointment',
	12: 'Pipeline change',
};

export const WEBHOOK_TYPE_ERROR = 'WEBHOOK_TYPE_ERROR';
export const WEBHOOK_CALLBACK_URL_INVALID = 'WEBHOOK_CALLBACK_URL_INVALID';
export const WEBHOOK_EXCEED_LIMIT = 'WEBHOOK_EXCEED_LIMIT';
export const WEBHOOK_NOT_FOUND = 'Webhook not found';
/** Most notifications per subscription (per 30 minutes, or per batch: Lofty documents both). */
export const MAX_WEBHOOK_LIMIT = 5000;
export const DEFAULT_MAX_SUBSCRIPTIONS = 20;
export const SUBSCRIBE_ID_BASE = 980_000;

/** WebhookResponse (6.85) plus when it was made. */
export interface WebhookSubscription {
	subscribeId: number;
	listId: number;
	callbackUrl: string;
	limit: number;
	teamId: number;
	vendorId: number;
	createTime: number;
}

export interface WebhookDelivery {
	subscribeId: number;
	callbackUrl: string;
	/** HTTP status the callback answered; 0 when it could not be reached. */
	status: number;
	responseBody: string;
	error?: string;
}

export interface DeliveryOptions {
	/** Send the payload exactly as given (no teamId/listId added). */
	raw?: boolean;
	/** Extra request headers. */
	headers?: Record<string, string>;
	/** Per-delivery timeout; default 10 s. */
	timeoutMs?: number;
}

/** The subscriptions of one fake's data. */
export class WebhookStore {
	/** Per-team cap; one more subscription is refused with WEBHOOK_EXCEED_LIMIT. */
	maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS;
	private readonly subscriptions: WebhookSubscription[] = [];
	private nextId = SUBSCRIBE_ID_BASE + 1;

	constructor(private readonly data: FakeLoftyData) {}

	list(): WebhookSubscription[] {
		return this.subscriptions.map((s) => ({ ...s }));
	}

	find(subscribeId: number): WebhookSubscription | undefined {
		const found = this.subscriptions.find((s) => s.subscribeId === subscribeId);
		return found ? { ...found } : undefined;
	}

	/** Stores a subscription without the API's URL, limit and count checks. */
	add(input: { listId: number; callbackUrl: string; limit?: number }): WebhookSubscription {
		const subscription: WebhookSubscription = {
			subscribeId: this.nextId++,
			listId: input.listId,
			callbackUrl: input.callbackUrl,
			limit: input.limit ?? MAX_WEBHOOK_LIMIT,
			teamId: this.data.teamId,
			vendorId: VENDOR_ID,
			createTime: this.data.now(),
		};
		this.subscriptions.push(subscription);
		return { ...subscription };
	}

	remove(subscribeId: number): boolean {
		const index = this.subscriptions.findIndex((s) => s.subscribeId === subscribeId);
		if (index < 0) return false;
		this.subscriptions.splice(index, 1);
		return true;
	}

	clear(): void {
		this.subscriptions.length = 0;
	}

	get size(): number {
		return this.subscriptions.length;
	}
}

const stores = new WeakMap<FakeLoftyData, WebhookStore>();

/** The webhook subscriptions of a fake's data (`env.fake.data`). */
export function webhooksOf(data: FakeLoftyData): WebhookStore {
	let store = stores.get(data);
	if (!store) {
		store = new WebhookStore(data);
		stores.set(data, store);
	}
	return store;
}

/** WebhookResponse as Lofty lists it. */
function renderSubscription(s: WebhookSubscription): Record<string, unknown> {
	return {
		subscribeId: s.subscribeId,
		listId: s.listId,
		callbackUrl: s.callbackUrl,
		limit: s.limit,
		teamId: s.teamId,
		vendorId: s.vendorId,
	};
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, or plain http to this machine (the concession tests need). */
export function isAcceptedCallbackUrl(text: string): boolean {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return false;
	}
	if (url.protocol === 'https:') return url.hostname !== '';
	return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
}

export function registerWebhookRoutes(router: Router): void {
	router.post('/v1.0/webhook', ({ data, body }) => {
		const input = bodyObject(body);
		const listId = optInt(input, 'listId');
		if (listId === undefined) throw badRequest('listId is required');
		if (!(listId in WEBHOOK_LISTS)) throw badRequest(`${WEBHOOK_TYPE_ERROR}: listId ${listId} is not a webhook list`);
		const callbackUrl = optStr(input, 'callbackUrl');
		if (callbackUrl === undefined || callbackUrl.trim() === '') throw badRequest('callbackUrl is required');
		if (!isAcceptedCallbackUrl(callbackUrl)) {
			throw badRequest(`${WEBHOOK_CALLBACK_URL_INVALID}: callbackUrl must be an HTTPS URL`);
		}
		const limit = optInt(input, 'limit');
		if (limit === undefined) throw badRequest('limit is required');
		if (limit < 1) throw badRequest(`limit is not valid: ${limit}`);
		if (limit > MAX_WEBHOOK_LIMIT) throw badRequest(`${WEBHOOK_EXCEED_LIMIT}: limit must not exceed ${MAX_WEBHOOK_LIMIT}`);
		const store = webhooksOf(data);
		if (store.size >= store.maxSubscriptions) {
			throw badRequest(`${WEBHOOK_EXCEED_LIMIT}: a team can have at most ${store.maxSubscriptions} webhooks`);
		}
		return { body: renderSubscription(store.add({ listId, callbackUrl, limit })) };
	});

	router.get('/v1.0/webhooks', ({ data }) => ({ body: webhooksOf(data).list().map(renderSubscription) }));

	router.delete('/v1.0/webhook/{subscribeId}', (ctx) => {
		const subscribeId = pathId(ctx, 'subscribeId');
		if (!webhooksOf(ctx.data).remove(subscribeId)) throw notFound(WEBHOOK_NOT_FOUND);
		return { body: 'success' };
	});
}

function postJson(
	target: string,
	payload: string,
	headers: Record<string, string>,
	timeoutMs: number,
): Promise<{ status: number; responseBody: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(target);
		const send = url.protocol === 'https:' ? https.request : http.request;
		const request = send(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': String(Buffer.byteLength(payload)),
					'User-Agent': 'fake-lofty-webhook',
					...headers,
				},
				timeout: timeoutMs,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, responseBody: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(payload);
	});
}

/**
 * Plays Lofty sending an event of list `listId`: POSTs JSON to the callback URL of every
 * subscription to that list, one after the other in creation order, and reports each answer.
 * See the header of this file for the payload rules.
 */
export async function deliverWebhookEvent(
	data: FakeLoftyData,
	listId: number,
	payload: Record<string, unknown> | unknown[],
	options: DeliveryOptions = {},
): Promise<WebhookDelivery[]> {
	const body =
		options.raw || Array.isArray(payload) ? payload : { teamId: data.teamId, listId, ...payload };
	const text = JSON.stringify(body);
	const deliveries: WebhookDelivery[] = [];
	for (const subscription of webhooksOf(data).list().filter((s) => s.listId === listId)) {
		try {
			const answer = await postJson(subscription.callbackUrl, text, options.headers ?? {}, options.timeoutMs ?? 10_000);
			deliveries.push({ subscribeId: subscription.subscribeId, callbackUrl: subscription.callbackUrl, ...answer });
		} catch (error) {
			deliveries.push({
				subscribeId: subscription.subscribeId,
				callbackUrl: subscription.callbackUrl,
				status: 0,
				responseBody: '',
				error: (error as Error).message,
			});
		}
	}
	return deliveries;
}
