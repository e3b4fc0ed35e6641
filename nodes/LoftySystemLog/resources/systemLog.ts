import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { compactBody, convertDates } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { checkSystemLogFilters } from '../SystemLogFunctions';

const RESOURCE = 'systemLog';
/** GET /v1.0/systemLogs pages by pageNumber (from 0) with pageSize up to 100. */
const SYSTEM_LOG_PAGE_SIZE = 100;
const systemLogPages: PagingOptions = { style: 'pageNumber', pageSize: SYSTEM_LOG_PAGE_SIZE };

/** startTime/endTime are int64 timestamps: epoch milliseconds, like every other Lofty time. */
const timeWindow = convertDates({
	'qs.startTime': { format: 'epochMs', label: 'Start Time' },
	'qs.endTime': { format: 'epochMs', label: 'End Time' },
});

export const systemLogOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many system logs',
			description: 'Search the system logs of leads, optionally of one lead and within a time window',
			routing: {
				...listRouting('GET', '/v1.0/systemLogs', systemLogPages),
				send: { preSend: [timeWindow, checkSystemLogFilters, compactBody] },
			},
		},
	],
	'getAll',
);

export const systemLogFields: INodeProperties[] = [
	...returnAllAndLimit(RESOURCE, ['getAll'], SYSTEM_LOG_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: [
			{
				displayName: 'End Time',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Only logs created before this time; Lofty receives it as epoch milliseconds',
				routing: { send: { type: 'query', property: 'endTime' } },
			},
			{
				displayName: 'Lead ID',
				name: 'leadId',
				type: 'string',
				default: '',
				placeholder: '1234567',
				description: 'Only the logs of this lead',
				routing: { send: { type: 'query', property: 'leadId' } },
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Only logs created at or after this time; Lofty receives it as epoch milliseconds',
				routing: { send: { type: 'query', property: 'startTime' } },
			},
		],
	},
];
