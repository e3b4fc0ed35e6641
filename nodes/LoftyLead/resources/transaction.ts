import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	customFieldsProperty,
	idField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, convertDates, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendRequest } from '../../shared/pagination';
import { apiPath, trimmed, valueTransform } from '../../shared/values';

const RESOURCE = 'transaction';

/** Both transaction lists come back whole in one response: Limit only cuts them. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

const leadIdRule = { parameter: 'leadId', label: 'Lead ID', check: 'id' } as const;
const transactionIdRule = { parameter: 'transactionId', label: 'Transaction ID', check: 'id' } as const;
const leadId = checkParameters([leadIdRule]);
const leadAndTransactionIds = checkParameters([leadIdRule, transactionIdRule]);
const createRequired = checkParameters([
	leadIdRule,
	{ parameter: 'transactionName', label: 'Transaction Name', check: 'required' },
	{ parameter: 'transactionType', label: 'Transaction Type', check: 'required' },
]);
const transactionJson = additionalBody('transactionJson');

/** LeadTransaction integers: commission parties and entries, and custom field ids. */
const transactionIntegers = sendIntegers(
	Object.fromEntries(
		['preSplit', 'split', 'postSplit'].flatMap((stage) => [
			[`body.commissions.${stage}[].payTo`, 'Pay To'],
			[`body.commissions.${stage}[].splitPayTo`, 'Split Pay To'],
			[`body.commissions.${stage}[].id`, 'Commission ID'],
		]).concat([['body.customFields[].id', 'Custom Field Name or ID']]),
	),
);

/** LeadTransaction dates: n8n date-times in the form, epoch milliseconds for Lofty. */
const DATE_FIELDS: Array<[displayName: string, name: string, description?: string]> = [
	['Agreement Signed Date', 'agreementSignedDate'],
	['Appointment Date', 'appointmentDate'],
	['Appraisal Date', 'appraisalDate'],
	['Close Date', 'closeDate', 'When the transaction closed'],
	['Contract Date', 'contractDate'],
	['Escrow Date', 'escrowDate'],
	['Expected Close Date', 'expectedCloseDate', 'When the transaction is expected to close'],
	['Expiration', 'expiration', 'When the agreement expires'],
	['Home Inspection Date', 'homeInspectionDate'],
	['Offer Date', 'offerDate'],
];

const transactionDates = convertDates(
	Object.fromEntries(DATE_FIELDS.map(([label, name]) => [`body.${name}`, { format: 'epochMs', label }] as const)),
);

const transactionTypeOptions = [
	{ name: 'Listing', value: 'Listing' },
	{ name: 'Purchase', value: 'Purchase' },
];

export const transactionOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a transaction',
			description: 'Add a transaction to a lead',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/transaction') },
				send: { preSend: [createRequired, transactionDates, transactionIntegers, transactionJson, compactBody] },
				// Lofty answers with a bare string; when it is the new id, output it as transactionId.
				operations: { pagination: sendRequest({ idKey: 'transactionId' }) },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a transaction',
			description: 'Get a transaction of a lead',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/leads/{leadId}/transaction/{transactionId}') },
				send: { preSend: [leadAndTransactionIds] },
			},
		},
		{
			name: 'Get Custom Fields',
			value: 'getCustomFields',
			action: 'Get transaction custom fields',
			description: 'Get the custom fields defined for transactions in the account',
			routing: listRouting('GET', '/v1.0/transaction/customfields', wholeList),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many transactions',
			description: 'Get many transactions of a lead',
			routing: {
				...listRouting('GET', apiPath('/v1.0/leads/{leadId}/transactions'), wholeList),
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Get Property Address',
			value: 'getPropertyAddress',
			action: 'Get the property address of a transaction',
			routing: {
				request: {
					method: 'GET',
					url: apiPath('/v1.0/leads/{leadId}/transaction/{transactionId}/property/address'),
				},
				send: { preSend: [leadAndTransactionIds] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a transaction',
			description: 'Update a transaction of a lead',
			routing: {
				request: { method: 'PUT', url: apiPath('/v1.0/leads/{leadId}/transaction/{transactionId}') },
				send: { preSend: [leadAndTransactionIds, transactionDates, transactionIntegers, transactionJson, compactBody] },
			},
		},
		{
			name: 'Update Property Address',
			value: 'updatePropertyAddress',
			action: 'Update the property address of a transaction',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/transaction/property/address') },
				send: {
					preSend: [leadAndTransactionIds, sendIntegers({ 'body.transactionId': 'Transaction ID' }), additionalBody(), compactBody],
				},
			},
		},
	],
	'create',
);

/** Who a commission (or its split) is paid to. */
const payTypeOptions = [
	{ name: 'Agent', value: 'AGENT' },
	{ name: 'Brokerage', value: 'BROKERAGE' },
	{ name: 'Lead', value: 'LEAD' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'Team', value: 'TEAM' },
	{ name: 'Vendor Partner', value: 'VENDOR_PARTNER' },
];

/** One Commission entry (pre-split, split or post-split). */
/** The three commission groups, each a list of rows. */
const commissionSplits = valueTransform(
	'={{ { preSplit: $value.preSplit || [], split: $value.split || [], postSplit: $value.postSplit || [] } }}',
	(value) => {
		const groups = (value as IDataObject | undefined) ?? {};
		return { preSplit: groups.preSplit || [], split: groups.split || [], postSplit: groups.postSplit || [] };
	},
);

const commissionValues: INodeProperties[] = [
	{
		displayName: 'Calculate Type',
		name: 'calculateType',
		type: 'options',
		options: [
			{ name: 'Amount', value: 'AMOUNT' },
			{ name: 'Percent', value: 'PERCENT' },
		],
		default: 'AMOUNT',
		description: 'Whether Value is an amount of money or a percentage',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		description:
			'Integer: for Amount, cents (5023 = $50.23); for Percent, the percentage × 100 (8010 = 80.10%). For pre- and post-split entries a negative value deducts, a positive one adds.',
	},
	{
		displayName: 'Pay Type',
		name: 'payType',
		type: 'options',
		options: payTypeOptions,
		default: 'AGENT',
		description: 'Kind of party that is paid',
	},
	{
		displayName: 'Pay To',
		name: 'payTo',
		type: 'string',
		default: '',
		placeholder: '1234567',
		description: 'Agent ID, team ID or lead ID of the party that is paid',
	},
	{
		displayName: 'Pay To Name',
		name: 'payToName',
		type: 'string',
		default: '',
		description: 'Name of the party that is paid (255 characters at most)',
	},
	{
		displayName: 'Split Pay Type',
		name: 'splitPayType',
		type: 'options',
		options: payTypeOptions,
		default: 'AGENT',
		description: 'Kind of party the split is paid to',
	},
	{
		displayName: 'Split Pay To',
		name: 'splitPayTo',
		type: 'string',
		default: '',
		placeholder: '1234567',
		description: 'Agent ID, team ID or lead ID of the party the split is paid to',
	},
	{
		displayName: 'Split Pay To Name',
		name: 'splitPayToName',
		type: 'string',
		default: '',
		description: 'Name of the party the split is paid to (255 characters at most)',
	},
	{
		displayName: 'Description',
		name: 'desc',
		type: 'string',
		default: '',
		description: 'Note on the commission (512 characters at most)',
	},
	{
		displayName: 'Commission ID',
		name: 'id',
		type: 'string',
		default: '',
		placeholder: '1234567',
		description: 'ID of an existing commission entry, when changing one; leave empty to add an entry',
	},
];

/**
 * LeadTransaction fields of both Create (beyond the required ones) and Update,
 * each routed into the body.
 */
const transactionOptionalFields: INodeProperties[] = [
	{
		displayName: 'Agent Revenue',
		name: 'agentRevenue',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Revenue of the agent from the transaction',
		routing: { send: { type: 'body', property: 'agentRevenue' } },
	},
	{
		displayName: 'Commission Rate',
		name: 'commissionRate',
		type: 'number',
		default: 0,
		description: 'Commission rate of the transaction',
		routing: { send: { type: 'body', property: 'commissionRate' } },
	},
	{
		displayName: 'Commissions',
		name: 'commissions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Commission entries before the split, of the split, and after the split',
		options: [
			{ displayName: 'Pre-Split', name: 'preSplit', values: commissionValues },
			{ displayName: 'Split', name: 'split', values: commissionValues },
			{ displayName: 'Post-Split', name: 'postSplit', values: commissionValues },
		],
		routing: {
			send: {
				type: 'body',
				property: 'commissions',
				value: commissionSplits,
			},
		},
	},
	customFieldsProperty({
		name: 'customFields',
		description: 'Transaction custom fields; Lofty inserts or fully overwrites each field given',
		keyField: 'id',
		loadOptionsMethod: 'getTransactionCustomFields',
		bodyProperty: 'customFields',
	}),
	{
		displayName: 'GCI',
		name: 'gci',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Gross commission income of the transaction',
		routing: { send: { type: 'body', property: 'gci' } },
	},
	{
		displayName: 'Home Price',
		name: 'homePrice',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		routing: { send: { type: 'body', property: 'homePrice' } },
	},
	{
		displayName: 'Team Revenue',
		name: 'teamRevenue',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Revenue of the team from the transaction',
		routing: { send: { type: 'body', property: 'teamRevenue' } },
	},
	{
		displayName: 'Transaction Status',
		name: 'transactionStatus',
		type: 'string',
		default: '',
		description: 'Status of the transaction, as named in Lofty',
		routing: { send: { type: 'body', property: 'transactionStatus' } },
	},
	...DATE_FIELDS.map(
		([displayName, name, description]): INodeProperties => ({
			displayName,
			name,
			type: 'dateTime',
			default: '',
			description,
			routing: { send: { type: 'body', property: name } },
		}),
	),
];

/** Name and type: required on Create, optional on Update. */
const transactionNameField: INodeProperties = {
	displayName: 'Transaction Name',
	name: 'transactionName',
	type: 'string',
	default: '',
	placeholder: '123 Main St, Springfield',
	description: 'Name of the transaction, usually the property address',
	routing: { send: { type: 'body', property: 'transactionName' } },
};

const transactionTypeField: INodeProperties = {
	displayName: 'Transaction Type',
	name: 'transactionType',
	type: 'options',
	options: transactionTypeOptions,
	default: 'Purchase',
	routing: { send: { type: 'body', property: 'transactionType' } },
};

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** LeadTransactionPropertyAddress fields besides transactionId, each routed into the body. */
const propertyAddressFields: INodeProperties[] = (
	[
		['City', 'city'],
		['County', 'county'],
		['Label', 'label'],
		['State', 'state'],
		['Street Address', 'streetAddress'],
		['Unit', 'unit'],
		['Zip Code', 'zipCode'],
	] as const
).map(
	([displayName, name]): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: name } },
	}),
);

export const transactionFields: INodeProperties[] = [
	idField(
		'leadId',
		'Lead ID',
		showFor(RESOURCE, ['create', 'get', 'getAll', 'getPropertyAddress', 'update', 'updatePropertyAddress']),
		'ID of the lead the transaction belongs to',
	),
	idField('transactionId', 'Transaction ID', showFor(RESOURCE, ['get', 'getPropertyAddress', 'update'])),
	{
		// Update Property Address takes the transaction in the body, not in the URL.
		...idField('transactionId', 'Transaction ID', showFor(RESOURCE, ['updatePropertyAddress'])),
		routing: { send: { type: 'body', property: 'transactionId', value: trimmed } },
	},

	// Create
	{ ...transactionNameField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{ ...transactionTypeField, required: true, displayOptions: showFor(RESOURCE, ['create']) },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: [...transactionOptionalFields].sort(byDisplayName),
	},

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
		options: [...transactionOptionalFields, transactionNameField, transactionTypeField].sort(byDisplayName),
	},

	additionalBodyField('LeadTransaction', showFor(RESOURCE, ['create', 'update']), 'transactionJson'),
	additionalBodyField('LeadTransactionPropertyAddress', showFor(RESOURCE, ['updatePropertyAddress'])),

	// Update Property Address
	{
		displayName: 'Address',
		name: 'propertyAddress',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: "Address of the transaction's property",
		displayOptions: showFor(RESOURCE, ['updatePropertyAddress']),
		options: propertyAddressFields,
	},

	// Get Many / Get Custom Fields
	...returnAllAndLimit(RESOURCE, ['getAll', 'getCustomFields'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
];
