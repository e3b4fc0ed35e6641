import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loftyLoadOptions } from '../shared/loadOptions';
import { extractRecords } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyApiCall } from '../shared/transport';
import { WEBHOOK_LISTS, decodeJsonText } from './WebhookFunctions';

/** The team's webhook subscriptions, named by list and callback URL. */
async function getWebhooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = decodeJsonText(await loftyApiCall(this as unknown as LoftyContext, 'GET', '/v1.0/webhooks'));
	return extractRecords(body, 'webhooks')
		.filter((webhook) => webhook.subscribeId !== undefined && webhook.subscribeId !== null)
		.map((webhook) => {
			const list = WEBHOOK_LISTS.find((entry) => entry.id === Number(webhook.listId));
			const listName = list ? list.name : `List ${String(webhook.listId)}`;
			return {
				name: `${listName}: ${String(webhook.callbackUrl ?? '')}`,
				value: String(webhook.subscribeId),
				description: `Subscribe ID ${String(webhook.subscribeId)}`,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The shared dropdowns plus the webhook subscriptions. */
export const webhookMethods = {
	loadOptions: { ...loftyLoadOptions, getWebhooks },
};
