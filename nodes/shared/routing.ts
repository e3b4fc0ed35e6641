import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, INodePropertyRouting, PreSendAction } from 'n8n-workflow';

import type { SendHook } from './hooks';
import { itemParameter, preSend } from './hooks';
import { checkedSend } from './fieldRules';
import type { FieldRule } from './input';
import { asObject } from './objects';
import type { PagingOptions } from './pagination';
import { paginate } from './send';
import { splitCommaList } from './text';

/**
 * Builders for the routing of operations and fields, run by n8n's RoutingNode. What a request
 * needs beyond plain values (paths built from parameters, trimming, lists, reshaped collections)
 * is a preSend function: no expression is evaluated for it, per item, in n8n's isolate.
 */

const PLACEHOLDER = /\{(\w+)\}/g;

/** "/v1.0/leads/{leadId}": each {name} becomes that parameter (a record picker's id too), trimmed and URL-encoded. */
const fillPath = preSend(async function (requestOptions) {
	requestOptions.url = requestOptions.url.replace(PLACEHOLDER, (_, name: string) =>
		encodeURIComponent(String(itemParameter(this, name, '') ?? '').trim()),
	);
	return requestOptions;
});

export interface LoftyRequest {
	method: IHttpRequestMethods;
	/** A path under the base URL; {name} stands for the parameter of that name. */
	url: string;
}

/**
 * Routing of an operation: the request, the hooks that shape it (`preSends`, in order), the
 * operation's own field rules (`rules`, beyond those its fields' descriptions give), and the hook
 * that sends it and makes the items (`send`: sendRequest, sendAndEchoId, …).
 */
export function requestWith(
	request: LoftyRequest,
	send: SendHook,
	preSends: PreSendAction[] = [],
	rules: FieldRule[] = [],
): INodePropertyRouting {
	return {
		request,
		// RoutingNode sends a request itself, around nothing, unless a pagination function takes it:
		// every operation, paged or not, is "paginate" so that its request goes through the
		// transport (the credential's rate budget, safe retries, Lofty's errors, exact 64-bit ids).
		send: { paginate: true, preSend: [...(/\{\w+\}/.test(request.url) ? [fillPath] : []), ...preSends] },
		// The walker (fieldRules.ts) checks the request built, then `send` sends it.
		operations: { pagination: checkedSend(send, rules) },
	};
}

/** Routing of a list operation: the paginator of its paging style collects the records. */
export function listRouting(
	request: LoftyRequest,
	paging: PagingOptions,
	preSends: PreSendAction[] = [],
	rules: FieldRule[] = [],
): INodePropertyRouting {
	return requestWith(request, paginate(paging), preSends, rules);
}

/**
 * Sends a field's value to `property` of the body or query, reshaped by `reshape` before the
 * request goes out. `property` may be dotted ("workInfo.title").
 */
export function sendReshaped(
	type: 'body' | 'query',
	property: string,
	reshape: (value: unknown) => unknown,
): INodePropertyRouting {
	const keys = property.split('.');
	const hook = preSend(async function (requestOptions: IHttpRequestOptions) {
		let holder = asObject(type === 'body' ? requestOptions.body : requestOptions.qs);
		for (const key of keys.slice(0, -1)) holder = asObject(holder[key]);
		const last = keys[keys.length - 1];
		if (last in holder) holder[last] = reshape(holder[last]) as IDataObject[string];
		return requestOptions;
	});
	return { send: { type, property, preSend: [hook] } };
}

/** A text or id field, without the spaces an expression may leave around it. */
export const sendTrimmed = (type: 'body' | 'query', property: string) =>
	sendReshaped(type, property, (value) => String(value).trim());

/** A comma-separated field sent as a list ("a, b" → ["a", "b"]). */
export const sendList = (type: 'body' | 'query', property: string) => sendReshaped(type, property, splitCommaList);

/** A comma-separated field sent as tidy comma-separated text ("a, b" → "a,b"). */
export const sendCommaText = (type: 'body' | 'query', property: string) =>
	sendReshaped(type, property, (value) => splitCommaList(value).join(','));

/** The rows of a fixed collection's group (`{row: [...]}` → `[...]`), or an empty list. */
export const sendRows = (type: 'body' | 'query', property: string, group: string) =>
	sendReshaped(type, property, (value) => asObject(value)[group] ?? []);

/** A fixed collection's single group (`{details: {...}}` → `{...}`), or an empty object. */
export const sendGroupFields = (type: 'body' | 'query', property: string, group: string) =>
	sendReshaped(type, property, (value) => asObject(value)[group] ?? {});

/** A fixed collection's single group as it is, absent when the group was not added. */
export const sendGroup = (type: 'body' | 'query', property: string, group: string) =>
	sendReshaped(type, property, (value) => asObject(value)[group]);
