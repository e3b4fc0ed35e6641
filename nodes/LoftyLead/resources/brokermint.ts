import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalBody, additionalBodyField, operationProperty, showFor } from '../../shared/descriptions';
import { checkParameters, compactBody, convertDates, sendIntegers } from '../../shared/input';
import { trimmed } from '../../shared/values';

const RESOURCE = 'brokermint';

const contactEmail = checkParameters([{ parameter: 'contactEmail', label: 'Email', check: 'email' }]);
const transactionChecks = checkParameters([{ parameter: 'incomingTransactionId', label: 'Transaction ID', check: 'id' }]);

/**
 * Contacts carries no Lofty lead ID: the lead is found by the Brokermint external ID or,
 * failing that, by email (the reference marks neither as required), so one of them must be given.
 */
async function externalIdOrEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const given = (name: string) => String(this.getNodeParameter(name, '') ?? '').trim() !== '';
	if (!given('externalId') && !given('contactEmail')) {
		throw new NodeOperationError(this.getNode(), 'Give an External ID or an Email to find the lead by', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
}

/**
 * IncomingTransaction gives no type for its four dates (the reference leaves the schema
 * column empty). Lofty's other transaction dates are epoch milliseconds, so these are
 * sent the same way, converted from n8n date-times.
 */
const transactionDates = convertDates({
	'body.acceptanceDate': { format: 'epochMs', label: 'Acceptance Date' },
	'body.closedAt': { format: 'epochMs', label: 'Closed At' },
	'body.closingDate': { format: 'epochMs', label: 'Closing Date' },
	'body.expirationDate': { format: 'epochMs', label: 'Expiration Date' },
});

export const brokermintOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Update Lead',
			value: 'updateLead',
			action: 'Update a lead from Brokermint',
			description: 'Update a lead with contact details from Brokermint',
			routing: {
				request: { method: 'PUT', url: '/v1.0/brokermint/lead' },
				send: { preSend: [additionalBody(), externalIdOrEmail, contactEmail, compactBody] },
			},
		},
		{
			name: 'Update Transaction',
			value: 'updateTransaction',
			action: 'Update a transaction from Brokermint',
			description: 'Update the transaction of a lead with details from Brokermint',
			routing: {
				request: { method: 'PUT', url: '/v1.0/brokermint/transaction' },
				send: {
					preSend: [
						transactionChecks,
						transactionDates,
						sendIntegers({ 'body.id': 'Transaction ID', 'body.agentId': 'Lofty Agent Name or ID' }),
						additionalBody(),
						compactBody,
					],
				},
			},
		},
	],
	'updateLead',
);

/** Plain string fields, each routed into the body under its own name. */
function bodyStrings(fields: Array<[displayName: string, name: string, description?: string]>): INodeProperties[] {
	return fields.map(([displayName, name, description]) => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		routing: { send: { type: 'body', property: name } },
	}));
}

/** Contacts fields besides externalId and email. */
const contactFields: INodeProperties[] = [
	...bodyStrings([
		['Address', 'address', 'Street address'],
		['City', 'city'],
		['Contact Type', 'contactType', 'Type of the contact in Brokermint'],
	]),
	...bodyStrings([
		['First Name', 'firstName'],
		['Last Name', 'lastName'],
		['Lead Source', 'leadSource', 'Where the lead came from'],
		['Phone', 'phone'],
	]),
	{
		displayName: 'Private in Brokermint',
		name: 'bmPrivate',
		type: 'boolean',
		default: false,
		description: 'Whether the contact is private in Brokermint',
		routing: { send: { type: 'body', property: 'bmPrivate' } },
	},
	...bodyStrings([
		['State', 'state'],
		['Zip Code', 'zip'],
	]),
];

/** IncomingTransaction fields besides id. */
const incomingTransactionFields: INodeProperties[] = [
	{
		displayName: 'Acceptance Date',
		name: 'acceptanceDate',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'acceptanceDate' } },
	},
	...bodyStrings([
		['Address', 'address', 'Street address of the property'],
		['Agent Name', 'agentName', 'Name of the agent on the transaction'],
		['City', 'city'],
	]),
	{
		displayName: 'Closed At',
		name: 'closedAt',
		type: 'dateTime',
		default: '',
		description: 'When the transaction closed',
		routing: { send: { type: 'body', property: 'closedAt' } },
	},
	{
		displayName: 'Closing Date',
		name: 'closingDate',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'closingDate' } },
	},
	{
		displayName: 'Expiration Date',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'expirationDate' } },
	},
	{
		displayName: 'Lofty Agent Name or ID',
		name: 'agentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		default: '',
		description:
			'Agent on the transaction. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'agentId' } },
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		routing: { send: { type: 'body', property: 'price' } },
	},
	...bodyStrings([
		['Representing', 'representing', 'Side the agent represents, e.g. buyer or seller'],
		['State', 'state'],
		['Status', 'status', 'Status of the transaction'],
		['Transaction Type', 'transactionType'],
		['Zip Code', 'zip'],
	]),
];

export const brokermintFields: INodeProperties[] = [
	// Update Lead
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'ID of the contact in Brokermint; Lofty finds the lead by it, or else by Email',
		displayOptions: showFor(RESOURCE, ['updateLead']),
		routing: { send: { type: 'body', property: 'externalId' } },
	},
	{
		displayName: 'Email',
		name: 'contactEmail',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address of the lead; used to find the lead when External ID is empty or unknown to Lofty',
		displayOptions: showFor(RESOURCE, ['updateLead']),
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'Update Fields',
		name: 'leadFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['updateLead']),
		options: contactFields,
	},

	// Update Transaction
	{
		displayName: 'Transaction ID',
		name: 'incomingTransactionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1234567',
		description: 'ID of the transaction to update (IncomingTransaction ID)',
		displayOptions: showFor(RESOURCE, ['updateTransaction']),
		routing: { send: { type: 'body', property: 'id', value: trimmed } },
	},
	{
		displayName: 'Update Fields',
		name: 'transactionFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['updateTransaction']),
		options: incomingTransactionFields,
	},
	additionalBodyField('Contacts', showFor(RESOURCE, ['updateLead'])),
	additionalBodyField('IncomingTransaction', showFor(RESOURCE, ['updateTransaction'])),
];
