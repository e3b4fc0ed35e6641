import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, customFieldsProperty } from '../../../shared/descriptions';
import type { FieldRule } from '../../../shared/input';
import { compactBody, dateRules, integerRules } from '../../../shared/input';
import { leadPicker, recordPicker } from '../../../shared/picker';
import type { PagingOptions } from '../../../shared/pagination';
import { sendReshaped } from '../../../shared/routing';
import { commissionsOf, inBody } from '../../LoftyLeadFunctions';

export const RESOURCE = 'transaction';

/** A transaction of a lead, by both ids in the path. */
export const TRANSACTION_PATH = '/v1.0/leads/{leadId}/transaction/{transactionId}';

/** Both transaction lists come back whole in one response: Limit only cuts them. */
export const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };
export const WHOLE_LIST_HINT = 'Lofty returns the whole list in one response; Limit cuts it';

export const leadIdField = leadPicker('The lead the transaction belongs to');

/** The transaction, listed from the lead chosen above. */
export const transactionIdField = recordPicker({ kind: 'transaction', name: 'transactionId', displayName: 'Transaction ID', description: "One of the chosen lead's transactions" });

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

/**
 * The body steps of Create and Update (LeadTransaction), after the fields have put their values
 * in Lofty's shape: Additional Body (JSON), then empty fields dropped.
 */
export const transactionBodySteps = [additionalBody('transactionJson'), compactBody];

/**
 * Their rules, on the body built (Additional Body included): dates as epoch milliseconds,
 * integers (commission parties and entries, custom field ids) as JSON numbers.
 */
export const transactionBodyRules: FieldRule[] = [
	...dateRules(Object.fromEntries(DATE_FIELDS.map(([label, name]) => [`body.${name}`, { format: 'epochMs', label }] as const))),
	...integerRules(
		Object.fromEntries(
			['preSplit', 'split', 'postSplit']
				.flatMap((stage) => [
					[`body.commissions.${stage}[].payTo`, 'Pay To'],
					[`body.commissions.${stage}[].splitPayTo`, 'Split Pay To'],
					[`body.commissions.${stage}[].id`, 'Commission ID'],
				])
				.concat([['body.customFields[].id', 'Custom Field Name or ID']]),
		),
	),
];

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
		displayName: 'Commission ID',
		name: 'id',
		type: 'string',
		default: '',
		placeholder: '1234567',
		description: 'ID of an existing commission entry, when changing one; leave empty to add an entry',
	},
	{
		displayName: 'Description',
		name: 'desc',
		type: 'string',
		default: '',
		description: 'Note on the commission (512 characters at most)',
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
		displayName: 'Pay Type',
		name: 'payType',
		type: 'options',
		options: payTypeOptions,
		default: 'AGENT',
		description: 'Kind of party that is paid',
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
		displayName: 'Split Pay Type',
		name: 'splitPayType',
		type: 'options',
		options: payTypeOptions,
		default: 'AGENT',
		description: 'Kind of party the split is paid to',
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
];

const money = (displayName: string, name: string, description?: string) =>
	inBody({ displayName, name, type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description });

const date = Object.fromEntries(
	DATE_FIELDS.map(([displayName, name, description]) => [name, inBody({ displayName, name, type: 'dateTime', default: '', description })]),
);

/** Name and type: required on Create, optional on Update. */
export const transactionNameField = inBody({
	displayName: 'Transaction Name',
	name: 'transactionName',
	type: 'string',
	default: '',
	placeholder: '123 Main St, Springfield',
	description: 'Name of the transaction, usually the property address',
});

export const transactionTypeField = inBody({
	displayName: 'Transaction Type',
	name: 'transactionType',
	type: 'options',
	options: [
		{ name: 'Listing', value: 'Listing' },
		{ name: 'Purchase', value: 'Purchase' },
	],
	default: 'Purchase',
});

/**
 * The LeadTransaction fields of Create (beyond the required ones) and Update, in alphabetical
 * order; name and type are Update's only, being top-level fields of Create.
 */
const TRANSACTION_FIELDS: Array<INodeProperties | ['update', INodeProperties]> = [
	money('Agent Revenue', 'agentRevenue', 'Revenue of the agent from the transaction'),
	date.agreementSignedDate,
	date.appointmentDate,
	date.appraisalDate,
	date.closeDate,
	inBody({ displayName: 'Commission Rate', name: 'commissionRate', type: 'number', default: 0, description: 'Commission rate of the transaction' }),
	{
		displayName: 'Commissions',
		name: 'commissions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Commission entries before the split, of the split, and after the split',
		options: [
			{ displayName: 'Post-Split', name: 'postSplit', values: commissionValues },
			{ displayName: 'Pre-Split', name: 'preSplit', values: commissionValues },
			{ displayName: 'Split', name: 'split', values: commissionValues },
		],
		routing: sendReshaped('body', 'commissions', commissionsOf),
	},
	date.contractDate,
	customFieldsProperty({
		name: 'customFields',
		description: 'Transaction custom fields; Lofty inserts or fully overwrites each field given',
		keyField: 'id',
		loadOptionsMethod: 'getTransactionCustomFields',
		bodyProperty: 'customFields',
	}),
	date.escrowDate,
	date.expectedCloseDate,
	date.expiration,
	money('GCI', 'gci', 'Gross commission income of the transaction'),
	date.homeInspectionDate,
	money('Home Price', 'homePrice'),
	date.offerDate,
	money('Team Revenue', 'teamRevenue', 'Revenue of the team from the transaction'),
	['update', transactionNameField],
	inBody({
		displayName: 'Transaction Status',
		name: 'transactionStatus',
		type: 'string',
		default: '',
		description: 'Status of the transaction, as named in Lofty',
	}),
	['update', transactionTypeField],
];

/** The optional fields of Create, or the Update Fields of Update. */
export function transactionFields(form: 'create' | 'update'): INodeProperties[] {
	return TRANSACTION_FIELDS.flatMap((entry) => (Array.isArray(entry) ? (entry[0] === form ? [entry[1]] : []) : [entry]));
}
