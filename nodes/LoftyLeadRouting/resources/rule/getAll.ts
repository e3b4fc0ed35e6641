import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { listRouting } from '../../../shared/routing';
import { WHOLE_LIST_HINT, roleIdField, routingTypeField, wholeList } from '../routingType';
import { RESOURCE } from './shared';

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many routing rules',
		description: 'Get the routing rules of a routing type, in the order Lofty applies them',
		routing: listRouting({ method: 'GET', url: '/v1.0/routing/rule/list/{routingType}' }, wholeList, [], [{ at: 'roleId', label: 'Role Name or ID', check: 'id', optional: true }]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		routingTypeField,
		// The reference requires roleId when type == 4.
		roleIdField('Assignment role whose assistant-lead routing to read.', { required: true, send: 'query' }),
		...limitFields(wholeList.pageSize, WHOLE_LIST_HINT),
	]),
};
