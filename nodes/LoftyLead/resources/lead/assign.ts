import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { assigneesBody } from '../../LoftyLeadFunctions';
import { LEAD, RESOURCE } from './shared';

export const assign: OperationDescription = {
	option: {
		name: 'Assign',
		value: 'assign',
		action: 'Assign roles on a lead',
		description: 'Place assignees (by account and role) on a lead',
		routing: requestWith({ method: 'POST', url: '/v1.0/leads/{leadId}/assignment' }, sendRequest(), [assigneesBody]),
	},
	description: forOperation(RESOURCE, 'assign', [
		recordIdOf(LEAD),
		{
			displayName: 'Assignees',
			name: 'assignees',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			required: true,
			default: {},
			options: [
				{
					displayName: 'Assignee',
					name: 'assignee',
					values: [
						{
							displayName: 'Account',
							name: 'assiginee',
							type: 'string',
							default: '',
							placeholder: 'agent@example.com',
							description: 'Lofty account (email) of the assignee',
						},
						{
							displayName: 'Role',
							name: 'role',
							type: 'string',
							default: '',
							placeholder: 'Agent',
						},
					],
				},
			],
		},
	]),
};
