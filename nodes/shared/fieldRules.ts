import type {
	DeclarativeRestApiSettings,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { ItemContext, SendHook } from './hooks';
import { itemParameter, itemStateOf, sendHook, valueAt } from './hooks';
import type { FieldRule } from './input';
import { NOTHING_SENT, applyRequestRule, checkParameterRule, isEmpty, jsonFieldValue, parameterProblem, refuse } from './input';
import { isObject, isRecordPicker } from './objects';
import { quoted } from './text';

/**
 * The walker: every rule a field's value must meet before anything is sent, in two passes, both
 * in the operation's send function (RoutingNode calls it after every preSend). The first
 * (checkFields) reads the form's values for the fields the operation shows, once each, before the
 * operation's own steps; the second (checkRequest) checks the request actually built, Additional
 * Body (JSON) merged in, just before it is sent.
 *
 * Rules come from the description itself (closed option lists at any depth, record pickers hold
 * ids, JSON fields, required fields, Limit) and from what an operation declares (`FieldRule`s
 * given to requestWith or listRouting).
 */

const isRequestPlace = (at: string) => at.startsWith('body.') || at.startsWith('qs.');

/** Parameters whose options carry the routing itself (not values sent to Lofty). */
const STRUCTURAL = new Set(['authentication', 'resource', 'operation', 'requestOptions']);

/** Option lists the reference leaves incomplete (see openList in descriptions.ts). */
const OPEN_LISTS = new WeakSet<INodePropertyOptions[]>();

export function markOpenList(options: INodePropertyOptions[]): void {
	OPEN_LISTS.add(options);
}

export function isOpenList(options: unknown): boolean {
	return Array.isArray(options) && OPEN_LISTS.has(options as INodePropertyOptions[]);
}

/** The values a fixed dropdown offers, or undefined when its list is open, loaded or structural. */
function closedListOf(property: INodeProperties): Map<string, string> | undefined {
	if (property.type !== 'options' && property.type !== 'multiOptions') return undefined;
	if (property.typeOptions?.loadOptionsMethod || STRUCTURAL.has(property.name) || isOpenList(property.options)) return undefined;
	const options = (property.options ?? []) as INodePropertyOptions[];
	if (options.length === 0 || !('value' in options[0])) return undefined;
	return new Map(options.map((option) => [String(option.value), option.name]));
}

function checkClosedList(ctx: ItemContext, property: INodeProperties, allowed: Map<string, string>, value: unknown) {
	const values = Array.isArray(value) ? value : isEmpty(value) ? [] : [value];
	const unknown = values.find((entry) => !allowed.has(String(entry)));
	if (unknown !== undefined) {
		refuse(ctx, `"${property.displayName}" cannot be ${quoted(unknown)}`, `Use one of: ${[...allowed.values()].join(', ')}. ${NOTHING_SENT}`);
	}
}

/** Limit of a list operation: a whole number of at least 1 (routing would read 0 as Return All). */
function checkLimit(ctx: ItemContext, value: unknown) {
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) {
		refuse(ctx, `"Limit" must be a whole number of at least 1, got ${quoted(value)}`, `${NOTHING_SENT} Turn on "Return All" to fetch everything.`);
	}
}

/** The rules the description gives a field, checked against a value the form or the request holds. */
function checkByDescription(ctx: ItemContext, property: INodeProperties, held: unknown, topLevel: boolean) {
	// A picker inside a collection holds its {__rl, mode, value}: the id is its value.
	const value = isRecordPicker(held) ? (held as { value?: unknown }).value : held;
	if (topLevel && property.required && property.type !== 'boolean' && isEmpty(value)) refuse(ctx, `"${property.displayName}" is required`);
	if (isEmpty(value)) return;
	const allowed = closedListOf(property);
	if (allowed) checkClosedList(ctx, property, allowed, value);
	if (property.type === 'json') jsonFieldValue(ctx, property.displayName, value);
	const problem = property.type === 'resourceLocator' ? parameterProblem('id', value) : undefined;
	if (problem) refuse(ctx, `"${property.displayName}" ${problem}`);
}

/** Where a field's own routing puts its value in the request, when that is a fixed place. */
function placeOf(property: INodeProperties): string | undefined {
	const send = property.routing?.send;
	if (!send?.property || send.property.startsWith('=') || send.value !== undefined) return undefined;
	if (send.type !== 'body' && send.type !== 'query') return undefined;
	return `${send.type === 'body' ? 'body' : 'qs'}.${send.property}`;
}

/** A field whose own routing puts its value at `place` in the request ("body.leadId"). */
export interface PlacedField {
	property: INodeProperties;
	place: string;
}

interface Visit {
	property: INodeProperties;
	value: unknown;
	topLevel: boolean;
}

/** Every field value a visible field holds: its own, and those of its collection's or fixed collection's fields. */
function visitValues(property: INodeProperties, value: unknown, topLevel: boolean, visit: (entry: Visit) => void) {
	if (property.type === 'collection') {
		if (!isObject(value)) return;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if ('type' in option && option.name in value) visitValues(option, value[option.name], false, visit);
		}
		return;
	}
	if (property.type === 'fixedCollection') {
		if (!isObject(value)) return;
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const held = value[group.name];
			const rows = Array.isArray(held) ? held : isObject(held) ? [held] : [];
			for (const row of rows) {
				if (!isObject(row)) continue;
				for (const field of group.values) if (field.name in row) visitValues(field, row[field.name], false, visit);
			}
		}
		return;
	}
	visit({ property, value, topLevel });
}

function valueAtPlace(requestOptions: IHttpRequestOptions, place: string): unknown {
	const [where, ...path] = place.split('.');
	return valueAt(where === 'qs' ? requestOptions.qs : requestOptions.body, path);
}

/**
 * The first pass, before the operation's own steps: every value the form holds for the fields the
 * item's operation shows (each parameter read once). Returns where those fields' values sit in
 * the request, for the second pass.
 */
export function checkFields(ctx: ItemContext, fields: INodeProperties[]): PlacedField[] {
	const node = ctx.getNode();
	const placed: PlacedField[] = [];
	for (const field of fields) {
		if (!NodeHelpers.displayParameter(node.parameters, field, node, null, node.parameters)) continue;
		const value = itemParameter(ctx, field.name);
		if (field.name === 'limit' && fields.some((other) => other.name === 'returnAll')) {
			checkLimit(ctx, value);
			continue;
		}
		visitValues(field, value, true, ({ property, value: held, topLevel }) => {
			checkByDescription(ctx, property, held, topLevel);
			const place = placeOf(property);
			if (place) placed.push({ property, place });
		});
	}
	return placed;
}

/**
 * The second pass, on the request actually built (Additional Body merged, empty fields
 * dropped): the operation's declared rules, and the fields' own rules again at their places,
 * where the value may have come from Additional Body (JSON) instead of the form.
 */
export function checkRequest(ctx: ItemContext, placed: PlacedField[], rules: FieldRule[], requestOptions: IHttpRequestOptions): void {
	for (const rule of rules) if (!isRequestPlace(rule.at) && rule.check !== 'changes') checkParameterRule(ctx, rule);
	for (const { property, place } of placed) {
		const value = valueAtPlace(requestOptions, place);
		if (!isEmpty(value)) checkByDescription(ctx, property, value, false);
	}
	for (const rule of rules) if (isRequestPlace(rule.at)) applyRequestRule(ctx, requestOptions, rule);
	for (const rule of rules) if (rule.check === 'changes') applyRequestRule(ctx, requestOptions, rule);
}

/**
 * `send`, with the second pass of the walker run before it for each item (checkRequest, with the
 * operation's declared `rules`). It is the innermost step of the operation's send function, so
 * every preSend and operation step has shaped the request.
 */
export function checkedSend(send: SendHook, rules: FieldRule[]): SendHook {
	return sendHook(async function (
		this: ItemContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		checkRequest(this, itemStateOf(this).placed ?? [], rules, requestData.options as IHttpRequestOptions);
		return await send.call(this, requestData);
	});
}

/** Whether a property is shown for this resource and operation, judged by those two alone. */
function mayShowFor(property: INodeProperties, resource: string, operation: string): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const allows = (key: string, value: string) => !show?.[key] || (show[key] as unknown[]).includes(value);
	const hides = (key: string, value: string) => Boolean(hide?.[key] && (hide[key] as unknown[]).includes(value));
	return allows('resource', resource) && allows('operation', operation) && !hides('resource', resource) && !hides('operation', operation);
}

/**
 * Gives every operation's send function the fields its operation may show, once, when the node's
 * properties are built (withEnumChecks). Its outermost layer runs the first pass (checkFields)
 * before the operation's own steps, and hands the fields' places to the second (checkedSend).
 */
export function bindFieldRules(properties: INodeProperties[]): INodeProperties[] {
	const fields = properties.filter((property) => !STRUCTURAL.has(property.name) && property.type !== 'hidden' && property.type !== 'notice');
	return properties.map((property) => {
		if (property.name !== 'operation' || property.type !== 'options') return property;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		const options = (property.options as INodePropertyOptions[]).map((option) => {
			const send = option.routing?.operations?.pagination;
			if (typeof send !== 'function' || !option.routing) return option;
			const operation = String(option.value);
			const shown = fields.filter((field) => resources.some((resource) => mayShowFor(field, resource, operation)));
			const pagination: typeof send = async function (requestData) {
				const ctx = this as unknown as ItemContext;
				itemStateOf(ctx).placed = checkFields(ctx, shown);
				return await send.call(this, requestData);
			};
			return { ...option, routing: { ...option.routing, operations: { ...option.routing.operations, pagination } } };
		});
		return { ...property, options };
	});
}
