import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { roleIdField, routingTypeField } from '../routingType';
import { RESOURCE } from './shared';

export const getDefault: OperationDescription = {
	option: {
		name: 'Get Default',
		value: 'getDefault',
		action: 'Get the default routing rule',
		description: 'Get the rule that routes leads no other rule matches',
		routing: requestWith({ method: 'GET', url: '/v1.0/routing/rule/supplement/{routingType}' }, sendRequest(), [], [{ at: 'roleId', label: 'Role Name or ID', check: 'id', optional: true }]),
	},
	description: forOperation(RESOURCE, 'getDefault', [
		routingTypeField,
		// The reference requires roleId when type == 4.
		roleIdField('Assignment role whose assistant-lead routing to read.', { required: true, send: 'query' }),
	]),
};
