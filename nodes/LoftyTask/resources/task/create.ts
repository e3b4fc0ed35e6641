import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { leadInBody } from '../../../shared/picker';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, assignedRoleField, contentField, deadlineField, taskRules, typeField } from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a task',
		description: 'Add a task to a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/tasks' },
			// {taskId} (newer Lofty docs) or a bare string (the reference): output the ID as taskId.
			sendRequest({ idKey: 'taskId' }),
			[additionalBody(), compactBody],
			taskRules,
		),
	},
	description: forOperation(RESOURCE, 'create', [
		leadInBody('ID of the lead the task is about'),
		{ ...contentField, required: true },
		{ ...typeField, required: true },
		{ ...deadlineField, required: true },
		{ ...assignedRoleField, required: true },
		additionalBodyField('TaskRequest', undefined),
	]),
};
