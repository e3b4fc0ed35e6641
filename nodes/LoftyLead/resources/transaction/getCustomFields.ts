import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { listRouting } from '../../../shared/routing';
import { RESOURCE, WHOLE_LIST_HINT, wholeList } from './shared';

export const getCustomFields: OperationDescription = {
	option: {
		name: 'Get Custom Fields',
		value: 'getCustomFields',
		action: 'Get transaction custom fields',
		description: 'Get the custom fields defined for transactions in the account',
		routing: listRouting({ method: 'GET', url: '/v1.0/transaction/customfields' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getCustomFields', limitFields(wholeList.pageSize, WHOLE_LIST_HINT)),
};
