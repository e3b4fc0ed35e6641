import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters } from '../../shared/input';
import { paginate } from '../../shared/pagination';
import { MAX_WEBHOOK_LIMIT, WEBHOOK_LISTS } from '../../shared/webhookLists';
import {
	checkWebhookRequest,
	createWebhook,
	deleteWebhook,
	webhookList,
} from '../WebhookFunctions';
import { apiPath } from '../../shared/values';

const RESOURCE = 'webhook';

const subscribeId = checkParameters([{ parameter: 'subscribeId', label: 'Webhook', check: 'id' }]);

export const webhookOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook',
			description: 'Subscribe a callback URL to one of Lofty\'s event lists',
			routing: {
				request: { method: 'POST', url: '/v1.0/webhook' },
				send: { preSend: [checkWebhookRequest, additionalBody()] },
				operations: { pagination: createWebhook },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a webhook',
			description: 'Remove a webhook subscription',
			routing: {
				request: { method: 'DELETE', url: apiPath('/v1.0/webhook/{subscribeId}') },
				send: { preSend: [subscribeId] },
				operations: { pagination: deleteWebhook },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many webhooks',
			description: 'Get the webhook subscriptions of the team',
			routing: {
				request: { method: 'GET', url: '/v1.0/webhooks' },
				operations: { pagination: paginate(webhookList) },
			},
		},
	],
	'getAll',
);

const listOptions = WEBHOOK_LISTS.map((list) => ({
	name: list.newer ? `${list.name} (Newer)` : list.name,
	value: list.id,
	description: `List ${list.id}: changes to ${list.scope}${list.newer ? '; from newer Lofty docs, not in the API reference' : ''}`,
})).sort((a, b) => a.name.localeCompare(b.name));

export const webhookFields: INodeProperties[] = [
	// Create (body: WebhookRequest)
	{
		displayName: 'List',
		name: 'listId',
		type: 'options',
		required: true,
		options: listOptions,
		default: 2,
		description: 'Event list to subscribe to',
		displayOptions: showFor(RESOURCE, ['create']),
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/lofty',
		description: 'URL Lofty posts the events to; Lofty accepts only HTTPS URLs',
		displayOptions: showFor(RESOURCE, ['create']),
	},
	{
		displayName: 'Notification Limit',
		name: 'notificationLimit',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: MAX_WEBHOOK_LIMIT, numberPrecision: 0 },
		default: MAX_WEBHOOK_LIMIT,
		description: `Most notifications Lofty sends this subscription per 30 minutes (its docs also call it the most events per delivery); at most ${MAX_WEBHOOK_LIMIT}`,
		displayOptions: showFor(RESOURCE, ['create']),
	},

	// Delete
	{
		displayName: 'Webhook Name or ID',
		name: 'subscribeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWebhooks' },
		required: true,
		default: '',
		description:
			'Subscription to remove (its subscribeId). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showFor(RESOURCE, ['delete']),
	},

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], webhookList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
	additionalBodyField('WebhookRequest', showFor(RESOURCE, ['create'])),
];
