import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import type { ParameterRule } from '../../shared/input';
import { checkParameters, compactBody, requireChanges, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendAndEchoId, sendRequest } from '../../shared/pagination';
import { trimmed } from '../../shared/values';

const RESOURCE = 'organization';

/** The permission profiles come back whole in one response: Limit only cuts the list. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

/** Checks of the optional office fields, inside the given collection. */
const officeFieldRules = (collection: string): ParameterRule[] => [
	{ parameter: `${collection}.email`, label: 'Email', check: 'email', optional: true },
	{ parameter: `${collection}.parentId`, label: 'Parent Office', check: 'ids', optional: true },
	{ parameter: `${collection}.websiteOwnerId`, label: 'Website Owner', check: 'ids', optional: true },
];

const companyChecks = checkParameters([
	{ parameter: 'companyFields.email', label: 'Email', check: 'email', optional: true },
	{ parameter: 'companyFields.teamId', label: 'Team ID', check: 'ids', optional: true },
]);
const addOfficeChecks = [
	checkParameters([{ parameter: 'officeName', label: 'Name', check: 'required' }]),
	checkParameters(officeFieldRules('officeAdditionalFields')),
];
const officeIntegers = sendIntegers({
	'body.id': 'Office',
	'body.parentId': 'Parent Office',
	'body.websiteOwnerId': 'Website Owner',
});
const jsonBody = additionalBody();

const updateOfficeChecks = [
	checkParameters([{ parameter: 'officeId', label: 'Office', check: 'id' }]),
	checkParameters(officeFieldRules('officeUpdateFields')),
];

/**
 * The reference (5.13.3 and 5.13.4) pairs "Update Agent Office" with POST /v1.0/org/office
 * and "Add Agent Office" with PUT, the reverse of the usual REST habit; both take OfficeOpenVo.
 * The operations follow the reference: an update names the office by `id`, an add does not.
 */
export const organizationOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Add Office',
			value: 'addOffice',
			action: 'Add an office',
			description: 'Add an office to the organization',
			routing: {
				request: { method: 'PUT', url: '/v1.0/org/office' },
				send: { preSend: [...addOfficeChecks, officeIntegers, jsonBody, compactBody] },
				// Lofty answers with a bare string; when it is the new id, output it as officeId.
				// This PUT creates an office: never resend it after a lost answer.
				operations: { pagination: sendRequest({ idKey: 'officeId', idempotent: false }) },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get the organization',
			description: "Get the organization of the credential's user, with its Enterprise or Multi-Team structure",
			routing: { request: { method: 'GET', url: '/v1.0/org' } },
		},
		{
			name: 'Get Permission Profiles',
			value: 'getPermissionProfiles',
			action: 'Get permission profiles',
			description: 'Get the permission profiles defined in the organization',
			routing: listRouting('GET', '/v1.0/org/permission/profiles', wholeList),
		},
		{
			name: 'Update Company',
			value: 'updateCompany',
			action: 'Update the company',
			description: 'Edit the company details of the team',
			routing: {
				request: { method: 'POST', url: '/v1.0/org/company' },
				send: {
					preSend: [companyChecks, sendIntegers({ 'body.teamId': 'Team ID' }), jsonBody, compactBody, requireChanges('Update Fields')],
				},
			},
		},
		{
			name: 'Update Office',
			value: 'updateOffice',
			action: 'Update an office',
			description: 'Edit the details of an office of the organization',
			routing: {
				request: { method: 'POST', url: '/v1.0/org/office' },
				send: {
					preSend: [...updateOfficeChecks, officeIntegers, jsonBody, compactBody, requireChanges('Update Fields', ['id'])],
				},
				// Lofty answers with a bare string: the output names the office changed.
				operations: { pagination: sendAndEchoId('officeId', 'officeId') },
			},
		},
	],
	'get',
);

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** A plain text field routed to the body property of the same name. */
function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...extra,
		routing: { send: { type: 'body', property: name } },
	};
}

/** The contact and address fields CompanyOpenVo and OfficeOpenVo share. */
function contactFields(what: 'company' | 'office'): INodeProperties[] {
	return [
		textField('City', 'city'),
		textField('Email', 'email', { placeholder: 'name@email.com', description: `Email address of the ${what}` }),
		textField('Phone', 'phone', { description: `Phone number of the ${what}` }),
		textField('Phone Country', 'phoneCountry', {
			placeholder: 'US',
			description: 'Country of the phone number, e.g. US',
		}),
		textField('Phone Country Code', 'phoneCode', {
			placeholder: '1',
			description: 'Calling code of the phone number, e.g. 1 for the United States',
		}),
		textField('State', 'state', { placeholder: 'TX' }),
		textField('Street Address', 'streetAddress'),
		textField('Zip Code', 'zipcode'),
	];
}


/** CompanyOpenVo (6.18). */
const teamIdField: INodeProperties = {
	displayName: 'Team ID',
	name: 'teamId',
	type: 'string',
	default: '',
	placeholder: '1234567',
	description: "Team whose company is edited; leave empty for the credential's team",
	routing: { send: { type: 'body', property: 'teamId', value: trimmed } },
};

const companyFields: INodeProperties[] = [
	...contactFields('company'),
	textField('Company Name', 'name'),
	textField('Header', 'header', { description: 'Header text of the company, as Lofty calls it' }),
	teamIdField,
].sort(byDisplayName);

const parentOfficeField: INodeProperties = {
	displayName: 'Parent Office Name or ID',
	name: 'parentId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOffices' },
	default: '',
	description:
		'Office this office sits under. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: { send: { type: 'body', property: 'parentId', value: trimmed } },
};

/** OfficeOpenVo (6.60) fields besides id and name. */
const officeFields: INodeProperties[] = [
	...contactFields('office'),
	{
		displayName: 'Allow Managing Sub-Offices',
		name: 'allowManageSub',
		type: 'boolean',
		default: false,
		description: 'Whether the office may manage the offices under it',
		routing: { send: { type: 'body', property: 'allowManageSub' } },
	},
	parentOfficeField,
	{
		displayName: 'Website Owner Name or ID',
		name: 'websiteOwnerId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		default: '',
		description:
			'Agent who owns the website of the office. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'websiteOwnerId', value: trimmed } },
	},
];

const officeNameField: INodeProperties = textField('Name', 'name', { description: 'Name of the office' });

export const organizationFields: INodeProperties[] = [
	// Update Company
	{
		displayName: 'Update Fields',
		name: 'companyFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Company details to change; fields left out keep their values',
		displayOptions: showFor(RESOURCE, ['updateCompany']),
		options: companyFields,
	},

	// Add Office
	{
		displayName: 'Name',
		name: 'officeName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Downtown Office',
		description: 'Name of the new office',
		displayOptions: showFor(RESOURCE, ['addOffice']),
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'officeAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['addOffice']),
		options: [...officeFields].sort(byDisplayName),
	},

	// Update Office
	{
		displayName: 'Office Name or ID',
		name: 'officeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOffices' },
		required: true,
		default: '',
		description:
			'Office to update. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showFor(RESOURCE, ['updateOffice']),
		routing: { send: { type: 'body', property: 'id', value: trimmed } },
	},
	{
		displayName: 'Update Fields',
		name: 'officeUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Office details to change; fields left out keep their values',
		displayOptions: showFor(RESOURCE, ['updateOffice']),
		options: [...officeFields, officeNameField].sort(byDisplayName),
	},

	// Get Permission Profiles
	...returnAllAndLimit(RESOURCE, ['getPermissionProfiles'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
	additionalBodyField('OfficeOpenVo', showFor(RESOURCE, ['addOffice', 'updateOffice'])),
	additionalBodyField('CompanyOpenVo', showFor(RESOURCE, ['updateCompany'])),
];
