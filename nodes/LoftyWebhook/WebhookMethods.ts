import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loftyLoadOptions } from '../shared/loadOptions';
import { extractRecords } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyApiCall } from '../shared/transport';
import { listName } from '../shared/webhookLists';

/** The team's webhook subscriptions, named by list and callback URL. */
async function getWebhooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await loftyApiCall(this as unknown as LoftyContext, 'GET', '/v1.0/webhooks');
	return extractRecords(body, 'webhooks')
		.filter((webhook) => webhook.subscribeId !== undefined && webhook.subscribeId !== null)
		.map((webhook) => {
			return {
				name: `${listName(webhook.listId)}: ${String(webhook.callbackUrl ?? '')}`,
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
