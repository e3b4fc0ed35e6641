import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { sendAndConfirmDelete } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { LEAD, RESOURCE } from './shared';

/** Not deleteRecord: a lead goes to the trash with a reason. */
export const remove: OperationDescription = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a lead',
		description: 'Move a lead to the trash, with a reason',
		routing: requestWith({ method: 'DELETE', url: LEAD.path }, sendAndConfirmDelete('leadId', 'leadId')),
	},
	description: forOperation(RESOURCE, 'delete', [
		recordIdOf(LEAD),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			required: true,
			default: '',
			description: 'Why the lead is deleted; Lofty keeps it in the trash with this reason',
			routing: { send: { type: 'query', property: 'reason' } },
		},
	]),
};
