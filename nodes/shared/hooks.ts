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
 * What a Lofty routing hook uses of its context, for one item: n8n's RoutingNode hands preSend
 * and pagination functions a per-item context that provides all of it.
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

/** A preSend function (`routing.send.preSend`), typed for the Lofty hooks' context. */
export function preSend(hook: RequestHook): PreSendAction {
	return hook as PreSendAction;
}

/**
 * A send function (`routing.operations.pagination`): it sends the request through the
 * transport and makes the items (see requestWith in routing.ts for why every operation has one).
 */
export function sendHook(hook: SendHook): SendHook {
	return hook;
}

/**
 * A parameter's value as a hook needs it: a record picker (resource locator) gives the id it
 * holds. n8n extracts only for parameters it finds by that name, so plain values are read as they are.
 */
export function parameterValue(ctx: ItemContext, name: string, fallback?: unknown): unknown {
	const value = ctx.getNodeParameter(name, fallback);
	return isRecordPicker(value) ? ctx.getNodeParameter(name, fallback, { extractValue: true }) : value;
}
