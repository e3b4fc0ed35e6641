import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import * as field from './shared';

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an account',
		description: "Update an agent's account, found by the agent's user ID",
		routing: requestWith({ method: 'PUT', url: '/v1.0/agent' }, sendRequest(), [
			additionalBody(),
			compactBody,
		], [
			{ at: 'teamMemberUserId', label: 'Member', check: 'id' },
			...field.accountRules('updateFields'),
			{ at: 'body', label: 'Update Fields', check: 'changes', except: ['teamMemberUserId'] },
		]),
	},
	description: forOperation(field.RESOURCE, 'update', [
		accountOption({
			displayName: 'Member Name or ID',
			name: 'teamMemberUserId',
			loadOptionsMethod: 'getMemberUsers',
			description: 'The agent whose account to update.',
			required: true,
			routing: { send: { type: 'body', property: 'teamMemberUserId' } },
		}),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				field.addressField,
				field.allowChangeSendingField,
				field.emailField,
				field.firstNameField,
				field.groupIdField,
				field.lastNameField,
				...field.licenseToSocialMedia,
			],
		},
		additionalBodyField('AccountRequest', undefined),
	]),
};
