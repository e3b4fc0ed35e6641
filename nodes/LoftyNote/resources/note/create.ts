import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
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
			[{ at: 'body.leadId', label: 'Lead ID', check: 'integer' }],
		),
	},
	description: forOperation(RESOURCE, 'create', [
		{
			...leadPicker('ID of the lead the note is about'),
			routing: { send: { type: 'body', property: 'leadId' } },
		},
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
