import type { OperationDescription } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';

export const get: OperationDescription = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the organization',
		description: "Get the organization of the credential's user, with its Enterprise or Multi-Team structure",
		routing: requestWith({ method: 'GET', url: '/v1.0/org' }, sendRequest()),
	},
	description: [],
};
