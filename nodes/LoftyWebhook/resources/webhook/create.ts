import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { MAX_WEBHOOK_LIMIT, WEBHOOK_LIST_OPTIONS } from '../../../shared/webhookLists';
import { checkWebhookRequest, createWebhook } from '../../LoftyWebhookFunctions';
import { RESOURCE } from './shared';

/** Body: WebhookRequest, filled by checkWebhookRequest from the fields below. */
export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a webhook',
		description: "Subscribe a callback URL to one of Lofty's event lists",
		routing: requestWith({ method: 'POST', url: '/v1.0/webhook' }, createWebhook, [checkWebhookRequest, additionalBody()]),
	},
	description: forOperation(RESOURCE, 'create', [
		{
			displayName: 'List',
			name: 'listId',
			type: 'options',
			required: true,
			options: WEBHOOK_LIST_OPTIONS,
			default: 2,
			description: 'Event list to subscribe to',
		},
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/lofty',
			description: 'URL Lofty posts the events to; Lofty accepts only HTTPS URLs',
		},
		{
			displayName: 'Notification Limit',
			name: 'notificationLimit',
			type: 'number',
			required: true,
			typeOptions: { minValue: 1, maxValue: MAX_WEBHOOK_LIMIT, numberPrecision: 0 },
			default: MAX_WEBHOOK_LIMIT,
			description: `Most notifications Lofty sends this subscription per 30 minutes (its docs also call it the most events per delivery); at most ${MAX_WEBHOOK_LIMIT}`,
		},
		additionalBodyField('WebhookRequest', undefined),
	]),
};
