import type {
	DeclarativeRestApiSettings,
	IBinaryData,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
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
	/** The workflow's time zone (n8n's GENERIC_TIMEZONE unless the workflow sets one). */
	getTimezone(): string;
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

/** What the package keeps for one item while RoutingNode runs it. */
interface ItemState {
	/** Parameters already read, by top-level name (see itemParameter). */
	reads: Map<string, unknown>;
	/** Where the operation's fields put their values in the request, for the walker's second pass (fieldRules.ts). */
	placed?: Array<{ property: INodeProperties; place: string }>;
}

const itemStates = new WeakMap<object, ItemState>();

/**
 * The item a context belongs to: RoutingNode hands the send function an `Object.create` of the
 * item's preSend context (with makeRoutingRequest added), so both share one set of reads.
 */
function itemKey(ctx: ItemContext): object {
	return Object.prototype.hasOwnProperty.call(ctx, 'makeRoutingRequest') ? (Object.getPrototypeOf(ctx) as object) : ctx;
}

/** The package's state for the item a context belongs to. */
export function itemStateOf(ctx: ItemContext): ItemState {
	const key = itemKey(ctx);
	let state = itemStates.get(key);
	if (!state) {
		state = { reads: new Map() };
		itemStates.set(key, state);
	}
	return state;
}

/** The value at a dotted path ("email" of a collection's value) of what a parameter holds. */
export function valueAt(value: unknown, path: string[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/**
 * A parameter's value for the item, read from n8n once per item: each top-level parameter is read
 * (its expressions evaluated) the first time a hook, a check or a send function asks for it or
 * for a path inside it ("additionalFields.email"); later asks reuse that value. A record picker
 * (resource locator) gives the id it holds. An absent or null value gives `fallback`.
 */
export function itemParameter(ctx: ItemContext, name: string, fallback?: unknown): unknown {
	const { reads } = itemStateOf(ctx);
	const [top, ...path] = name.split('.');
	if (!reads.has(top)) {
		// null, not undefined: n8n throws for a collection field that was never added unless given a fallback.
		reads.set(top, ctx.getNodeParameter(top, null));
	}
	let value = valueAt(reads.get(top), path);
	// n8n's extractValue gives a picker's value as it is: none of the pickers' modes has an extractValue.
	if (isRecordPicker(value)) value = (value as { value?: unknown }).value;
	return value === undefined || value === null ? fallback : value;
}
