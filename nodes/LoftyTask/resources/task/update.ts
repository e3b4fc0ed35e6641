import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { leadInBody } from '../../../shared/picker';
import { sendAndEchoId } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import {
	RESOURCE,
	TASK,
	assignedRoleField,
	contentField,
	deadlineField,
	taskRules,
	typeField,
} from './shared';

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a task',
		description: "Change a task's description, type, deadline, assigned role or lead, or mark it completed",
		routing: requestWith({ method: 'PUT', url: TASK.path }, sendAndEchoId('taskId', 'taskId'), [
			additionalBody(),
			compactBody,
		], [...taskRules, { at: 'body', label: 'Update Fields', check: 'changes' }]),
	},
	description: forOperation(RESOURCE, 'update', [
		recordIdOf(TASK),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				assignedRoleField,
				{
					displayName: 'Completed',
					name: 'finishFlag',
					type: 'boolean',
					default: true,
					// The wording of OUTSIDE_REFERENCE, written out for the linter; a test holds the two together.
					description:
						"Whether to mark the task as completed; when on, Lofty ignores the other fields of this update. Not in Lofty's API reference; Lofty may ignore it.",
					routing: { send: { type: 'body', property: 'finishFlag' } },
				},
				deadlineField,
				contentField,
				leadInBody('The lead the task belongs to, for accounts where Lofty asks for it on an edit', false),
				typeField,
			],
		},
		additionalBodyField('TaskRequest', undefined),
	]),
};
