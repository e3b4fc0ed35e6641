import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { listRouting } from '../../../shared/routing';
import { RESOURCE, WHOLE_LIST_HINT, leadIdField, wholeList } from './shared';

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many transactions',
		description: 'Get many transactions of a lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/leads/{leadId}/transactions' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getAll', [leadIdField, ...limitFields(wholeList.pageSize, WHOLE_LIST_HINT)]),
};
