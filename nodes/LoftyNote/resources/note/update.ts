import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { LEAD_ID_AS_NUMBER, leadInBody } from '../../../shared/picker';
import { sendAndEchoId } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { NOTE, RESOURCE, contentField, pinField } from './shared';

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a note',
		description: "Change a note's text, pin or lead",
		routing: requestWith(
			{ method: 'PUT', url: NOTE.path },
			sendAndEchoId('noteId', 'noteId'),
			[additionalBody(), compactBody],
			[LEAD_ID_AS_NUMBER, { at: 'body', label: 'Update Fields', check: 'changes' }],
		),
	},
	description: forOperation(RESOURCE, 'update', [
		recordIdOf(NOTE),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				contentField,
				leadInBody('The lead the note belongs to, for accounts where Lofty asks for it on an edit', false),
				pinField,
			],
		},
		additionalBodyField('NoteRequest', undefined),
	]),
};
