import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit } from '../../shared/descriptions';
import { WHOLE_LIST_HINT, wholeList } from './routingType';

const RESOURCE = 'role';

export const roleOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many assignment roles',
			description: 'Get the assignment roles lead routing works with, such as Agent, Lender and assistant roles',
			routing: listRouting('GET', '/v1.0/routing/role/list', wholeList),
		},
	],
	'getAll',
);

export const roleFields: INodeProperties[] = returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
	property.name === 'limit' ? { ...property, hint: WHOLE_LIST_HINT } : property,
);
