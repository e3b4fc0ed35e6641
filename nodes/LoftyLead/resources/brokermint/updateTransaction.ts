import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody, dateRules, integerRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { inBody } from '../../LoftyLeadFunctions';
import { RESOURCE, bodyStrings } from './shared';

export const updateTransaction: OperationDescription = {
	option: {
		name: 'Update Transaction',
		value: 'updateTransaction',
		action: 'Update a transaction from Brokermint',
		description: 'Update the transaction of a lead with details from Brokermint',
		routing: requestWith({ method: 'PUT', url: '/v1.0/brokermint/transaction' }, sendRequest(), [additionalBody(), compactBody], [
			{ at: 'incomingTransactionId', label: 'Transaction ID', check: 'id' },
			// The reference gives these four dates no type; Lofty's other transaction dates are epoch milliseconds.
			...dateRules({
				'body.acceptanceDate': { format: 'epochMs', label: 'Acceptance Date' },
				'body.closedAt': { format: 'epochMs', label: 'Closed At' },
				'body.closingDate': { format: 'epochMs', label: 'Closing Date' },
				'body.expirationDate': { format: 'epochMs', label: 'Expiration Date' },
			}),
			// Also trims the Transaction ID, sent as it is typed.
			...integerRules({ 'body.id': 'Transaction ID', 'body.agentId': 'Lofty Agent Name or ID' }),
		]),
	},
	description: forOperation(RESOURCE, 'updateTransaction', [
		{
			...recordIdField('incomingTransactionId', 'Transaction ID', 'ID of the transaction to update (IncomingTransaction ID)'),
			routing: { send: { type: 'body', property: 'id' } },
		},
		{
			displayName: 'Update Fields',
			name: 'transactionFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			// IncomingTransaction fields besides id.
			options: [
				inBody({ displayName: 'Acceptance Date', name: 'acceptanceDate', type: 'dateTime', default: '' }),
				...bodyStrings([
					['Address', 'address', 'Street address of the property'],
					['Agent Name', 'agentName', 'Name of the agent on the transaction'],
					['City', 'city'],
				]),
				inBody({ displayName: 'Closed At', name: 'closedAt', type: 'dateTime', default: '', description: 'When the transaction closed' }),
				inBody({ displayName: 'Closing Date', name: 'closingDate', type: 'dateTime', default: '' }),
				inBody({ displayName: 'Expiration Date', name: 'expirationDate', type: 'dateTime', default: '' }),
				accountOption({
					displayName: 'Lofty Agent Name or ID',
					name: 'agentId',
					loadOptionsMethod: 'getMemberUsers',
					description: 'Agent on the transaction.',
					routing: { send: { type: 'body', property: 'agentId' } },
				}),
				inBody({ displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 }),
				...bodyStrings([
					['Representing', 'representing', 'Side the agent represents, e.g. buyer or seller'],
					['State', 'state'],
					['Status', 'status', 'Status of the transaction'],
					['Transaction Type', 'transactionType'],
					['Zip Code', 'zip'],
				]),
			],
		},
		additionalBodyField('IncomingTransaction', undefined),
	]),
};
