import type { IDataObject, IHttpRequestOptions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { itemParameter, preSend } from './hooks';
import type { FieldRule } from './input';
import { asObject } from './objects';
import type { SingleOptions } from './pagination';
import { sendAndConfirmDelete, sendRequest } from './send';
import type { RecordKind } from './picker';
import { recordPicker } from './picker';
import { requestWith } from './routing';

/**
 * One operation of a resource, as its file (`resources/<resource>/<operation>.ts`) exports it:
 * the entry of the Operation dropdown, with its routing, and the fields it shows.
 */
export interface OperationDescription {
	option: INodePropertyOptions;
	description: INodeProperties[];
}

/** An operation's fields, shown only for that resource and operation. */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
}

/**
 * A resource's Operation dropdown and the fields of all its operations, from the operations'
 * files. List them in the dropdown's (alphabetical) order. A field several operations declare
 * alike is one property shown for all of them (declaredOnce).
 */
export function resourceOperations(resource: string, operations: OperationDescription[], defaultOperation: string) {
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map(({ option }) => afterFields(option)),
		default: defaultOperation,
	};
	return declaredOnce([dropdown, ...operations.flatMap((operation) => operation.description)]);
}

/**
 * RoutingNode runs preSend functions in the order of the properties, the Operation dropdown's
 * first. An operation's own steps (checks, integers, Additional Body, compacting) must see the
 * body its fields made, reshaped: they run at the start of its send function, which RoutingNode
 * calls after every preSend.
 */
function afterFields(option: INodePropertyOptions): INodePropertyOptions {
	const { preSend: steps = [], ...send } = option.routing?.send ?? {};
	if (steps.length === 0) return option;
	const sendFunction = option.routing?.operations?.pagination;
	if (typeof sendFunction !== 'function') throw new Error(`Operation "${option.name}" has preSend steps but no send function (requestWith)`);
	const pagination: typeof sendFunction = async function (requestData) {
		for (const step of steps) requestData.options = await step.call(this, requestData.options as IHttpRequestOptions);
		return await sendFunction.call(this, requestData);
	};
	return { ...option, routing: { ...option.routing, send, operations: { ...option.routing?.operations, pagination } } };
}

const OPERATION_KEY = (resource: string, operation: string) => `${resource}\u0000${operation}`;

/** The resource and operation lists of a field's display rule, when it has both. */
function placementOf(property: INodeProperties): { resources: string[]; operations: string[] } | undefined {
	const { resource, operation } = property.displayOptions?.show ?? {};
	if (!Array.isArray(resource) || !Array.isArray(operation)) return undefined;
	return { resources: resource.map(String), operations: operation.map(String) };
}

/** Whether a property shows for a resource's operation, by its resource and operation rules alone. */
function showsFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	return (!Array.isArray(show.resource) || show.resource.includes(resource)) && (!Array.isArray(show.operation) || show.operation.includes(operation));
}

/** A field's definition apart from which resources and operations show it; functions by identity. */
function definitionOf(property: INodeProperties, functionIds: Map<unknown, number>): string {
	const show = Object.entries(property.displayOptions?.show ?? {}).filter(([key]) => key !== 'resource' && key !== 'operation');
	const displayOptions = { ...property.displayOptions, show: Object.fromEntries(show) };
	return JSON.stringify({ ...property, displayOptions }, (_key, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, functionIds.size);
		return `function ${functionIds.get(value)}`;
	});
}

/**
 * Properties in an order that keeps every operation's fields in their declared order (the
 * editor shows them so, and RoutingNode runs their preSend functions so), each unit as near its
 * first declaration as that allows; undefined when two operations order them oppositely.
 */
function orderOf(units: number[][], properties: INodeProperties[], operations: string[][]): number[][] | undefined {
	const unitOf = new Map<number, number>();
	units.forEach((members, unit) => members.forEach((index) => unitOf.set(index, unit)));
	const after = units.map(() => new Set<number>());
	const before = units.map(() => 0);
	for (const [resource, operation] of operations) {
		let previous: number | undefined;
		properties.forEach((property, index) => {
			if (!showsFor(property, resource, operation)) return;
			const unit = unitOf.get(index) as number;
			if (previous !== undefined && previous !== unit && !after[previous].has(unit)) {
				after[previous].add(unit);
				before[unit]++;
			}
			previous = unit;
		});
	}
	const ordered: number[][] = [];
	const done = new Set<number>();
	while (ordered.length < units.length) {
		let next: number | undefined;
		units.forEach((members, unit) => {
			if (done.has(unit) || before[unit] > 0) return;
			if (next === undefined || members[0] < units[next][0]) next = unit;
		});
		if (next === undefined) return undefined;
		done.add(next);
		ordered.push(units[next]);
		for (const later of after[next]) before[later]--;
	}
	return ordered;
}

/**
 * Merges the properties that several operations declare alike (same name, same definition apart
 * from the resources and operations that show them) into one, shown for all of them, as n8n's
 * own nodes declare a field once. A field whose meaning differs per operation (required in one,
 * sent elsewhere in another) stays one property per meaning. Across resources, fields merge
 * where one display rule can say exactly where they show: no resource of the rule has an
 * operation of the rule that does not take the field.
 */
export function declaredOnce(properties: INodeProperties[]): INodeProperties[] {
	const operations: string[][] = [];
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) operations.push([resource, String(option.value)]);
		}
	}
	const known = new Set(operations.map(([resource, operation]) => OPERATION_KEY(resource, operation)));
	const functionIds = new Map<unknown, number>();
	const alike = new Map<string, number[]>();
	properties.forEach((property, index) => {
		if (!placementOf(property)) return;
		const key = `${property.name}\u0000${definitionOf(property, functionIds)}`;
		alike.set(key, [...(alike.get(key) ?? []), index]);
	});
	const shownFor = (members: number[]) =>
		new Set(
			members.flatMap((index) => {
				const { resources, operations: shown } = placementOf(properties[index])!;
				return resources.flatMap((resource) => shown.map((operation) => OPERATION_KEY(resource, operation)));
			}),
		);
	/** Whether one rule (these resources × these operations) shows the merged field exactly where its members show. */
	const expressible = (members: number[]) => {
		const shown = shownFor(members);
		const resources = new Set(members.flatMap((index) => placementOf(properties[index])!.resources));
		const ops = new Set(members.flatMap((index) => placementOf(properties[index])!.operations));
		return [...resources].every((resource) => [...ops].every((op) => shown.has(OPERATION_KEY(resource, op)) || !known.has(OPERATION_KEY(resource, op))));
	};

	let units = properties.map((_, index) => [index]);
	let ordered = orderOf(units, properties, operations) ?? units;
	for (const members of alike.values()) {
		if (members.length < 2) continue;
		const byResource = new Map<string, number[]>();
		for (const index of members) {
			const resource = placementOf(properties[index])!.resources.join(',');
			byResource.set(resource, [...(byResource.get(resource) ?? []), index]);
		}
		const tries = expressible(members) ? [[members], [...byResource.values()]] : [[...byResource.values()]];
		for (const merges of tries) {
			const merged = new Set(merges.flat());
			const candidate = [...units.filter((unit) => !unit.some((index) => merged.has(index))), ...merges];
			candidate.sort((a, b) => a[0] - b[0]);
			const order = orderOf(candidate, properties, operations);
			if (!order) continue;
			units = candidate;
			ordered = order;
			break;
		}
	}
	return ordered.map((members) => {
		const [first] = members;
		if (members.length === 1) return properties[first];
		const resources = [...new Set(members.flatMap((index) => placementOf(properties[index])!.resources))];
		const shown = [...new Set(members.flatMap((index) => placementOf(properties[index])!.operations))];
		const property = properties[first];
		return { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions!.show, resource: resources, operation: shown } } };
	});
}

/** A required Lofty id typed by hand (lead, note, task, …); checked before sending. */
export function recordIdField(name: string, displayName: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: '1234567', description };
}

/**
 * For an endpoint that reads a record's id from the body, not the path: the id field every other
 * operation shares (declaredOnce) routes nowhere, and this step puts its value first in the body.
 * Put it before Additional Body, where the field's own routing would have been.
 */
export function idInBody(parameter: string): PreSendAction {
	return preSend(async function (requestOptions) {
		requestOptions.body = { [parameter]: itemParameter(this, parameter, '') as IDataObject[string], ...asObject(requestOptions.body) };
		return requestOptions;
	});
}

/**
 * Return All and Limit for a list operation. Limit has no routing: the walker checks it and the
 * paginator stops exactly at it (limitOf), so RoutingNode need not cut the list again.
 */
export function limitFields(maxPageSize: number, hint = `Lofty returns up to ${maxPageSize} records per request; larger limits page automatically`): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint,
		},
	];
}

/** A record addressed by its id in the path: `/v1.0/notes/{noteId}`. */
export interface RecordPath {
	resource: string;
	/** The record's name in action texts: "note". */
	noun: string;
	/** The path, with the id parameter as {name}. */
	path: string;
	/** The id parameter's name, as in the path: "noteId". */
	id: string;
	/** The id field's display name: "Note ID". */
	idLabel: string;
	idDescription?: string;
	/** Records with a picker (lead, note, task, …) get one; others a plain id field. */
	kind?: RecordKind;
}

/** The id field of a record: its picker, or a plain id field for records without one. */
export function recordIdOf(record: RecordPath): INodeProperties {
	return record.kind
		? recordPicker({ kind: record.kind, name: record.id, displayName: record.idLabel, description: record.idDescription })
		: recordIdField(record.id, record.idLabel, record.idDescription);
}

/** Simplify, on by default as in n8n's nodes: the fields people use, the whole record when off. */
export function simplifyField(noun: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data: the ${noun}'s ID, names, emails, phones, stage, source, assigned agent, tags and times`,
	};
}

function byId(record: RecordPath, operation: string, option: Omit<INodePropertyOptions, 'value'>): OperationDescription {
	return {
		option: { ...option, value: operation },
		description: forOperation(record.resource, operation, [recordIdOf(record)]),
	};
}

/** A plain id field's rule; a picker's id is the walker's own check (fieldRules.ts). */
const idRules = (record: RecordPath): FieldRule[] => (record.kind ? [] : [{ at: record.id, label: record.idLabel, check: 'id' }]);

/** Get one record by its id (GET on its path); `options` reads the answer's shape. */
export function getRecord(record: RecordPath, options: SingleOptions = {}, description = `Get a ${record.noun} by its ID`) {
	return byId(record, 'get', {
		name: 'Get',
		action: `Get a ${record.noun}`,
		description,
		routing: requestWith({ method: 'GET', url: record.path }, sendRequest(options), [], idRules(record)),
	});
}

/** Delete one record by its id (DELETE on its path); the output is `{deleted: true}` and the id. */
export function deleteRecord(record: RecordPath, description = `Delete a ${record.noun} by its ID`) {
	return byId(record, 'delete', {
		name: 'Delete',
		action: `Delete a ${record.noun}`,
		description,
		routing: requestWith({ method: 'DELETE', url: record.path }, sendAndConfirmDelete(record.id, record.id), [], idRules(record)),
	});
}
