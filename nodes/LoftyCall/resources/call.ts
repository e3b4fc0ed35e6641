import type { INodeProperties } from 'n8n-workflow';

import { idField, listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { apiPath, trimmed } from '../../shared/values';

const RESOURCE = 'call';
/**
 * GET /v1.0/calls pages by offset/limit and reports _metadata.total. The reference gives no
 * maximum page size; 100 is what Lofty's other offset lists accept.
 */
const CALL_PAGE_SIZE = 100;
const callPages: PagingOptions = { style: 'offset', pageSize: CALL_PAGE_SIZE, records: 'calls' };

export const callOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a call',
			description: 'Get a call with its outcome, duration, times and phone numbers',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/calls/{callId}') },
				send: { preSend: [checkParameters([{ parameter: 'callId', label: 'Call ID', check: 'id' }])] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many calls',
			description: 'Search calls, optionally of one lead',
			routing: {
				...listRouting('GET', '/v1.0/calls', callPages),
				send: { preSend: [checkParameters([{ parameter: 'filters.leadId', label: 'Lead ID', check: 'id', optional: true }])] },
			},
		},
	],
	'getAll',
);

export const callFields: INodeProperties[] = [
	idField('callId', 'Call ID', showFor(RESOURCE, ['get']), 'ID of the call'),

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], CALL_PAGE_SIZE),
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
				description: 'Only calls with this lead',
				routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
			},
		],
	},
];
