import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemContext } from '../shared/hooks';
import { itemParameter, preSend, sendHook } from '../shared/hooks';
import { loftyLoadOptions } from '../shared/loadOptions';
import { extractRecords } from '../shared/pagination';
import { loftyApiCall, loftyRequest } from '../shared/transport';
import { MAX_WEBHOOK_LIMIT, listName } from '../shared/webhookLists';

function refuse(ctx: ItemContext, message: string, description = ''): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex: ctx.getItemIndex(),
		description: `${description}${description ? ' ' : ''}Nothing was sent to Lofty.`,
	});
}

/**
 * Builds the WebhookRequest: the list as a number (the walker has checked it is one of the
 * lists), an absolute http(s) callback URL (Lofty itself refuses anything but HTTPS, and says
 * so), and a limit of 1 to 5000.
 */
export const checkWebhookRequest = preSend(async function (requestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;

	body.listId = Number(String(itemParameter(this, 'listId', '')).trim());

	const callbackUrl = String(itemParameter(this, 'callbackUrl', '')).trim();
	let protocol = '';
	try {
		protocol = new URL(callbackUrl).protocol;
	} catch {
		protocol = '';
	}
	// An empty one is the walker's: "Callback URL" is required.
	if (callbackUrl !== '' && protocol !== 'https:' && protocol !== 'http:') {
		refuse(this, `"Callback URL" must be a URL such as https://example.com/webhook, got "${callbackUrl}"`);
	}
	body.callbackUrl = callbackUrl;

	const limit = Number(itemParameter(this, 'notificationLimit', MAX_WEBHOOK_LIMIT));
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WEBHOOK_LIMIT) {
		refuse(this, `"Notification Limit" must be a whole number from 1 to ${MAX_WEBHOOK_LIMIT}, got "${String(limit)}"`);
	}
	body.limit = limit;

	requestOptions.body = body;
	return requestOptions;
});

/** The answer to a write as one item: Lofty's object, a bare id under `idKey`, or its text. */
function writeOutput(sent: IDataObject, answer: unknown, idKey: string): INodeExecutionData[] {
	const decoded = answer;
	if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)) {
		return [{ json: { ...sent, ...(decoded as IDataObject) } }];
	}
	const text = decoded === undefined || decoded === null ? '' : String(decoded).trim();
	if (/^\d+$/.test(text)) return [{ json: { ...sent, [idKey]: text } }];
	return [{ json: text === '' ? { ...sent, success: true } : { ...sent, success: true, result: text } }];
}

/** Create: the subscription Lofty made (WebhookResponse), or what was sent plus its subscribeId. */
export const createWebhook = sendHook(async function (requestData) {
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this, options, this.getItemIndex());
	return writeOutput({ ...((options.body ?? {}) as IDataObject) }, response.body, 'subscribeId');
});

/** The team's webhook subscriptions, named by list and callback URL. */
async function getWebhooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await loftyApiCall(this, 'GET', '/v1.0/webhooks');
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
