import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import type { PagingOptions } from '../shared/pagination';
import { collectPages } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';

/** Lofty's documented ceiling for a subscription's limit. */
export const MAX_NOTIFICATION_LIMIT = 5000;

/** GET /v1.0/webhooks answers with the whole list: Limit only cuts it. */
export const webhookList: PagingOptions = { style: 'none', pageSize: 1000, records: 'webhooks' };

/** The webhook lists: 1-4 from the reference, 5-12 from newer Lofty docs. */
export const WEBHOOK_LISTS: Array<{ id: number; name: string; scope: string; newer?: boolean }> = [
	{ id: 1, name: 'Agent', scope: 'agents (UserResponse)' },
	{ id: 2, name: 'Lead Information', scope: 'lead details (LeadResponse)' },
	{ id: 3, name: 'Lead Activity', scope: 'lead activities (LeadActivity)' },
	{ id: 4, name: 'Listing Alert', scope: 'listing alerts (Alert)' },
	{ id: 5, name: 'Transaction', scope: 'transactions', newer: true },
	{ id: 6, name: 'Call', scope: 'calls', newer: true },
	{ id: 7, name: 'Email', scope: 'emails', newer: true },
	{ id: 8, name: 'Text', scope: 'text messages', newer: true },
	{ id: 9, name: 'Note', scope: 'notes', newer: true },
	{ id: 10, name: 'Task', scope: 'tasks', newer: true },
	{ id: 11, name: 'Appointment', scope: 'appointments', newer: true },
	{ id: 12, name: 'Pipeline Change', scope: 'pipeline stage changes', newer: true },
];

function refuse(ctx: IExecuteSingleFunctions, message: string, description = ''): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex: ctx.getItemIndex(),
		description: `${description}${description ? ' ' : ''}Nothing was sent to Lofty.`,
	});
}

/**
 * Checks the WebhookRequest before it is sent: a list id, an absolute http(s) callback URL
 * (Lofty itself refuses anything but HTTPS, and says so), and a limit of 1 to 5000.
 */
export async function checkWebhookRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;

	const listId = String(this.getNodeParameter('listId', '') ?? '').trim();
	if (listId === '') refuse(this, '"List" is required');
	if (!/^\d{1,9}$/.test(listId) || Number(listId) < 1) refuse(this, `"List" must be a numeric list ID, got "${listId}"`);
	body.listId = Number(listId);

	const callbackUrl = String(this.getNodeParameter('callbackUrl', '') ?? '').trim();
	if (callbackUrl === '') refuse(this, '"Callback URL" is required');
	let protocol = '';
	try {
		protocol = new URL(callbackUrl).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'https:' && protocol !== 'http:') {
		refuse(this, `"Callback URL" must be a URL such as https://example.com/webhook, got "${callbackUrl}"`);
	}
	body.callbackUrl = callbackUrl;

	const limit = Number(this.getNodeParameter('notificationLimit', MAX_NOTIFICATION_LIMIT));
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NOTIFICATION_LIMIT) {
		refuse(this, `"Notification Limit" must be a whole number from 1 to ${MAX_NOTIFICATION_LIMIT}, got "${String(limit)}"`);
	}
	body.limit = limit;

	requestOptions.body = body;
	return requestOptions;
}

/** The reference types some answers as "string": JSON may arrive encoded inside a JSON string. */
export function decodeJsonText(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('[') && !text.startsWith('{')) return body;
	try {
		return jsonParse(text);
	} catch {
		return body;
	}
}

/** The answer to a write as one item: Lofty's object, a bare id under `idKey`, or its text. */
function writeOutput(sent: IDataObject, answer: unknown, idKey: string): INodeExecutionData[] {
	const decoded = decodeJsonText(answer);
	if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)) {
		return [{ json: { ...sent, ...(decoded as IDataObject) } }];
	}
	const text = decoded === undefined || decoded === null ? '' : String(decoded).trim();
	if (/^\d+$/.test(text)) return [{ json: { ...sent, [idKey]: text } }];
	return [{ json: text === '' ? { ...sent, success: true } : { ...sent, success: true, result: text } }];
}

/** Create: the subscription Lofty made (WebhookResponse), or what was sent plus its subscribeId. */
export async function createWebhook(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this as unknown as LoftyContext, options, this.getItemIndex());
	return writeOutput({ ...((options.body ?? {}) as IDataObject) }, response.body, 'subscribeId');
}

/** Delete: Lofty answers with a bare string or nothing; say which subscription went. */
export async function deleteWebhook(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this as unknown as LoftyContext, options, this.getItemIndex());
	const subscribeId = String(this.getNodeParameter('subscribeId', '')).trim();
	const [item] = writeOutput({ subscribeId }, response.body, 'subscribeId');
	return [{ json: { ...item.json, subscribeId, success: true } }];
}

/** Get Many: one item per subscription, whether the list comes as JSON or as JSON inside a string. */
export async function listWebhooks(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const ctx = this as unknown as LoftyContext;
	const itemIndex = this.getItemIndex();
	const returnAll = this.getNodeParameter('returnAll', true) as boolean;
	const maxResults = returnAll ? undefined : Number(this.getNodeParameter('limit', 50));
	if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1)) {
		throw new NodeOperationError(this.getNode(), `"Limit" must be a whole number of at least 1, got "${String(maxResults)}"`, {
			itemIndex,
			description: 'Nothing was sent to Lofty. Turn on "Return All" to fetch everything.',
		});
	}
	const send = async (options: IHttpRequestOptions) => decodeJsonText((await loftyRequest(ctx, options, itemIndex)).body);
	const records = await collectPages(send, requestData.options as IHttpRequestOptions, webhookList, maxResults);
	return records.map((json) => ({ json }));
}
