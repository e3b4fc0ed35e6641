import type { INodeProperties } from 'n8n-workflow';

import { accountOption } from '../../../shared/fields';
import type { FieldRule } from '../../../shared/input';
import { sendTrimmed } from '../../../shared/routing';

export const RESOURCE = 'organization';

/**
 * The reference (5.13.3 and 5.13.4) pairs "Update Agent Office" with POST /v1.0/org/office
 * and "Add Agent Office" with PUT, the reverse of the usual REST habit; both take OfficeOpenVo.
 * The operations follow the reference: an update names the office by `id`, an add does not.
 */
export const OFFICE_PATH = '/v1.0/org/office';

/** Checks of the optional office fields, inside the given collection; the office's ids are integers. */
export const officeFieldRules = (collection: string): FieldRule[] => [
	{ at: `${collection}.parentId`, label: 'Parent Office', check: 'ids', optional: true },
	{ at: `${collection}.websiteOwnerId`, label: 'Website Owner', check: 'ids', optional: true },
	{ at: 'body.email', label: 'Email', check: 'email' },
	{ at: 'body.id', label: 'Office', check: 'integer' },
	{ at: 'body.parentId', label: 'Parent Office', check: 'integer' },
	{ at: 'body.websiteOwnerId', label: 'Website Owner', check: 'integer' },
];

/** A plain text field routed to the body property of the same name. */
export function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra, routing: { send: { type: 'body', property: name } } };
}

/** The contact and address fields CompanyOpenVo and OfficeOpenVo share. */
export function contactFields(what: 'company' | 'office') {
	return {
		city: textField('City', 'city'),
		email: textField('Email', 'email', { placeholder: 'name@email.com', description: `Email address of the ${what}` }),
		phone: textField('Phone', 'phone', { description: `Phone number of the ${what}` }),
		phoneCountry: textField('Phone Country', 'phoneCountry', { placeholder: 'US', description: 'Country of the phone number, e.g. US' }),
		phoneCode: textField('Phone Country Code', 'phoneCode', {
			placeholder: '1',
			description: 'Calling code of the phone number, e.g. 1 for the United States',
		}),
		state: textField('State', 'state', { placeholder: 'TX' }),
		streetAddress: textField('Street Address', 'streetAddress'),
		zipcode: textField('Zip Code', 'zipcode'),
	};
}

export const officeContact = contactFields('office');

/** OfficeOpenVo (6.60) fields besides id and name. */
export const allowManageSubField: INodeProperties = {
	displayName: 'Allow Managing Sub-Offices',
	name: 'allowManageSub',
	type: 'boolean',
	default: false,
	description: 'Whether the office may manage the offices under it',
	routing: { send: { type: 'body', property: 'allowManageSub' } },
};

const parentOfficeField = accountOption({
	displayName: 'Parent Office Name or ID',
	name: 'parentId',
	loadOptionsMethod: 'getOffices',
	description: 'Office this office sits under.',
	routing: sendTrimmed('body', 'parentId'),
});

const websiteOwnerField = accountOption({
	displayName: 'Website Owner Name or ID',
	name: 'websiteOwnerId',
	loadOptionsMethod: 'getMemberUsers',
	description: 'Agent who owns the website of the office.',
	routing: sendTrimmed('body', 'websiteOwnerId'),
});

/** The office fields from Parent Office on, in alphabetical order: Add Office and Update Office end with them. */
export const parentToZipcode: INodeProperties[] = [
	parentOfficeField,
	officeContact.phone,
	officeContact.phoneCountry,
	officeContact.phoneCode,
	officeContact.state,
	officeContact.streetAddress,
	websiteOwnerField,
	officeContact.zipcode,
];
