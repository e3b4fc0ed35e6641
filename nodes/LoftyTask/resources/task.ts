import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	idField,
	listRouting,
	openList,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, convertDates, requireChanges, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendAndEchoId, sendRequest } from '../../shared/pagination';
import { apiPath, trimmed } from '../../shared/values';

const RESOURCE = 'task';

/**
 * GET /v1.0/tasks has no paging: the lead's tasks come in one response, under "taskList"
 * (newer Lofty docs) or as a bare array. Limit only cuts the list.
 */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000, records: 'taskList' };

const leadIdRule = { parameter: 'leadId', label: 'Lead ID', check: 'id' } as const;
const taskIdRule = { parameter: 'taskId', label: 'Task ID', check: 'id' } as const;
const taskId = checkParameters([taskIdRule]);
const leadId = checkParameters([leadIdRule]);
const createRequired = checkParameters([
	leadIdRule,
	{ parameter: 'content', label: 'Description', check: 'required' },
	{ parameter: 'taskType', label: 'Type', check: 'required' },
	{ parameter: 'deadline', label: 'Deadline', check: 'required' },
	{ parameter: 'assignedRole', label: 'Assigned Role', check: 'required' },
]);
const updateChecks = [checkParameters([{ parameter: 'updateFields.leadId', label: 'Lead ID', check: 'id', optional: true }])];
/** TaskRequest.deadline is integer(int64): epoch milliseconds. */
const deadline = convertDates({ 'body.deadline': { format: 'epochMs', label: 'Deadline' } });

const taskUrl = apiPath('/v1.0/tasks/{taskId}');
const integers = sendIntegers({ 'body.leadId': 'Lead ID' });
const jsonBody = additionalBody();

export const taskOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a task',
			description: 'Add a task to a lead',
			routing: {
				request: { method: 'POST', url: '/v1.0/tasks' },
				send: { preSend: [createRequired, deadline, integers, jsonBody, compactBody] },
				// {taskId} (newer Lofty docs) or a bare string (the reference): output the ID as taskId.
				operations: { pagination: sendRequest({ idKey: 'taskId' }) },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task',
			routing: {
				request: { method: 'DELETE', url: taskUrl },
				send: { preSend: [taskId] },
				operations: { pagination: sendAndEchoId('taskId', 'taskId') },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a task',
			routing: {
				request: { method: 'GET', url: taskUrl },
				send: { preSend: [taskId] },
				// Wrapped as {task: …} (newer Lofty docs) or a bare TaskResponse.
				operations: { pagination: sendRequest({ unwrap: 'task' }) },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tasks',
			description: 'Get the tasks of a lead',
			routing: {
				...listRouting('GET', '/v1.0/tasks', wholeList),
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a task',
			routing: {
				request: { method: 'PUT', url: taskUrl },
				send: { preSend: [taskId, ...updateChecks, deadline, integers, jsonBody, compactBody, requireChanges('Update Fields')] },
				operations: { pagination: sendAndEchoId('taskId', 'taskId') },
			},
		},
	],
	'create',
);

/** TaskRequest.type: the reference's list stops after "Could be"; these are the types Lofty's app offers. */
const taskTypeOptions = openList([
	{ name: 'Call', value: 'Call' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Other', value: 'Other' },
	{ name: 'Text', value: 'Text' },
]);

const assignedRoleField: INodeProperties = {
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

const contentField: INodeProperties = {
	displayName: 'Description',
	name: 'content',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: 'Call about the showing on Saturday',
	description: 'What is to be done',
	routing: { send: { type: 'body', property: 'content' } },
};

const deadlineField: INodeProperties = {
	displayName: 'Deadline',
	name: 'deadline',
	type: 'dateTime',
	default: '',
	description: 'When the task is due; Lofty receives it as epoch milliseconds',
	routing: { send: { type: 'body', property: 'deadline' } },
};

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'taskType',
	type: 'options',
	options: taskTypeOptions,
	default: 'Call',
	description: 'How the lead is to be contacted',
	routing: { send: { type: 'body', property: 'type' } },
};

export const taskFields: INodeProperties[] = [
	// Create
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['create']), 'ID of the lead the task is about'),
		routing: { send: { type: 'body', property: 'leadId', value: trimmed } },
	},
	{ ...contentField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{ ...typeField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{ ...deadlineField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{ ...assignedRoleField, required: true, displayOptions: showFor(RESOURCE, ['create']) },

	// Get, Update, Delete
	idField('taskId', 'Task ID', showFor(RESOURCE, ['delete', 'get', 'update'])),

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
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
			{
				displayName: 'Lead ID',
				name: 'leadId',
				type: 'string',
				default: '',
				placeholder: '1234567',
				description: 'ID of the lead the task belongs to, for accounts where Lofty asks for it on an edit',
				routing: { send: { type: 'body', property: 'leadId', value: trimmed } },
			},
			typeField,
		],
	},

	// Get Many
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['getAll']), 'ID of the lead whose tasks to get'),
		routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns all tasks of the lead in one response; Limit cuts the list' } : property,
	),
	additionalBodyField('TaskRequest', showFor(RESOURCE, ['create', 'update'])),
];
