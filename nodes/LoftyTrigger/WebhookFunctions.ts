import { randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, deepCopy } from 'n8n-workflow';

import { idProblem, idSegment, isId } from '../shared/input';
import { parseLoftyBody } from '../shared/json';
import { extractRecords } from '../shared/pagination';
import { withoutTrailingSlashes } from '../shared/text';
import type { LoftyContext } from '../shared/transport';
import { loftyApiCall } from '../shared/transport';
import { listName, recordKind } from '../shared/webhookLists';

/** The query parameter of the callback URL that carries the trigger's secret. */
export const SECRET_PARAMETER = 'n8nToken';

/** What the trigger keeps in the workflow's static data (it survives restarts). */
export interface TriggerState extends IDataObject {
	secret?: string;
	/** listId -> subscribeId of the subscriptions this trigger owns. */
	subscriptions?: IDataObject;
}

export function stateOf(ctx: IHookFunctions | IWebhookFunctions): TriggerState {
	return ctx.getWorkflowStaticData('node') as TriggerState;
}

export function newSecret(): string {
	return randomBytes(24).toString('hex');
}

/** What newSecret makes. Nothing else is taken as the secret: a value such as "1" is guessable. */
const SECRET_FORM = /^[0-9a-f]{48}$/;

/** n8n's webhook URL without the secret: what identifies this trigger's subscriptions. */
export function baseUrlOf(callbackUrl: string): string {
	return withoutTrailingSlashes(callbackUrl.split('?')[0]);
}

export function callbackUrlFor(webhookUrl: string, secret: string): string {
	const separator = webhookUrl.includes('?') ? '&' : '?';
	return `${webhookUrl}${separator}${SECRET_PARAMETER}=${secret}`;
}

/** The secret a callback URL carries, when it is of the trigger's own form. */
export function secretIn(callbackUrl: string): string | undefined {
	const match = new RegExp(`[?&]${SECRET_PARAMETER}=([^&#]+)`).exec(callbackUrl);
	return match && SECRET_FORM.test(match[1]) ? match[1] : undefined;
}

export function sameSecret(given: unknown, expected: string | undefined): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export interface Subscription {
	subscribeId: string;
	listId: number;
	callbackUrl: string;
}

/** GET /v1.0/webhooks, read in any of the envelopes Lofty may use. */
export async function listSubscriptions(ctx: IHookFunctions): Promise<Subscription[]> {
	const body = await loftyApiCall(ctx as unknown as LoftyContext, 'GET', '/v1.0/webhooks');
	return extractRecords(body, 'webhooks')
		.map((record) => ({
			subscribeId: String(record.subscribeId ?? record.id ?? ''),
			listId: Number(record.listId),
			callbackUrl: String(record.callbackUrl ?? record.url ?? ''),
		}))
		// One whose id is not a Lofty ID cannot be addressed (nor deleted) safely.
		.filter((subscription) => isId(subscription.subscribeId));
}

const CREATE_ERRORS: Record<string, string> = {
	WEBHOOK_CALLBACK_URL_INVALID:
		'Lofty refused the callback URL. Lofty only calls HTTPS URLs that it can reach from the internet: set WEBHOOK_URL to the public https address of this n8n (or expose it through a tunnel) and activate the workflow again. If n8n cannot be reached from the internet, use the Lofty Lead Trigger, which polls instead.',
	WEBHOOK_TYPE_ERROR: 'Lofty does not offer this event list for your account (WEBHOOK_TYPE_ERROR). Remove it from "Events".',
	WEBHOOK_EXCEED_LIMIT:
		'Lofty refused another subscription (WEBHOOK_EXCEED_LIMIT): the account has too many webhooks, or the limit is above 5000. Delete unused subscriptions with the Lofty Webhook node, or lower "Max Events per Callback".',
};

/** POST /v1.0/webhook, with Lofty's create errors turned into advice. */
export async function subscribe(ctx: IHookFunctions, listId: number, callbackUrl: string, limit: number): Promise<string> {
	const body: IDataObject = { listId, callbackUrl, limit };
	let answer: unknown;
	try {
		answer = await loftyApiCall(ctx as unknown as LoftyContext, 'POST', '/v1.0/webhook', { body });
	} catch (error) {
		const text = `${(error as NodeApiError).message ?? ''} ${(error as NodeApiError).description ?? ''}`;
		const known = Object.keys(CREATE_ERRORS).find((code) => text.includes(code));
		if (known) {
			throw new NodeOperationError(ctx.getNode(), CREATE_ERRORS[known], {
				description: `Lofty answered: ${(error as NodeApiError).message}`,
			});
		}
		// Already a NodeApiError with Lofty's message: re-wrapping hands back the same error.
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	const id =
		typeof answer === 'object' && answer !== null
			? ((answer as IDataObject).subscribeId ?? (answer as IDataObject).id ?? (answer as IDataObject).data)
			: answer;
	if (id === undefined || id === null || id === '') {
		throw new NodeOperationError(ctx.getNode(), `Lofty did not return a subscription id for list ${listName(listId)}`);
	}
	return String(id);
}

/** DELETE /v1.0/webhook/{subscribeId}; one Lofty already dropped is not an error. */
export async function unsubscribe(ctx: IHookFunctions, subscribeId: string): Promise<void> {
	const problem = idProblem(subscribeId, 'subscribeId');
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { description: 'Nothing was sent to Lofty.' });
	try {
		await loftyApiCall(ctx as unknown as LoftyContext, 'DELETE', `/v1.0/webhook/${idSegment(subscribeId, 'subscribeId')}`);
	} catch (error) {
		const status = String((error as NodeApiError).httpCode ?? '');
		if (status === '404' || /not (exist|found)/i.test((error as NodeApiError).message ?? '')) return;
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

/**
 * The delivery's body with 64-bit ids exact. n8n has already run JSON.parse over it, which turns
 * lead 9007199254740993 into …992, so the raw bytes n8n keeps on the request are read instead.
 * A body nested deeper than MAX_NESTING gives nothing: n8n could not store its items.
 */
export function deliveryBody(ctx: IWebhookFunctions): unknown {
	const raw = (ctx.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw) && raw.length > 0) {
		let parsed: unknown;
		try {
			parsed = parseLoftyBody(raw.toString('utf8').replace(/^\uFEFF/, ''));
		} catch {
			// The reader throws only for JSON nested too deep (JsonTooDeepError).
			return undefined;
		}
		if (typeof parsed === 'object' && parsed !== null) return parsed;
	}
	return ctx.getBodyData();
}

/**
 * Turns a Lofty delivery into events: a batch such as {updatedLead: [{leadId}, …]} gives one
 * event per entry; a single record gives one event. Anything else gives none. An event without a
 * listId takes `fallbackListId`.
 */
export function eventsOf(body: unknown, fallbackListId?: number): IDataObject[] {
	if (typeof body !== 'object' || body === null) return [];
	const payloads = Array.isArray(body) ? body : [body];
	const events: IDataObject[] = [];
	for (const payload of payloads) {
		if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) continue;
		const envelope = payload as IDataObject;
		const listId = Number(envelope.listId ?? fallbackListId);
		const common: IDataObject = {};
		for (const key of ['teamId', 'listId', 'eventType', 'timestamp']) {
			if (envelope[key] !== undefined) common[key] = envelope[key];
		}
		const batches = Object.entries(envelope).filter(
			([, value]) => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'object' && entry !== null),
		);
		const name = Number.isFinite(listId) ? listName(listId) : 'Unknown';
		if (batches.length) {
			for (const [batch, entries] of batches) {
				for (const entry of entries as IDataObject[]) {
					events.push({ ...common, listId: Number.isFinite(listId) ? listId : null, event: name, batch, ...entry });
				}
			}
		} else if (Object.keys(envelope).some((key) => !(key in common))) {
			events.push({ ...envelope, listId: Number.isFinite(listId) ? listId : null, event: name });
		}
	}
	return events;
}

/**
 * How long one delivery's records may take to fetch in all. Past it the remaining events go on
 * without their record, so a tight rate limit cannot hold a batch back for hours.
 */
export const MAX_FETCH_MS = 10 * 60_000;

/** Lofty's status and message for a record that could not be fetched. */
function fetchProblem(error: unknown): string {
	const { message, httpCode } = error as { message?: string; httpCode?: string };
	const text = message || 'the request failed';
	return httpCode ? `Lofty answered HTTP ${httpCode}: ${text}` : text;
}

/** The path of the lead or agent an event names, or why it cannot be fetched. */
function recordPathOf(event: IDataObject): { path?: string; problem?: string } {
	const kind = recordKind(event.listId);
	const [name, id, base] =
		kind === 'lead'
			? ['leadId', event.leadId, '/v1.0/leads/']
			: kind === 'agent'
				? [event.userId === undefined ? 'agentId' : 'userId', event.userId ?? event.agentId, '/v1.0/users/']
				: [];
	if (!name || id === undefined) return {};
	const problem = idProblem(id, name);
	if (problem) return { problem: `${problem}; the record was not fetched` };
	return { path: `${base}${idSegment(id, name)}` };
}

/**
 * For "Fetch Full Record": adds to each event `record` (the lead or agent it names, fetched from
 * Lofty) or `recordError` (Lofty's status and message, or why nothing was sent). A failure is
 * that event's alone. A delivery may name any id, such as "1/../../users/x": one that is not a
 * Lofty ID is refused and nothing is sent for it. A record several events name is fetched once.
 */
export async function addFullRecords(ctx: IWebhookFunctions, events: IDataObject[]): Promise<void> {
	const fetched = new Map<string, IDataObject>();
	const deadline = Date.now() + MAX_FETCH_MS;
	for (const event of events) {
		const { path, problem } = recordPathOf(event);
		if (problem) event.recordError = problem;
		if (!path) continue;
		let outcome = fetched.get(path);
		if (!outcome) {
			if (Date.now() > deadline) {
				outcome = { recordError: `Not fetched: this delivery's records took longer than ${MAX_FETCH_MS / 60_000} minutes to fetch` };
			} else {
				try {
					outcome = { record: (await loftyApiCall(ctx as unknown as LoftyContext, 'GET', path)) as IDataObject };
				} catch (error) {
					outcome = { recordError: fetchProblem(error) };
				}
			}
			fetched.set(path, outcome);
			Object.assign(event, outcome);
		} else {
			// Items are not to share objects: a later node may change one.
			Object.assign(event, deepCopy(outcome));
		}
	}
}
