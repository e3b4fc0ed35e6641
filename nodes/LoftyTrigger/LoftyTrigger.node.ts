import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, loftyCredentials } from '../shared/descriptions';
import { MAX_WEBHOOK_LIMIT, WEBHOOK_LIST_OPTIONS } from '../shared/webhookLists';
import type { Subscription } from './WebhookFunctions';
import {
	addFullRecords,
	baseUrlOf,
	callbackUrlFor,
	deliveryBody,
	eventsOf,
	listSubscriptions,
	newSecret,
	SECRET_PARAMETER,
	sameSecret,
	secretIn,
	stateOf,
	subscribe,
	unsubscribe,
} from './WebhookFunctions';

const MAIN_OUTPUT = [NodeConnectionTypes.Main];

function chosenLists(ctx: IHookFunctions | IWebhookFunctions): number[] {
	return [...new Set((ctx.getNodeParameter('events', []) as Array<number | string>).map(Number))].sort((a, b) => a - b);
}

/** This trigger's subscriptions in Lofty: the ones whose callback is n8n's URL for this node. */
async function subscriptionsTo(ctx: IHookFunctions, webhookUrl: string): Promise<Subscription[]> {
	const url = baseUrlOf(webhookUrl);
	return (await listSubscriptions(ctx)).filter((sub) => baseUrlOf(sub.callbackUrl) === url);
}

/** Whether a subscription's deliveries carry the secret the trigger checks. */
function carries(sub: Subscription, secret: string | undefined): boolean {
	return sameSecret(secretIn(sub.callbackUrl), secret);
}

export class LoftyTrigger implements INodeType {
	description: INodeTypeDescription = {
		// n8n's node panel drops " Trigger": the entry reads "Lofty Events", not a bare "Lofty".
		displayName: 'Lofty Events Trigger',
		name: 'loftyTrigger',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " event list(s)" }}',
		description:
			'Starts the workflow when Lofty sends an event by webhook: a lead created or changed, an activity, call, email, text, note, task, appointment or transaction, an agent change or a listing alert',
		defaults: { name: 'Lofty Events Trigger' },
		inputs: [],
		outputs: MAIN_OUTPUT,
		credentials: loftyCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [2],
				description: 'Lofty event lists to subscribe to; each becomes one Lofty webhook subscription',
				options: WEBHOOK_LIST_OPTIONS,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Record',
						name: 'fetchFullRecord',
						type: 'boolean',
						default: false,
						description: 'Whether to fetch the whole lead or agent each event names and add it as "record"',
					},
					{
						displayName: 'Max Events per Callback',
						name: 'eventsPerCallback',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_WEBHOOK_LIMIT },
						default: MAX_WEBHOOK_LIMIT,
						description:
							'Lofty documents this both as events per callback and as notifications per 30 minutes; the default is its maximum, 5000',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** True when every chosen list has a live subscription carrying the secret; re-adopts forgotten ones. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const live = await subscriptionsTo(this, this.getNodeWebhookUrl('default') as string);
				// Subscriptions from before static data was lost carry the secret they were made with.
				state.secret ??= live.map((sub) => secretIn(sub.callbackUrl)).find(Boolean);
				if (state.secret === undefined) return false;
				const owned: IDataObject = {};
				for (const listId of chosenLists(this)) {
					const known = state.subscriptions?.[listId];
					const candidates = live.filter((sub) => sub.listId === listId && carries(sub, state.secret));
					const match = candidates.find((sub) => String(sub.subscribeId) === String(known)) ?? candidates[0];
					if (!match) return false;
					owned[listId] = match.subscribeId;
				}
				state.subscriptions = owned;
				return true;
			},

			/**
			 * Subscribes every chosen list that has no subscription yet (never a second one), then
			 * removes this URL's other subscriptions: without the secret they only meet 401s.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const live = await subscriptionsTo(this, webhookUrl);
				state.secret ??= live.map((sub) => secretIn(sub.callbackUrl)).find(Boolean) ?? newSecret();
				const callbackUrl = callbackUrlFor(webhookUrl, state.secret);
				const limit = (this.getNodeParameter('options.eventsPerCallback', MAX_WEBHOOK_LIMIT) as number) || MAX_WEBHOOK_LIMIT;
				const owned: IDataObject = {};
				for (const listId of chosenLists(this)) {
					const existing = live.find((sub) => sub.listId === listId && carries(sub, state.secret));
					owned[listId] = existing ? existing.subscribeId : await subscribe(this, listId, callbackUrl, limit);
					state.subscriptions = { ...owned };
				}
				const kept = new Set(Object.values(owned).map(String));
				for (const sub of live) {
					if (kept.has(String(sub.subscribeId))) continue;
					try {
						await unsubscribe(this, sub.subscribeId);
					} catch (error) {
						// Tidying only: the trigger works without it, and deactivation deletes it again.
						this.logger.warn(`Lofty Trigger: could not delete the stale subscription ${sub.subscribeId}: ${(error as Error).message}`);
					}
				}
				return true;
			},

			/** Removes this trigger's subscriptions (ones Lofty already dropped are fine) and forgets the secret. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const ids = new Set(Object.values(state.subscriptions ?? {}).map(String));
				for (const sub of await subscriptionsTo(this, this.getNodeWebhookUrl('default') as string)) ids.add(sub.subscribeId);
				for (const id of ids) await unsubscribe(this, id);
				delete state.subscriptions;
				// The next activation makes a new secret: a URL seen before stops working.
				delete state.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = stateOf(this);
		const query = this.getQueryData() as IDataObject;
		if (!sameSecret(query[SECRET_PARAMETER], state.secret)) {
			const response = this.getResponseObject();
			response.status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const lists = chosenLists(this);
		// Events of lists this trigger did not subscribe to are acknowledged and dropped.
		const events = eventsOf(deliveryBody(this), lists.length === 1 ? lists[0] : undefined).filter(
			(event) => event.listId === null || lists.includes(Number(event.listId)),
		);
		// Malformed or empty deliveries are acknowledged (200) so Lofty does not retry them forever.
		if (events.length === 0) return {};
		if (!(this.getNodeParameter('options.fetchFullRecord', false) as boolean)) {
			return { workflowData: [events.map((json) => ({ json }))] };
		}
		// Lofty is answered before any record is fetched: fetching waits on Lofty's rate limit,
		// and a delivery held past the sender's timeout is lost or sent again.
		this.getResponseObject().status(200).json({ message: 'Workflow was started' });
		await addFullRecords(this, events);
		const items: INodeExecutionData[] = events.map((json) => ({ json }));
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
