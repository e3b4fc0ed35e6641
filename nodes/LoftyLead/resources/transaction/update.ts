import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, TRANSACTION_PATH, leadIdField, transactionBodyRules, transactionBodySteps, transactionIdField, transactionFields } from './shared';

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a transaction',
		description: 'Update a transaction of a lead',
		routing: requestWith({ method: 'PUT', url: TRANSACTION_PATH }, sendRequest(), transactionBodySteps, transactionBodyRules),
	},
	description: forOperation(RESOURCE, 'update', [
		leadIdField,
		transactionIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: transactionFields('update'),
		},
		additionalBodyField('LeadTransaction', undefined, 'transactionJson'),
	]),
};
