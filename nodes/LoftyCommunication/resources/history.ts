import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { trimmed } from '../../shared/values';

/**
 * Call, email and text history (GET /v1.0/communication/call|call/v2|email|text): bare arrays
 * paged by the currentId cursor, which Lofty recommends over offset; limit max 1000.
 */
const HISTORY_PAGE_SIZE = 1000;
const historyPages: PagingOptions = { style: 'currentId', pageSize: HISTORY_PAGE_SIZE };
const leadIdFilter = checkParameters([{ parameter: 'filters.leadId', label: 'Lead ID', check: 'id', optional: true }]);

function historyRouting(url: string) {
	return { ...listRouting('GET', url, historyPages), send: { preSend: [leadIdFilter] } };
}

export const callHistoryOperations = operationProperty(
	'call',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many calls',
			description: 'Get the call history with outcome, duration, times and phone numbers of each call',
			routing: historyRouting('/v1.0/communication/call'),
		},
		{
			name: 'Get Many (V2)',
			value: 'getAllV2',
			action: 'Get many calls with the v2 call history',
			description: 'Get the v2 call history: agent, lead, direction, time and lead phone number of each call',
			routing: historyRouting('/v1.0/communication/call/v2'),
		},
	],
	'getAll',
);

export const emailHistoryOperations = operationProperty(
	'email',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many emails',
			description: 'Get the email history: sent, opened and bounced emails',
			routing: historyRouting('/v1.0/communication/email'),
		},
	],
	'getAll',
);

export const textHistoryOperations = operationProperty(
	'text',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many texts',
			description: 'Get the text message history',
			routing: historyRouting('/v1.0/communication/text'),
		},
	],
	'getAll',
);

function historyFields(resource: string, operations: string[]): INodeProperties[] {
	return [
		...returnAllAndLimit(resource, operations, HISTORY_PAGE_SIZE),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: showFor(resource, operations),
			options: [
				{
					displayName: 'Lead ID',
					name: 'leadId',
					type: 'string',
					default: '',
					placeholder: '1234567',
					description: 'Only the history with this lead',
					routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
				},
			],
		},
	];
}

export const historyFieldsByResource: INodeProperties[] = [
	...historyFields('call', ['getAll', 'getAllV2']),
	...historyFields('email', ['getAll']),
	...historyFields('text', ['getAll']),
];
