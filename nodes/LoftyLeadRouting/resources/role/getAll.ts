import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { listRouting } from '../../../shared/routing';
import { WHOLE_LIST_HINT, wholeList } from '../routingType';
import { RESOURCE } from './shared';

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many assignment roles',
		description: 'Get the assignment roles lead routing works with, such as Agent, Lender and assistant roles',
		routing: listRouting({ method: 'GET', url: '/v1.0/routing/role/list' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getAll', limitFields(wholeList.pageSize, WHOLE_LIST_HINT)),
};
