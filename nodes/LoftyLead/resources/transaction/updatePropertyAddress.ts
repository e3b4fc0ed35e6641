import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody, integerRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, idInBody } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { inBody } from '../../LoftyLeadFunctions';
import { RESOURCE, leadIdField, transactionIdField } from './shared';

export const updatePropertyAddress: OperationDescription = {
	option: {
		name: 'Update Property Address',
		value: 'updatePropertyAddress',
		action: 'Update the property address of a transaction',
		description: 'Set the street, city, state and ZIP code of the property a transaction of a lead is about',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/{leadId}/transaction/property/address' },
			sendRequest(),
			// The transaction goes in the body here, not in the URL; its integer rule trims it.
			[idInBody('transactionId'), additionalBody(), compactBody],
			integerRules({ 'body.transactionId': 'Transaction ID' }),
		),
	},
	description: forOperation(RESOURCE, 'updatePropertyAddress', [
		leadIdField,
		transactionIdField,
		additionalBodyField('LeadTransactionPropertyAddress', undefined),
		{
			displayName: 'Address',
			name: 'propertyAddress',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: "Address of the transaction's property",
			// LeadTransactionPropertyAddress fields besides transactionId.
			options: (
				[
					['City', 'city'],
					['County', 'county'],
					['Label', 'label'],
					['State', 'state'],
					['Street Address', 'streetAddress'],
					['Unit', 'unit'],
					['Zip Code', 'zipCode'],
				] as const
			).map(([displayName, name]) => inBody({ displayName, name, type: 'string', default: '' })),
		},
	]),
};
