import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { listRouting } from '../../../shared/routing';
import { WHOLE_LIST_HINT, roleIdField, routingTypeField, wholeList } from '../routingType';
import { RESOURCE } from './shared';

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many assignable members',
		description: 'Get the members lead routing can assign leads of a routing type to',
		routing: listRouting({ method: 'GET', url: '/v1.0/routing/member/list/{routingType}' }, wholeList, [compactBody], [
			// The reference does not require roleId here: an assistant-lead list may leave it out.
			{ at: 'roleId', label: 'Role Name or ID', check: 'id', optional: true },
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		routingTypeField,
		// The reference lists roleId for this endpoint whatever the routing type.
		roleIdField('Only members who hold this assignment role; leave empty for every member.', {
			required: false,
			send: 'query',
			everyType: true,
		}),
		...limitFields(wholeList.pageSize, WHOLE_LIST_HINT),
	]),
};
