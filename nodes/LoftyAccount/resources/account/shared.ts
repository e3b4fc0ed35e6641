import type { INodeProperties } from 'n8n-workflow';

import { accountOption } from '../../../shared/fields';
import { groupField, permissionsField, socialMediaProperty } from '../../../shared/accountFields';
import type { FieldRule } from '../../../shared/input';

export const RESOURCE = 'account';



/** Checks of the optional ids and email, in Additional Fields (create) or Update Fields (update). */
export function accountRules(collection: string): FieldRule[] {
	return [
		{ at: `${collection}.groupId`, label: 'Group Name or ID', check: 'ids', optional: true },
		{ at: `${collection}.profileId`, label: 'Permission Profile Name or ID', check: 'ids', optional: true },
		{ at: 'body.emailAddress', label: 'Email', check: 'email' },
		{ at: 'body.teamMemberUserId', label: 'Member', check: 'integer' },
		{ at: 'body.groupId', label: 'Group Name or ID', check: 'integer' },
		{ at: 'body.profileId', label: 'Permission Profile Name or ID', check: 'integer' },
	];
}

/** A text field of AccountRequest (6.2), sent to the body property of its name. */
function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra, routing: { send: { type: 'body', property: name } } };
}

export const emailField = textField('Email', 'emailAddress', {
	placeholder: 'name@email.com',
	description: 'Email address of the account; the agent signs in with it',
});
export const firstNameField = textField('First Name', 'firstName');
export const lastNameField = textField('Last Name', 'lastName');

export const addressField = textField('Address', 'address', { description: "The agent's address" });
export const allowChangeSendingField: INodeProperties = {
	displayName: 'Allow Change Sending Email Address',
	name: 'allowChangeSendingEmailAddress',
	type: 'boolean',
	default: false,
	description: 'Whether the agent may change their own sending email domain',
	routing: { send: { type: 'body', property: 'allowChangeSendingEmailAddress' } },
};
export const groupIdField = groupField('groupId');
export const licenseIdField = textField('License ID', 'licenseId', { description: "The agent's real-estate license number" });
export const profileField = accountOption({
	displayName: 'Permission Profile Name or ID',
	name: 'profileId',
	loadOptionsMethod: 'getPermissionProfiles',
	description: 'Permission profile of the account.',
	routing: { send: { type: 'body', property: 'profileId' } },
});
export const permissionsListField = permissionsField('permissions');
export const personalWebsiteField = textField('Personal Website', 'personalWebsite', { placeholder: 'https://www.example-realty.com/jane' });
export const phoneField = textField('Phone', 'phone', { description: "The agent's phone number" });
export const positionField = textField('Position', 'position', { placeholder: 'Buyer Agent' });
export const selfIntroductionField = textField('Self Introduction', 'selfIntroduction', { typeOptions: { rows: 4 } });
export const sendingDomainField = textField('Sending Email Address Domain', 'sendingEmailAddress', {
	placeholder: 'mail.example-realty.com',
	description: 'Domain of the address the agent sends email from',
});
export const socialMediaField = socialMediaProperty('socialMedias.items');

/** The optional fields from License ID on, in alphabetical order: both operations end with them. */
export const licenseToSocialMedia: INodeProperties[] = [
	licenseIdField,
	profileField,
	permissionsListField,
	personalWebsiteField,
	phoneField,
	positionField,
	selfIntroductionField,
	sendingDomainField,
	socialMediaField,
];
