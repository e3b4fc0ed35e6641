import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, leadIdField, transactionIdField } from './shared';

export const getPropertyAddress: OperationDescription = {
	option: {
		name: 'Get Property Address',
		value: 'getPropertyAddress',
		action: 'Get the property address of a transaction',
		description: 'Get the street, city, state and ZIP code of the property a transaction of a lead is about',
		routing: requestWith(
			{ method: 'GET', url: '/v1.0/leads/{leadId}/transaction/{transactionId}/property/address' },
			sendRequest(),
		),
	},
	description: forOperation(RESOURCE, 'getPropertyAddress', [leadIdField, transactionIdField]),
};
