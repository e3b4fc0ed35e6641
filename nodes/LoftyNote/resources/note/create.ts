import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { LEAD_ID_AS_NUMBER, leadInBody } from '../../../shared/picker';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, contentField, pinField } from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a note',
		description: 'Add a note to a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/notes' },
			// The reference answers with a bare string: when it is the new ID, output it as noteId.
			sendRequest({ idKey: 'noteId' }),
			[additionalBody(), compactBody],
			[LEAD_ID_AS_NUMBER],
		),
	},
	description: forOperation(RESOURCE, 'create', [
		leadInBody('ID of the lead the note is about'),
		{ ...contentField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [pinField],
		},
		additionalBodyField('NoteRequest', undefined),
	]),
};
