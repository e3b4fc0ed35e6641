import type { OperationDescription } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';

export const getCurrentUser: OperationDescription = {
	option: {
		name: 'Get Current User',
		value: 'getCurrentUser',
		action: 'Get the current user',
		description: 'Get the member the credential belongs to',
		routing: requestWith({ method: 'GET', url: '/v1.0/me' }, sendRequest()),
	},
	description: [],
};
