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
import {
	baseUrlOf,
	callbackUrlFor,
	eventsOf,
	fullRecordOf,
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

function chosenLists(ctx: IHookFunctions): number[] {
	return [...new Set((ctx.getNodeParameter('events', []) as Array<number | string>).map(Number))].sort((a, b) => a - b);
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
			/** True when every chosen list has a live subscription to this workflow's URL; re-adopts forgotten ones. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const url = baseUrlOf(this.getNodeWebhookUrl('default') as string);
				const live = (await listSubscriptions(this)).filter((sub) => baseUrlOf(sub.callbackUrl) === url);
				const owned: IDataObject = {};
				for (const listId of chosenLists(this)) {
					const known = state.subscriptions?.[listId];
					const match = live.find((sub) => sub.listId === listId && String(sub.subscribeId) === String(known)) ?? live.find((sub) => sub.listId === listId);
					if (!match) return false;
					owned[listId] = match.subscribeId;
					// A subscription from before static data was lost carries the secret it was made with.
					state.secret ??= secretIn(match.callbackUrl);
				}
				state.subscriptions = owned;
				return state.secret !== undefined;
			},

			/** Subscribes every chosen list that has no subscription yet (never a second one). */
			async create(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const url = baseUrlOf(webhookUrl);
				const live = (await listSubscriptions(this)).filter((sub) => baseUrlOf(sub.callbackUrl) === url);
				state.secret ??= live.map((sub) => secretIn(sub.callbackUrl)).find(Boolean) ?? newSecret();
				const callbackUrl = callbackUrlFor(webhookUrl, state.secret);
				const limit = (this.getNodeParameter('options.eventsPerCallback', MAX_WEBHOOK_LIMIT) as number) || MAX_WEBHOOK_LIMIT;
				const owned: IDataObject = {};
				for (const listId of chosenLists(this)) {
					const existing = live.find((sub) => sub.listId === listId && sub.callbackUrl === callbackUrl);
					owned[listId] = existing ? existing.subscribeId : await subscribe(this, listId, callbackUrl, limit);
					state.subscriptions = { ...owned };
				}
				return true;
			},

			/** Removes this trigger's subscriptions; ones Lofty already dropped are fine. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const url = baseUrlOf(this.getNodeWebhookUrl('default') as string);
				const ids = new Set(Object.values(state.subscriptions ?? {}).map(String));
				for (const sub of await listSubscriptions(this)) {
					if (baseUrlOf(sub.callbackUrl) === url) ids.add(sub.subscribeId);
				}
				for (const id of ids) await unsubscribe(this, id);
				delete state.subscriptions;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as IDataObject;
		const query = this.getQueryData() as IDataObject;
		if (!sameSecret(query[SECRET_PARAMETER], state.secret as string | undefined)) {
			const response = this.getResponseObject();
			response.status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const events = eventsOf(this.getBodyData());
		// Malformed or empty deliveries are acknowledged (200) so Lofty does not retry them forever.
		if (events.length === 0) return {};
		const fetchFullRecord = this.getNodeParameter('options.fetchFullRecord', false) as boolean;
		const items: INodeExecutionData[] = [];
		for (const event of events) {
			const json: IDataObject = { ...event };
			if (fetchFullRecord) Object.assign(json, await fullRecordOf(this, event));
			items.push({ json });
		}
		return { workflowData: [items] };
	}
}
