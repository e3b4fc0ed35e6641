import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError, deepCopy, sleep } from 'n8n-workflow';

import { apiPathOf, valueTransformOf } from './values';

/**
 * Runs the routing written in a Lofty node's description (`requestDefaults`, `routing.request`,
 * `routing.send`, `routing.output.maxResults`, `routing.operations`) as the node's
 * customOperations.
 *
 * Why not n8n's own router: in n8n 2.x it evaluates every parameter expression four times per
 * item (twice while resolving the base URL, twice while building the request), in an isolate,
 * which made a 2,000-item create cost twice the HTTP Request node. Here each parameter is read
 * once per item, and `send.value` transforms run as plain functions (see values.ts).
 */
export function routedOperations(description: INodeTypeDescription): NonNullable<INodeType['customOperations']> {
	const run = routedOperation(description);
	const operations: NonNullable<INodeType['customOperations']> = {};
	for (const property of description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources) {
			operations[resource] ??= {};
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				operations[resource][String(option.value)] = run;
			}
		}
	}
	return operations;
}

type RequestData = DeclarativeRestApiSettings.ResultOptions;

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

async function runItem(
	ctx: IExecuteFunctions,
	description: INodeTypeDescription,
	itemIndex: number,
	nodeOptions: NodeRequestOptions,
): Promise<INodeExecutionData[]> {
	const item = itemContext(ctx, itemIndex);
	const requestData: RequestData = {
		options: { qs: {}, body: {}, headers: {} } as IHttpRequestOptions,
		preSend: [],
		postReceive: [],
		requestOperations: { ...(description.requestOperations ?? {}) },
	};
	for (const [key, value] of Object.entries(description.requestDefaults ?? {})) {
		(requestData.options as unknown as IDataObject)[key] = deepCopy(value as IDataObject);
	}
	const route = new Router(item, description);
	for (const property of description.properties) route.property(requestData, property, '');

	requestData.options.timeout = nodeOptions.timeout || 300_000;
	if (nodeOptions.allowUnauthorizedCerts) requestData.options.skipSslCertificateValidation = true;
	if (nodeOptions.proxy) requestData.options.proxy = proxyOf(ctx, nodeOptions.proxy, itemIndex);

	for (const preSend of requestData.preSend) {
		requestData.options = await preSend.call(item, requestData.options as IHttpRequestOptions);
	}
	const send = requestData.requestOperations?.pagination;
	if (typeof send !== 'function') {
		throw new NodeOperationError(ctx.getNode(), 'This operation has no request function', { itemIndex });
	}
	const records = await send.call(item as never, requestData);
	return requestData.maxResults ? records.slice(0, Number(requestData.maxResults)) : records;
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
 * The item's function context: n8n's execute context with this item's index bound, and each
 * parameter evaluated once however often the routing, the checks and the paginator read it.
 */
function itemContext(ctx: IExecuteFunctions, itemIndex: number): IExecuteSingleFunctions {
	const values = new Map<string, unknown>();
	const bound = {
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown, options?: IDataObject) => {
			const key = `${name}\u0000${options?.extractValue === true}`;
			if (!values.has(key)) {
				// A parameter that is not set gives the caller's fallback, and is not kept.
				if (NodeHelpers.getParameterValueByPath(ctx.getNode().parameters, name, '') === undefined) {
					return ctx.getNodeParameter(name, itemIndex, fallback as never, options);
				}
				values.set(key, ctx.getNodeParameter(name, itemIndex, fallback as never, options));
			}
			const value = values.get(key);
			// Callers may change what they get; the kept value stays as n8n returned it.
			return typeof value === 'object' && value !== null ? deepCopy(value) : value;
		},
		getCredentials: async (type: string) => await ctx.getCredentials(type, itemIndex),
		getInputData: () => ctx.getInputData()[itemIndex],
		evaluateExpression: (expression: string) => ctx.evaluateExpression(expression, itemIndex),
		getWorkflowDataProxy: () => ctx.getWorkflowDataProxy(itemIndex),
	};
	return Object.assign(Object.create(ctx) as object, bound) as unknown as IExecuteSingleFunctions;
}

/** Reads a node's description the way n8n's router does, for one item. */
class Router {
	constructor(
		private readonly item: IExecuteSingleFunctions,
		private readonly description: INodeTypeDescription,
	) {}

	property(data: RequestData, property: INodeProperties | INodePropertyOptions, path: string): void {
		const node = this.item.getNode();
		if (!NodeHelpers.displayParameter(node.parameters, property as INodeProperties, node, this.description, node.parameters)) return;
		const name = `${path}${property.name}`;
		const { routing } = property;
		if (routing) {
			const value = 'type' in property ? this.item.getNodeParameter(name, undefined) : undefined;
			if (routing.operations) data.requestOperations = { ...data.requestOperations, ...routing.operations };
			for (const [key, raw] of Object.entries(routing.request ?? {})) {
				(data.options as unknown as IDataObject)[key] = this.resolve(raw, name) as IDataObject;
			}
			const send = routing.send;
			if (send?.property !== undefined) {
				const sent = send.value === undefined ? value : this.transform(send.value, name)(value);
				const target = (send.type === 'body' ? (data.options.body ??= {}) : (data.options.qs ??= {})) as IDataObject;
				const fragment: IDataObject = {};
				setPath(fragment, String(this.resolve(send.property, name)), sent, send.propertyInDotNotation !== false);
				mergeInto(target, fragment);
			}
			if (send?.preSend) data.preSend.push(...send.preSend);
			const maxResults = routing.output?.maxResults;
			if (maxResults !== undefined) data.maxResults = maxResults === '={{$value}}' ? (value as number) : maxResults;
			if (routing.output?.postReceive?.length) {
				throw new NodeOperationError(node, `"${name}" uses postReceive, which the Lofty router does not run`);
			}
		}
		if ('options' in property && property.options) this.nested(data, property as INodeProperties, path);
	}

	/** Options, collections and fixed collections, as n8n's router walks them. */
	private nested(data: RequestData, property: INodeProperties, path: string): void {
		const parameters = this.item.getNode().parameters;
		const name = `${path}${property.name}`;
		if (property.type === 'options') {
			const chosen = NodeHelpers.getParameterValueByPath(parameters, property.name, path.slice(0, -1));
			const option = (property.options as INodePropertyOptions[]).find((entry) => entry.value === chosen);
			if (option) this.property(data, option, `${name}.`);
		} else if (property.type === 'collection') {
			const value = (NodeHelpers.getParameterValueByPath(parameters, property.name, path.slice(0, -1)) ?? {}) as IDataObject;
			for (const option of property.options as INodeProperties[]) {
				if ('type' in option && option.name in value) this.property(data, option, `${name}.`);
			}
		} else if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				const entries = NodeHelpers.getParameterValueByPath(parameters, group.name, name);
				if (entries === undefined || !group.values.some((field) => field.routing)) continue;
				const count = Array.isArray(entries) ? entries.length : 1;
				for (let i = 0; i < count; i++) {
					const at = property.typeOptions?.multipleValues ? `${name}.${group.name}[${i}].` : `${name}.${group.name}.`;
					for (const field of group.values) this.property(data, field, at);
				}
			}
		}
	}

	private transform(expression: string, name: string) {
		const transform = valueTransformOf(expression);
		if (!transform) {
			throw new NodeOperationError(this.item.getNode(), `"${name}" sends an expression with no function form: ${expression}`, {
				description: 'Declare it with valueTransform() in nodes/shared/values.ts.',
			});
		}
		return transform;
	}

	/** A routing string: plain, a path built from parameters (apiPath), or another n8n expression. */
	private resolve(raw: unknown, name: string): unknown {
		if (typeof raw !== 'string' || !raw.startsWith('=')) return raw;
		const path = apiPathOf(raw);
		if (path) return path((parameter) => this.item.getNodeParameter(parameter, ''));
		if (raw.includes('$value')) {
			throw new NodeOperationError(this.item.getNode(), `"${name}" routes with $value outside send.value`);
		}
		return this.item.evaluateExpression(raw.slice(1), this.item.getItemIndex());
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
