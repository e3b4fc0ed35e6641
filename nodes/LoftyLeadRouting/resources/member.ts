import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit } from '../../shared/descriptions';
import { compactBody } from '../../shared/input';
import { checkRoleId, checkRoutingType } from '../LeadRoutingFunctions';
import { WHOLE_LIST_HINT, roleIdField, wholeList } from './routingType';
import { apiPath } from '../../shared/values';

const RESOURCE = 'member';

export const memberOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many assignable members',
			description: 'Get the members lead routing can assign leads of a routing type to',
			routing: {
				...listRouting('GET', apiPath('/v1.0/routing/member/list/{routingType}'), wholeList),
				// The reference does not require roleId here: an assistant-lead list may leave it out.
				send: { preSend: [checkRoutingType, checkRoleId(false), compactBody] },
			},
		},
	],
	'getAll',
);

export const memberFields: INodeProperties[] = [
	{
		// The reference lists roleId for this endpoint whatever the routing type.
		...roleIdField(RESOURCE, ['getAll'], { required: false, send: 'query', everyType: true }),
		description:
			'Only members who hold this assignment role; leave empty for every member. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: WHOLE_LIST_HINT } : property,
	),
];
