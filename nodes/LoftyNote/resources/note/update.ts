import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
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
			[{ at: 'body.leadId', label: 'Lead ID', check: 'integer' }, { at: 'body', label: 'Update Fields', check: 'changes' }],
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
				{
					...leadPicker('The lead the note belongs to, for accounts where Lofty asks for it on an edit'),
					required: false,
					routing: { send: { type: 'body', property: 'leadId' } },
				},
				pinField,
			],
		},
		additionalBodyField('NoteRequest', undefined),
	]),
};
