import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { checkParameters, compactBody, requireChanges, sendIntegers } from '../../../shared/input';
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
		routing: requestWith({ method: 'PUT', url: NOTE.path }, sendAndEchoId('noteId', 'noteId'), [
			checkParameters([
				{ parameter: 'noteId', label: 'Note ID', check: 'id' },
				{ parameter: 'updateFields.leadId', label: 'Lead ID', check: 'id', optional: true },
			]),
			sendIntegers({ 'body.leadId': 'Lead ID' }),
			additionalBody(),
			compactBody,
			requireChanges('Update Fields'),
		]),
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
