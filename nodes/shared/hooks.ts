import type {
	DeclarativeRestApiSettings,
	IBinaryData,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';

import { isRecordPicker } from './objects';
import type { LoftyContext } from './transport';

/**
 * What a Lofty routing hook may use of its context, for one item. n8n's router hands hooks its
 * preSend and pagination contexts, which provide all of it; the Lofty router (executor.ts)
 * builds exactly this and nothing more, so a hook cannot reach a method whose signature differs
 * between n8n's per-node and per-item contexts.
 */
export interface ItemContext extends LoftyContext {
	getItemIndex(): number;
	getNodeParameter(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
	helpers: LoftyContext['helpers'] & {
		/** Stores a file in n8n's binary data store, for an item's `binary` output. */
		prepareBinaryData(binaryData: Buffer, filePath?: string, mimeType?: string): Promise<IBinaryData>;
	};
}

/** Changes the request before it is sent (n8n's `routing.send.preSend`). */
export type RequestHook = (this: ItemContext, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** Sends the request and turns Lofty's answer into items (n8n's `routing.operations.pagination`). */
export type SendHook = (
	this: ItemContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

const requestHooks = new WeakMap<object, RequestHook>();
const sendHooks = new WeakMap<object, SendHook>();

/** A preSend function; the Lofty router runs only hooks declared here. */
export function preSend(hook: RequestHook): PreSendAction {
	requestHooks.set(hook, hook);
	return hook;
}

/** The hook behind a description's preSend, if it was declared with preSend(). */
export function requestHookOf(action: unknown): RequestHook | undefined {
	return typeof action === 'function' ? requestHooks.get(action) : undefined;
}

/**
 * A send function: it sends the request and makes the items. n8n lets a declarative node send a
 * request itself only through `routing.operations.pagination`; routing.ts sets that for each
 * operation, paged or not. The Lofty router runs only hooks declared here.
 */
export function sendHook(hook: SendHook): SendHook {
	sendHooks.set(hook, hook);
	return hook;
}

/** The hook behind a description's pagination function, if it was declared with sendHook(). */
export function sendHookOf(operation: unknown): SendHook | undefined {
	return typeof operation === 'function' ? sendHooks.get(operation) : undefined;
}

/**
 * A parameter's value as a hook needs it: a record picker (resource locator) gives the id it
 * holds. n8n extracts only for parameters it finds by that name, so plain values are read as they are.
 */
export function parameterValue(ctx: ItemContext, name: string, fallback?: unknown): unknown {
	const value = ctx.getNodeParameter(name, fallback);
	return isRecordPicker(value) ? ctx.getNodeParameter(name, fallback, { extractValue: true }) : value;
}
