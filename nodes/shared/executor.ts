import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError, deepCopy, sleep } from 'n8n-workflow';

import type { ItemContext, RequestHook, SendHook } from './hooks';
import { requestHookOf, sendHookOf } from './hooks';
import { isRecordPicker } from './objects';

/**
 * Runs the routing written in a Lofty node's description as the node's customOperations.
 *
 * Why not n8n's own RoutingNode: in n8n 2.x it evaluates every parameter expression about four
 * times per item, in an isolate; on the same expression-free descriptions it costs more than
 * the HTTP Request node does (bench/results.md, case 3). Here each parameter is read once per
 * item. The router reads a narrow part of what n8n's reads, the part these descriptions use, and
 * refuses at load any description that needs more (`routingProblems`).
 */
export function routedOperations(description: INodeTypeDescription): NonNullable<INodeType['customOperations']> {
	const problems = routingProblems(description);
	if (problems.length) {
		throw new Error(`The Lofty router cannot run the description of ${description.displayName}:\n- ${problems.join('\n- ')}`);
	}
	const run = routedOperation(description);
	const operations: NonNullable<INodeType['customOperations']> = {};
	for (const property of description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			operations[resource] ??= {};
			for (const option of (property.options ?? []) as INodePropertyOptions[]) operations[resource][String(option.value)] = run;
		}
	}
	return operations;
}

const VALUE = '={{$value}}';
const SEND_KEYS = new Set(['type', 'property', 'value', 'paginate', 'preSend', 'propertyInDotNotation']);
const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Paths ("qs.leadId") of every expression inside a value. */
function expressionsIn(value: unknown, path: string): string[] {
	if (isExpression(value)) return [path];
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, entry]) => expressionsIn(entry, path ? `${path}.${key}` : key));
}

/**
 * What in a description the Lofty router would not run as n8n's router does: any expression in
 * requestDefaults or request values, a send value other than `$value`, a maxResults other than
 * `$value`, postReceive, node-level requestOperations, hooks not declared in hooks.ts, and an
 * operation with no send hook. Empty when the router can run it all.
 */
export function routingProblems(description: INodeTypeDescription): string[] {
	const problems = expressionsIn(description.requestDefaults ?? {}, '').map((path) => `requestDefaults.${path} is an expression`);
	if (description.requestOperations) problems.push('requestOperations is set for the whole node; each operation names its own send hook');

	const visit = (property: INodeProperties | INodePropertyOptions, at: string) => {
		const name = `${at}${property.name}`;
		const { routing } = property;
		if (routing) {
			for (const path of expressionsIn(routing.request ?? {}, 'request')) problems.push(`${name}: routing.${path} is an expression`);
			const send = routing.send ?? {};
			for (const key of Object.keys(send)) if (!SEND_KEYS.has(key)) problems.push(`${name}: routing.send.${key} is not run`);
			if (isExpression(send.property)) problems.push(`${name}: routing.send.property is an expression`);
			if (send.value !== undefined && send.value !== VALUE) problems.push(`${name}: routing.send.value is an expression other than $value`);
			if (send.paginate !== undefined && typeof send.paginate !== 'boolean') problems.push(`${name}: routing.send.paginate is not true or false`);
			for (const action of send.preSend ?? []) {
				if (!requestHookOf(action)) problems.push(`${name}: a preSend was not declared with preSend() (hooks.ts)`);
			}
			const output = routing.output ?? {};
			if (output.postReceive?.length) problems.push(`${name}: routing.output.postReceive is not run`);
			if (output.maxResults !== undefined && output.maxResults !== VALUE) problems.push(`${name}: routing.output.maxResults is not $value`);
			for (const [key, operation] of Object.entries(routing.operations ?? {})) {
				if (key !== 'pagination') problems.push(`${name}: routing.operations.${key} is not run`);
				else if (!sendHookOf(operation)) problems.push(`${name}: the send function was not declared with sendHook() (hooks.ts)`);
			}
		}
		if (!('type' in property)) return;
		if (property.name === 'operation' && property.type === 'options') {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (!option.routing?.operations?.pagination) problems.push(`operation "${String(option.value)}" names no send hook`);
			}
		}
		for (const option of (property.options ?? []) as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>) {
			if ('values' in option) option.values.forEach((field) => visit(field, `${name}.${option.name}.`));
			else visit(option, `${name}.`);
		}
	};
	description.properties.forEach((property) => visit(property, ''));
	return problems;
}

interface NodeRequestOptions {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	timeout?: number;
	proxy?: string;
	allowUnauthorizedCerts?: boolean;
}

function routedOperation(description: INodeTypeDescription) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const requestOptions = this.getNodeParameter('requestOptions', 0, {}) as NodeRequestOptions;
		const batchSize = Number(requestOptions.batching?.batch?.batchSize ?? 0);
		const batchInterval = Number(requestOptions.batching?.batch?.batchInterval ?? 0);
		// Like n8n's router, every item starts at once (the shared throttle paces the requests),
		// unless the node's Batching option spaces them.
		const runs: Array<Promise<INodeExecutionData[]>> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (itemIndex > 0 && batchSize > 0 && batchInterval > 0 && itemIndex % batchSize === 0) {
				await sleep(batchInterval, this.getExecutionCancelSignal());
			}
			runs.push(runItem(this, description, itemIndex, requestOptions));
		}
		const settled = await Promise.allSettled(runs);
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, result] of settled.entries()) {
			if (result.status === 'fulfilled') {
				for (const item of result.value) output.push({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } });
				continue;
			}
			const error = asNodeError(this, result.reason, itemIndex);
			if (!this.continueOnFail()) throw error;
			output.push({ json: {}, error, pairedItem: { item: itemIndex } });
		}
		return [output];
	};
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : new Error(String(error)), { itemIndex });
}

/** One item's request as the routing builds it: options, hooks, the send hook and Limit. */
interface ItemRequest {
	options: IHttpRequestOptions;
	preSend: RequestHook[];
	send?: SendHook;
	maxResults?: number;
}

async function runItem(
	ctx: IExecuteFunctions,
	description: INodeTypeDescription,
	itemIndex: number,
	nodeOptions: NodeRequestOptions,
): Promise<INodeExecutionData[]> {
	const item = itemContext(ctx, itemIndex);
	const request: ItemRequest = {
		options: { url: '', qs: {}, body: {}, headers: {}, ...(deepCopy(description.requestDefaults ?? {}) as IDataObject) },
		preSend: [],
	};
	const route = new Router(item, description);
	for (const property of description.properties) route.property(request, property, '');

	request.options.timeout = nodeOptions.timeout || 300_000;
	if (nodeOptions.allowUnauthorizedCerts) request.options.skipSslCertificateValidation = true;
	if (nodeOptions.proxy) request.options.proxy = proxyOf(ctx, nodeOptions.proxy, itemIndex);

	for (const hook of request.preSend) request.options = await hook.call(item, request.options);
	if (!request.send) throw new NodeOperationError(ctx.getNode(), 'This operation names no send hook', { itemIndex });
	const requestData: DeclarativeRestApiSettings.ResultOptions = {
		options: request.options,
		preSend: [],
		postReceive: [],
		requestOperations: {},
		maxResults: request.maxResults,
	};
	const records = await request.send.call(item, requestData);
	return request.maxResults !== undefined ? records.slice(0, request.maxResults) : records;
}

function proxyOf(ctx: IExecuteFunctions, proxy: string, itemIndex: number): IHttpRequestOptions['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy);
	} catch {
		// The proxy URL may hold a password: it is not repeated in the error.
		throw new NodeOperationError(ctx.getNode(), 'The proxy is not valid', {
			itemIndex,
			description: 'Use a URL such as http://proxy.example.com:8080. Nothing was sent to Lofty.',
		});
	}
	const protocol = url.protocol.replace(/:$/, '');
	return {
		host: url.hostname,
		port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
		protocol,
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}

/**
 * The item's context: exactly ItemContext, with this item's index bound, and each parameter
 * evaluated once however often the routing, the checks and the send hook read it.
 */
function itemContext(ctx: IExecuteFunctions, itemIndex: number): ItemContext {
	const values = new Map<string, unknown>();
	return {
		getNode: () => ctx.getNode(),
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) => {
			// A parameter that is not set gives the caller's fallback, and is not kept.
			if (NodeHelpers.getParameterValueByPath(ctx.getNode().parameters, name, '') === undefined) {
				return ctx.getNodeParameter(name, itemIndex, fallback as never, options);
			}
			if (!values.has(name)) values.set(name, ctx.getNodeParameter(name, itemIndex, fallback as never));
			let value = values.get(name);
			// Only a record picker's value changes when its id is extracted: read that once more, once.
			if (options?.extractValue && isRecordPicker(value)) {
				const key = `${name}\u0000id`;
				if (!values.has(key)) values.set(key, ctx.getNodeParameter(name, itemIndex, fallback as never, { extractValue: true }));
				value = values.get(key);
			}
			// Callers may change what they get; the kept value stays as n8n returned it.
			return typeof value === 'object' && value !== null ? deepCopy(value) : value;
		},
		getCredentials: async <T extends object = IDataObject>(type: string) => await ctx.getCredentials<T>(type, itemIndex),
		helpers: {
			httpRequestWithAuthentication: async (credentialsType: string, requestOptions: IHttpRequestOptions) =>
				await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialsType, requestOptions),
			prepareBinaryData: async (binaryData: Buffer, filePath?: string, mimeType?: string) =>
				await ctx.helpers.prepareBinaryData(binaryData, filePath, mimeType),
		},
		getExecutionCancelSignal: () => ctx.getExecutionCancelSignal(),
		getExecuteData: () => ctx.getExecuteData(),
	};
}

/** Reads a node's description the way n8n's router does, for one item (the part routingProblems allows). */
class Router {
	constructor(
		private readonly item: ItemContext,
		private readonly description: INodeTypeDescription,
	) {}

	property(request: ItemRequest, property: INodeProperties | INodePropertyOptions, path: string): void {
		const node = this.item.getNode();
		if (!NodeHelpers.displayParameter(node.parameters, property as INodeProperties, node, this.description, node.parameters)) return;
		const name = `${path}${property.name}`;
		const { routing } = property;
		if (routing) {
			// A record picker gives its id, as n8n's router reads it (extractValue).
			const extractValue = 'type' in property && (property.extractValue !== undefined || property.type === 'resourceLocator');
			const value = 'type' in property ? this.item.getNodeParameter(name, undefined, { extractValue }) : undefined;
			for (const [key, entry] of Object.entries(routing.request ?? {})) {
				const options = request.options as unknown as IDataObject;
				// Objects (qs, body, headers) merge with what is there, as n8n's router merges them.
				if (isContainer(entry) && isContainer(options[key])) mergeInto(options[key] as IDataObject, deepCopy(entry));
				else options[key] = isContainer(entry) ? deepCopy(entry) : (entry as IDataObject[string]);
			}
			const send = routing.send;
			if (send?.property !== undefined) {
				const target = (send.type === 'body' ? (request.options.body ??= {}) : (request.options.qs ??= {})) as IDataObject;
				const fragment: IDataObject = {};
				setPath(fragment, send.property, value, send.propertyInDotNotation !== false);
				mergeInto(target, fragment);
			}
			for (const action of send?.preSend ?? []) request.preSend.push(requestHookOf(action) as RequestHook);
			if (routing.output?.maxResults !== undefined && value !== undefined && value !== '') request.maxResults = Number(value);
			const sendHook = routing.operations?.pagination;
			if (sendHook) request.send = sendHookOf(sendHook);
		}
		if ('options' in property && property.options) this.nested(request, property as INodeProperties, path);
	}

	/** Options, collections and fixed collections, as n8n's router walks them. */
	private nested(request: ItemRequest, property: INodeProperties, path: string): void {
		const parameters = this.item.getNode().parameters;
		const name = `${path}${property.name}`;
		if (property.type === 'options') {
			const chosen = NodeHelpers.getParameterValueByPath(parameters, property.name, path.slice(0, -1));
			const option = (property.options as INodePropertyOptions[]).find((entry) => entry.value === chosen);
			if (option) this.property(request, option, `${name}.`);
		} else if (property.type === 'collection') {
			const value = (NodeHelpers.getParameterValueByPath(parameters, property.name, path.slice(0, -1)) ?? {}) as IDataObject;
			for (const option of property.options as INodeProperties[]) {
				if ('type' in option && option.name in value) this.property(request, option, `${name}.`);
			}
		} else if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				const entries = NodeHelpers.getParameterValueByPath(parameters, group.name, name);
				if (entries === undefined || !group.values.some((field) => field.routing)) continue;
				const count = Array.isArray(entries) ? entries.length : 1;
				for (let i = 0; i < count; i++) {
					const at = property.typeOptions?.multipleValues ? `${name}.${group.name}[${i}].` : `${name}.${group.name}.`;
					for (const field of group.values) this.property(request, field, at);
				}
			}
		}
	}
}

const isContainer = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Buffer.isBuffer(value);

const UNSAFE_KEYS = new Set(['__proto__', 'constructor']);

/**
 * Deep-merges one field's part of the body into the body, as n8n's router merges each field's
 * options (lodash merge): "workInfo" and "workInfo.personalAttachments" both survive.
 */
function mergeInto(target: IDataObject, source: IDataObject): void {
	for (const [key, value] of Object.entries(source)) {
		// A value from an expression may hold these keys; merged, they would reach Object.prototype.
		if (UNSAFE_KEYS.has(key)) continue;
		if (value === undefined && key in target) continue;
		const existing = target[key];
		if (isContainer(value) && isContainer(existing) && Array.isArray(value) === Array.isArray(existing)) {
			mergeInto(existing, value);
		} else {
			target[key] = isContainer(value) ? (deepCopy(value) as IDataObject[string]) : (value as IDataObject[string]);
		}
	}
}

/** Sets `value` at a dotted path ("workInfo.title"), as n8n's router does for `send.property`. */
function setPath(target: IDataObject, path: string, value: unknown, dotted: boolean): void {
	const keys = dotted ? path.split('.') : [path];
	let holder = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof holder[key] !== 'object' || holder[key] === null) holder[key] = {};
		holder = holder[key] as IDataObject;
	}
	holder[keys[keys.length - 1]] = value as IDataObject[string];
}
