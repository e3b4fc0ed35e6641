import type { INodeProperties } from 'n8n-workflow';

import { openList } from '../../../shared/descriptions';
import type { FieldRule } from '../../../shared/input';
import type { RecordPath } from '../../../shared/operations';
import { LEAD_ID_AS_NUMBER } from '../../../shared/picker';

export const RESOURCE = 'task';

export const TASK: RecordPath = {
	resource: RESOURCE,
	noun: 'task',
	path: '/v1.0/tasks/{taskId}',
	id: 'taskId',
	idLabel: 'Task ID',
	kind: 'task',
};

/** TaskRequest.deadline is integer(int64): epoch milliseconds; leadId a JSON number. */
export const taskRules: FieldRule[] = [
	{ at: 'body.deadline', label: 'Deadline', check: 'date', format: 'epochMs' },
	LEAD_ID_AS_NUMBER,
];

export const assignedRoleField: INodeProperties = {
	displayName: 'Assigned Role',
	name: 'assignedRole',
	type: 'options',
	options: [
		{ name: 'Agent', value: 'Agent', description: "The lead's agent" },
		{ name: 'Assistant', value: 'Assistant', description: "The lead's assistant" },
	],
	default: 'Agent',
	description: 'Which of the people assigned to the lead the task is for',
	routing: { send: { type: 'body', property: 'assignedRole' } },
};

export const contentField: INodeProperties = {
	displayName: 'Description',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: 'Call about the showing on Saturday',
	description: 'What is to be done',
	routing: { send: { type: 'body', property: 'content' } },
};

export const deadlineField: INodeProperties = {
	displayName: 'Deadline',
	name: 'deadline',
	type: 'dateTime',
	default: '',
	description: 'When the task is due; Lofty receives it as epoch milliseconds',
	routing: { send: { type: 'body', property: 'deadline' } },
};

export const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'taskType',
	type: 'options',
	// TaskRequest.type: the reference's list stops after "Could be"; these are the types Lofty's app offers.
	options: openList([
		{ name: 'Call', value: 'Call' },
		{ name: 'Email', value: 'Email' },
		{ name: 'Other', value: 'Other' },
		{ name: 'Text', value: 'Text' },
	]),
	default: 'Call',
	description: 'How the lead is to be contacted',
	routing: { send: { type: 'body', property: 'type' } },
};
