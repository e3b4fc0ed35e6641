import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, additionalBodyField, idField, listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters, compactBody, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendRequest } from '../../shared/pagination';
import { requireCallingOutcome } from '../LogFunctions';
import { apiPath, trimmed } from '../../shared/values';

const RESOURCE = 'log';
/** GET /v1.0/logType pages by the currentId cursor (recommended over offset); limit max 1000. */
const LOG_PAGE_SIZE = 1000;
const logPages: PagingOptions = { style: 'currentId', pageSize: LOG_PAGE_SIZE };

const logTypeId = checkParameters([{ parameter: 'logTypeId', label: 'Log ID', check: 'id' }]);
const createRequired = checkParameters([
	{ parameter: 'leadId', label: 'Lead ID', check: 'id' },
	{ parameter: 'logType', label: 'Log Type', check: 'required' },
]);
const logJson = additionalBody('logJson');

/** LogTypeRequest.logType and the logType search filter. */
const logTypeOptions = [
	{ name: 'Call', value: 'logCall' },
	{ name: 'Email', value: 'logEmail' },
	{ name: 'Text', value: 'logText' },
];

/** LogTypeRequest.callingOutcome, as the reference spells the values. */
const callingOutcomeOptions = [
	{ name: 'Bad Number', value: 'BadNumber' },
	{ name: 'DNC Contact', value: 'DNCContact', description: 'The contact asked not to be called' },
	{ name: 'DNC Number', value: 'DNCNumber', description: 'The number is on a Do Not Call list' },
	{ name: 'No Answer', value: 'NoAnswer' },
	{ name: 'Talked', value: 'Talked' },
	{ name: 'Voice Message', value: 'VoiceMessage' },
];

export const logOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a log',
			description: 'Log a call, email or text on the timeline of a lead',
			routing: {
				request: { method: 'POST', url: '/v1.0/logType' },
				send: { preSend: [createRequired, requireCallingOutcome, sendIntegers({ 'body.leadId': 'Lead ID' }), logJson, compactBody] },
				// Lofty answers with a string; when it is the new id, output it as logTypeId.
				// Never paged: sending the POST again would log the call twice.
				operations: { pagination: sendRequest({ idKey: 'logTypeId' }) },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a log',
			description: 'Delete a logged call, email or text',
			routing: {
				request: { method: 'DELETE', url: apiPath('/v1.0/logType/{logTypeId}') },
				send: { preSend: [logTypeId] },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a log',
			description: 'Get a logged call, email or text',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/logType/{logTypeId}') },
				send: { preSend: [logTypeId] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many logs',
			description: 'Search logged calls, emails and texts',
			routing: {
				...listRouting('GET', '/v1.0/logType', logPages),
				send: { preSend: [checkParameters([{ parameter: 'filters.leadId', label: 'Lead ID', check: 'id', optional: true }])] },
			},
		},
	],
	'create',
);

/** LogTypeRequest fields besides leadId, logType and callingOutcome. */
const logOptionalFields: INodeProperties[] = [
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What was said or written',
		routing: { send: { type: 'body', property: 'content' } },
	},
	{
		displayName: 'Direction',
		name: 'outboundOrInbound',
		type: 'options',
		options: [
			{ name: 'Inbound', value: 'Inbound' },
			{ name: 'Outbound', value: 'Outbound' },
		],
		default: 'Outbound',
		description: 'Whether the agent reached out or the lead did',
		routing: { send: { type: 'body', property: 'outboundOrInbound' } },
	},
	{
		displayName: 'Lead Phone Number',
		name: 'leadPhoneNumber',
		type: 'string',
		default: '',
		placeholder: '5125550100',
		description: 'Phone number of the lead that was called or texted',
		displayOptions: { show: { '/logType': ['logCall', 'logText'] } },
		routing: { send: { type: 'body', property: 'leadPhoneNumber' } },
	},
	{
		displayName: 'Pin',
		name: 'isPin',
		type: 'boolean',
		default: false,
		description: "Whether to pin the log to the top of the lead's timeline",
		routing: { send: { type: 'body', property: 'isPin' } },
	},
];

export const logFields: INodeProperties[] = [
	// Create
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['create']), 'ID of the lead the call, email or text was with'),
		routing: { send: { type: 'body', property: 'leadId', value: trimmed } },
	},
	{
		displayName: 'Log Type',
		name: 'logType',
		type: 'options',
		required: true,
		options: logTypeOptions,
		default: 'logCall',
		description: 'What to log',
		displayOptions: showFor(RESOURCE, ['create']),
		routing: { send: { type: 'body', property: 'logType' } },
	},
	{
		displayName: 'Calling Outcome',
		name: 'callingOutcome',
		type: 'options',
		required: true,
		options: callingOutcomeOptions,
		default: 'Talked',
		description: 'How the call went',
		displayOptions: showFor(RESOURCE, ['create'], { logType: ['logCall'] }),
		routing: { send: { type: 'body', property: 'callingOutcome' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: logOptionalFields,
	},
	additionalBodyField('LogTypeRequest', showFor(RESOURCE, ['create']), 'logJson'),

	// Get / Delete
	idField('logTypeId', 'Log ID', showFor(RESOURCE, ['delete', 'get']), 'ID of the logged call, email or text'),

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], LOG_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: [
			{
				displayName: 'Lead ID',
				name: 'leadId',
				type: 'string',
				default: '',
				placeholder: '1234567',
				description: 'Only logs on this lead',
				routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
			},
			{
				displayName: 'Log Type',
				name: 'logType',
				type: 'options',
				options: logTypeOptions,
				default: 'logCall',
				description: 'Only logs of this kind',
				routing: { send: { type: 'query', property: 'logType' } },
			},
		],
	},
];
