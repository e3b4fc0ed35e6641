import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit } from '../../shared/descriptions';
import type { PagingOptions } from '../../shared/pagination';

const RESOURCE = 'tag';

/** GET /v1.0/teamFeatures/listTag answers with the whole list: Limit only cuts it. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

export const tagOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tags',
			description: 'Get the lead tags that exist in the team',
			routing: listRouting('GET', '/v1.0/teamFeatures/listTag', wholeList),
		},
	],
	'getAll',
);

export const tagFields: INodeProperties[] = [
	...returnAllAndLimit(RESOURCE, ['getAll'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
];
