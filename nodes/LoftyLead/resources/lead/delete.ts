import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { sendRequest } from '../../../shared/pagination';
import { requestWith } from '../../../shared/routing';
import { LEAD, RESOURCE, leadIdCheck } from './shared';

/** Not deleteRecord: a lead goes to the trash with a reason, and the output is Lofty's answer. */
export const remove: OperationDescription = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a lead',
		description: 'Move a lead to the trash, with a reason',
		routing: requestWith({ method: 'DELETE', url: LEAD.path }, sendRequest(), [leadIdCheck]),
	},
	description: forOperation(RESOURCE, 'delete', [
		recordIdField('leadId', 'Lead ID'),
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
