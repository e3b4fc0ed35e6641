/**
 * Opportunity (reference 5.17): POST /v1.0/agent/send-notification.
 *
 * Chosen where the reference is silent:
 * - leadId and message are required; the lead must exist and not be in the trash;
 * - the notification goes to the lead's assigned agent (the body names no recipient);
 * - description and link are stored as sent; `detailShown` records whether both came,
 *   the only case in which the reference says they show;
 * - the answer is the bare JSON string "success".
 */
import type { FakeLoftyData } from './data';
import type { Router } from './router';
import { badRequest, leadNotFound } from './errors';
import { bodyObject, optInt, optStr } from './validate';

export const NOTIFICATION_ID_BASE = 8_500_000;

/** One OpportunityNotificationRequest (6.61) as received. */
export interface OpportunityNotificationRecord {
	id: number;
	leadId: number;
	/** The lead's assigned agent when the notification came in. */
	agentId: number | null;
	message: string;
	notificationType: number | null;
	description: string | null;
	link: string | null;
	detailShown: boolean;
	time: number;
}

export interface OpportunityStore {
	notifications: OpportunityNotificationRecord[];
	nextId: number;
}

const NOTIFICATION_FIELDS = new Set(['description', 'leadId', 'link', 'message', 'notificationType']);

const stores = new WeakMap<FakeLoftyData, OpportunityStore>();

/** The notifications one fake server received. */
export function opportunityOf(data: FakeLoftyData): OpportunityStore {
	let store = stores.get(data);
	if (!store) {
		store = { notifications: [], nextId: NOTIFICATION_ID_BASE + 1 };
		stores.set(data, store);
	}
	return store;
}

export function registerOpportunityRoutes(router: Router): void {
	/** 5.17.1 POST /v1.0/agent/send-notification (OpportunityNotificationRequest) → "success". */
	router.post('/v1.0/agent/send-notification', (ctx) => {
		const body = bodyObject(ctx.body, 'opportunityNotificationRequest');
		for (const key of Object.keys(body)) {
			if (!NOTIFICATION_FIELDS.has(key)) {
				throw badRequest(
					`JSON parse error: Unrecognized field "${key}" (class OpportunityNotificationRequest), not marked as ignorable`,
				);
			}
		}
		const leadId = optInt(body, 'leadId');
		if (leadId === undefined) throw badRequest('leadId is required');
		const lead = ctx.data.leads.get(leadId);
		if (!lead || lead.deleted) throw leadNotFound();
		const message = optStr(body, 'message');
		if (message === undefined || message.trim() === '') throw badRequest('message is required');
		const notificationType = optInt(body, 'notificationType');
		const description = optStr(body, 'description') ?? null;
		const link = optStr(body, 'link') ?? null;
		if (link !== null && link !== '' && !/^https?:\/\/\S+$/i.test(link)) throw badRequest(`link is not a valid URL: '${link}'`);
		const store = opportunityOf(ctx.data);
		store.notifications.push({
			id: store.nextId++,
			leadId,
			agentId: lead.assignedUserId ?? null,
			message,
			notificationType: notificationType ?? null,
			description,
			link,
			detailShown: Boolean(description && link),
			time: ctx.data.now(),
		});
		return { body: 'success' };
	});
}
