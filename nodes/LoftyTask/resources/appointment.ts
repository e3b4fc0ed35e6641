import type { INodeProperties } from 'n8n-workflow';

import { idField, listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { trimmed } from '../../shared/values';

const RESOURCE = 'appointment';

/** GET /v1.0/appts has no paging: the lead's appointments come in one response. Limit only cuts the list. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

const leadId = checkParameters([{ parameter: 'leadId', label: 'Lead ID', check: 'id' }]);

export const appointmentOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many appointments',
			description: 'Get the appointments of a lead',
			routing: {
				...listRouting('GET', '/v1.0/appts', wholeList),
				send: { preSend: [leadId] },
			},
		},
	],
	'getAll',
);

export const appointmentFields: INodeProperties[] = [
	{
		...idField('leadId', 'Lead ID', showFor(RESOURCE, ['getAll']), 'ID of the lead whose appointments to get'),
		routing: { send: { type: 'query', property: 'leadId', value: trimmed } },
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit'
			? { ...property, hint: 'Lofty returns all appointments of the lead in one response; Limit cuts the list' }
			: property,
	),
];
