import type { INodeProperties } from 'n8n-workflow';

import type { RecordPath } from '../../../shared/operations';

export const RESOURCE = 'note';

/** The note an operation works on: its noteId, not its timeline id. */
export const NOTE: RecordPath = {
	resource: RESOURCE,
	noun: 'note',
	path: '/v1.0/notes/{noteId}',
	id: 'noteId',
	idLabel: 'Note ID',
	idDescription: 'The noteId of the note (not its timeline id)',
	kind: 'note',
};

export const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Text of the note',
	routing: { send: { type: 'body', property: 'content' } },
};

export const pinField: INodeProperties = {
	displayName: 'Pinned',
	name: 'isPin',
	type: 'boolean',
	default: false,
	description: "Whether the note is pinned to the top of the lead's notes",
	routing: { send: { type: 'body', property: 'isPin' } },
};
