import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import {
	RESOURCE,
	leadIdField,
	transactionBodyRules,
	transactionBodySteps,
	transactionFields,
	transactionNameField,
	transactionTypeField,
} from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a transaction',
		description: 'Add a transaction to a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/{leadId}/transaction' },
			// Lofty answers with a bare string; when it is the new id, output it as transactionId.
			sendRequest({ idKey: 'transactionId' }),
			transactionBodySteps,
			transactionBodyRules,
		),
	},
	description: forOperation(RESOURCE, 'create', [
		leadIdField,
		{ ...transactionNameField, required: true },
		{ ...transactionTypeField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: transactionFields('create'),
		},
		additionalBodyField('LeadTransaction', undefined, 'transactionJson'),
	]),
};
