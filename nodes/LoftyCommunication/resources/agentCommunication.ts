import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters, convertDates } from '../../shared/input';
import { AGENT_COMMUNICATION_PAGE_SIZE, checkTimeRange, getAgentCommunication } from '../CommunicationFunctions';

const RESOURCE = 'agentCommunication';

const timeRange = [
	checkParameters([
		{ parameter: 'startTime', label: 'Start Time', check: 'required' },
		{ parameter: 'endTime', label: 'End Time', check: 'required' },
	]),
	convertDates({
		'body.startTime': { format: 'epochMs', label: 'Start Time' },
		'body.endTime': { format: 'epochMs', label: 'End Time' },
	}),
	checkTimeRange,
];

export const agentCommunicationOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many communications of the agent',
			description: 'Search the calls, emails and texts of the agent (or the team) in a time range',
			routing: {
				request: { method: 'POST', url: '/v1.0/agent/communication' },
				send: { preSend: timeRange },
				operations: { pagination: getAgentCommunication },
			},
		},
	],
	'getAll',
);

export const agentCommunicationFields: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Communication from this time on',
		displayOptions: showFor(RESOURCE, ['getAll']),
		routing: { send: { type: 'body', property: 'startTime' } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Communication up to this time',
		hint: 'Lofty searches at most 24 hours at a time; longer ranges are searched day by day',
		displayOptions: showFor(RESOURCE, ['getAll']),
		routing: { send: { type: 'body', property: 'endTime' } },
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], AGENT_COMMUNICATION_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: [
			{
				displayName: 'Team View',
				name: 'teamView',
				type: 'boolean',
				default: false,
				description: "Whether to include the communication with the team's leads, not only the agent's own",
				routing: { send: { type: 'body', property: 'teamView' } },
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Call', value: 'CALL' },
					{ name: 'Email', value: 'EMAIL' },
					{ name: 'Text', value: 'TEXT' },
				],
				default: 'CALL',
				description: 'Only communication of this kind',
				routing: { send: { type: 'body', property: 'type' } },
			},
		],
	},
];
