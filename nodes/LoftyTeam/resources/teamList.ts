import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationDescription } from '../../shared/operations';
import { forOperation, limitFields } from '../../shared/operations';
import type { PagingOptions } from '../../shared/pagination';
import { listRouting } from '../../shared/routing';

/** The team's lists (lead ponds, custom fields, tags) come whole in one response: Limit only cuts them. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

/** Get Many of one of the team's lists, read with GET `url`. */
export function teamListOperation(resource: string, url: string, option: Omit<INodePropertyOptions, 'value' | 'routing'>): OperationDescription {
	return {
		option: { ...option, value: 'getAll', routing: listRouting({ method: 'GET', url }, wholeList) },
		description: forOperation(
			resource,
			'getAll',
			limitFields(wholeList.pageSize, 'Lofty returns the whole list in one response; Limit cuts it'),
		),
	};
}
