import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, USER_PATH, userIdField, userIdRule } from './shared';

export const get: OperationDescription = {
	option: {
		name: 'Get by ID (Deprecated)',
		value: 'get',
		action: 'Get a member by ID (deprecated)',
		description: 'Deprecated by Lofty: use Get by Account or Get Many instead',
		routing: requestWith({ method: 'GET', url: USER_PATH }, sendRequest(), [], [userIdRule]),
	},
	description: forOperation(RESOURCE, 'get', [
		{
			displayName: 'Lofty marks this endpoint as deprecated: prefer Get by Account or Get Many',
			name: 'deprecatedNotice',
			type: 'notice',
			default: '',
		},
		userIdField('The member to get.'),
	]),
};
