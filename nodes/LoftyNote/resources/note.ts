import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	idField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, requireChanges, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendAndEchoId, sendRequest } from '../../shared/pagination';
import { apiPath, trimmed } from '../../shared/values';

const RESOURCE = 'note';

/**
 * GET /v1.0/notes has no paging: the lead's notes come in one response, as a bare array
 * (the reference) or under "notes" (newer Lofty docs). Limit only cuts the list.
 */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000, records: 'notes' };

const leadIdRule = { parameter: 'leadId', label: 'Lead ID', check: 'id' } as const;
const noteIdRule = { parameter: 'noteId', label: 'Note ID', check: 'id' } as const;
const noteId = checkParameters([noteIdRule]);
const leadId = checkParameters([leadIdRule]);
const createRequired = checkParameters([leadIdRule, { parameter: 'content', label: 'Content', check: 'required' }]);
const updateChecks = [checkParameters([{ parameter: 'updateFields.leadId', label: 'Lead ID', check: 'id', optional: true }])];

const noteUrl = apiPath('/v1.0/notes/{noteId}');
const integers = sendIntegers({ 'body.leadId': 'Lead ID' });
const jsonBody = additionalBody();

export const noteOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a note',
			description: 'Add a note to a lead',
			routing: {
				request: { method: 'POST', url: '/v1.0/notes' },
				send: { preSend: [createRequired, integers, jsonBody, compactBody] },
				// The reference answers with a bare string: when it is the new ID, output it as noteId.
				operations: { pagination: sendRequest({ idKey: 'noteId' }) },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a note',
			routing: {
				request: { method: 'DELETE', url: noteUrl },
				send: { preSend: [noteId] },
				operations: { pagination: sendAndEchoId('noteId', 'noteId') },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a note',
			routing: {
				request: { method: 'GET', url: noteUrl },
				send: { preSend: [noteId] },
				// Bare NoteResponse, or wrapped as {note: …}.
				operations: { pagination: sendRequest({ unwrap: 'note' }) },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many notes',
			description: 'Get the notes of a lead',
			routing: {
				...listRouting('GET', '/v1.0/notes', wholeList),
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a note',
			routing: {
				request: { method: 'PUT', url: noteUrl },
				send: { preSend: [noteId, ...updateChecks, integers, jsonBody, compactBody, requireChanges('Update Fields')] },
				operations: { pagination: sendAndEchoId('noteId', 'noteId') },
			},
		},
	],
	'create',
);

const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Text of the note',
	routing: { send: { type: 'body', property: 'content' } },
};

const pinField: INodeProperties = {
	displayName: 'Pinned',
	name: 'isPin',
	type: 'boolean',
	default: false,
	description: "Whether the note is pinned to the top of the lead's notes",
	routing: { send: { type: 'body', property: 'isPin' } },
};

export const noteFields: INodeProperties[] = [
	// Create
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['create']), 'ID of the lead the note is about'),
		routing: { send: { type: 'body', property: 'leadId', value: trimmed } },
	},
	{ ...contentField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: [pinField],
	},

	// Get, Update, Delete
	idField('noteId', 'Note ID', showFor(RESOURCE, ['delete', 'get', 'update']), 'The noteId of the note (not its timeline id)'),

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
		options: [
			contentField,
			{
				displayName: 'Lead ID',
				name: 'leadId',
				type: 'string',
				default: '',
				placeholder: '1234567',
				description: 'ID of the lead the note belongs to, for accounts where Lofty asks for it on an edit',
				routing: { send: { type: 'body', property: 'leadId', value: trimmed } },
			},
			pinField,
		],
	},

	additionalBodyField('NoteRequest', showFor(RESOURCE, ['create', 'update'])),

	// Get Many
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['getAll']), 'ID of the lead whose notes to get'),
		routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
	},
	{
		displayName: 'Include System Notes',
		name: 'includeSystemNote',
		type: 'boolean',
		default: false,
		description: 'Whether to include the notes Lofty writes itself alongside those written by people',
		displayOptions: showFor(RESOURCE, ['getAll']),
		routing: { send: { type: 'query', property: 'includeSystemNote' } },
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns all notes of the lead in one response; Limit cuts the list' } : property,
	),
];
