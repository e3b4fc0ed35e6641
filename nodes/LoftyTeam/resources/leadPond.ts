import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { apiPath } from '../../shared/values';

const RESOURCE = 'leadPond';

/** GET /v1.0/team-features/lead-ponds answers with the whole list: Limit only cuts it. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

const leadPondId = checkParameters([{ parameter: 'leadPondId', label: 'Lead Pond', check: 'id' }]);

export const leadPondOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a lead pond',
			description: 'Get a lead pond with the agents who can work it',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/team-features/lead-pond/{leadPondId}') },
				send: { preSend: [leadPondId] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many lead ponds',
			description: 'Get the lead ponds of the team',
			routing: listRouting('GET', '/v1.0/team-features/lead-ponds', wholeList),
		},
	],
	'getAll',
);

export const leadPondFields: INodeProperties[] = [
	{
		displayName: 'Lead Pond Name or ID',
		name: 'leadPondId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadPonds' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: showFor(RESOURCE, ['get']),
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
];
