import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import * as field from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an account',
		description: 'Add a new agent account to the team',
		routing: requestWith({ method: 'POST', url: '/v1.0/agent' }, sendRequest(), [additionalBody(), compactBody], [
			...field.accountRules('additionalFields'),
		]),
	},
	description: forOperation(field.RESOURCE, 'create', [
		{ ...field.emailField, required: true },
		{ ...field.firstNameField, required: true },
		{ ...field.lastNameField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				field.addressField,
				field.allowChangeSendingField,
				field.groupIdField,
				...field.licenseToSocialMedia,
			],
		},
		additionalBodyField('AccountRequest', undefined),
	]),
};
