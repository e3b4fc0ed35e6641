import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { getMemberByAccount } from '../../LoftyMemberFunctions';
import { RESOURCE } from './shared';

export const getByAccount: OperationDescription = {
	option: {
		name: 'Get by Account',
		value: 'getByAccount',
		action: 'Get a member by account',
		description: 'Get a team member by the email address of their account',
		routing: requestWith({ method: 'GET', url: '/v1.0/members/{account}' }, getMemberByAccount, [], [
			{ at: 'account', label: 'Account', check: 'email' },
		]),
	},
	description: forOperation(RESOURCE, 'getByAccount', [
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address the member signs in to Lofty with',
		},
	]),
};
