import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkParameters } from './input';
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
 * files. List them in the dropdown's (alphabetical) order.
 *
 * Both routers run preSend hooks in the order of the properties, and the dropdown comes first.
 * An operation's own hooks (checks, integers, Additional Body, compacting) must see the body
 * the fields made, reshaped: they move to a hidden property after the fields, shown for that
 * operation only.
 */
export function resourceOperations(resource: string, operations: OperationDescription[], defaultOperation: string) {
	const options: INodePropertyOptions[] = [];
	const hooks: INodeProperties[] = [];
	for (const { option } of operations) {
		const { preSend = [], ...send } = option.routing?.send ?? {};
		options.push({ ...option, routing: { ...option.routing, send } });
		if (preSend.length === 0) continue;
		hooks.push({
			displayName: 'Request',
			name: 'operationHooks',
			type: 'hidden',
			default: '',
			displayOptions: { show: { resource: [resource], operation: [option.value] } },
			routing: { send: { preSend } },
		});
	}
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	return [dropdown, ...operations.flatMap((operation) => operation.description), ...hooks];
}

/** A required Lofty id typed by hand (lead, note, task, …); checked before sending. */
export function recordIdField(name: string, displayName: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: '1234567', description };
}

/** Return All and Limit for a list operation; the paginator stops exactly at Limit. */
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
			routing: { output: { maxResults: '={{$value}}' } },
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

const idCheck = (record: RecordPath) => checkParameters([{ parameter: record.id, label: record.idLabel, check: 'id' }]);

/** Get one record by its id (GET on its path); `options` reads the answer's shape. */
export function getRecord(record: RecordPath, options: SingleOptions = {}, description = `Get a ${record.noun} by its ID`) {
	return byId(record, 'get', {
		name: 'Get',
		action: `Get a ${record.noun}`,
		description,
		routing: requestWith({ method: 'GET', url: record.path }, sendRequest(options), [idCheck(record)]),
	});
}

/** Delete one record by its id (DELETE on its path); the output is `{deleted: true}` and the id. */
export function deleteRecord(record: RecordPath, description = `Delete a ${record.noun} by its ID`) {
	return byId(record, 'delete', {
		name: 'Delete',
		action: `Delete a ${record.noun}`,
		description,
		routing: requestWith({ method: 'DELETE', url: record.path }, sendAndConfirmDelete(record.id, record.id), [idCheck(record)]),
	});
}
