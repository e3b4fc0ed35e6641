import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, additionalBodyField, operationProperty, showFor } from '../../shared/descriptions';
import type { ParameterRule } from '../../shared/input';
import { checkParameters, compactBody, sendIntegers } from '../../shared/input';
import { requireChanges } from '../../shared/input';
import { groupField, permissionsField, socialMediaProperty } from './accountFields';

const RESOURCE = 'account';

const jsonBody = additionalBody();
const integers = sendIntegers({
	'body.teamMemberUserId': 'Member',
	'body.groupId': 'Group Name or ID',
	'body.profileId': 'Permission Profile Name or ID',
});

/** Checks of the optional ids and email, in Additional Fields (create) or Update Fields (update). */
function optionalChecks(collection: string): ParameterRule[] {
	return [
		{ parameter: `${collection}.emailAddress`, label: 'Email', check: 'email', optional: true },
		{ parameter: `${collection}.groupId`, label: 'Group Name or ID', check: 'ids', optional: true },
		{ parameter: `${collection}.profileId`, label: 'Permission Profile Name or ID', check: 'ids', optional: true },
	];
}

export const accountOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create an account',
			description: 'Add a new agent account to the team',
			routing: {
				request: { method: 'POST', url: '/v1.0/agent' },
				send: {
					preSend: [
						checkParameters([
							{ parameter: 'emailAddress', label: 'Email', check: 'required' },
							{ parameter: 'emailAddress', label: 'Email', check: 'email' },
							{ parameter: 'firstName', label: 'First Name', check: 'required' },
							{ parameter: 'lastName', label: 'Last Name', check: 'required' },
						]),
						checkParameters(optionalChecks('additionalFields')),
						integers,
						jsonBody,
						compactBody,
					],
				},
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an account',
			description: "Update an agent's account, found by the agent's user ID",
			routing: {
				request: { method: 'PUT', url: '/v1.0/agent' },
				send: {
					preSend: [
						checkParameters([{ parameter: 'teamMemberUserId', label: 'Member', check: 'id' }]),
						checkParameters(optionalChecks('updateFields')),
						integers,
						jsonBody,
						compactBody,
						requireChanges('Update Fields', ['teamMemberUserId']),
					],
				},
			},
		},
	],
	'create',
);

/** AccountRequest (6.2) fields besides the name and email, each routed into the body. */
const accountOptionalFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: "The agent's address",
		routing: { send: { type: 'body', property: 'address' } },
	},
	{
		displayName: 'Allow Change Sending Email Address',
		name: 'allowChangeSendingEmailAddress',
		type: 'boolean',
		default: false,
		description: 'Whether the agent may change their own sending email domain',
		routing: { send: { type: 'body', property: 'allowChangeSendingEmailAddress' } },
	},
	groupField('groupId'),
	{
		displayName: 'License ID',
		name: 'licenseId',
		type: 'string',
		default: '',
		description: "The agent's real-estate license number",
		routing: { send: { type: 'body', property: 'licenseId' } },
	},
	{
		displayName: 'Permission Profile Name or ID',
		name: 'profileId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPermissionProfiles' },
		default: '',
		description:
			'Permission profile of the account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'profileId' } },
	},
	permissionsField('permissions'),
	{
		displayName: 'Personal Website',
		name: 'personalWebsite',
		type: 'string',
		default: '',
		placeholder: 'https://www.example-realty.com/jane',
		routing: { send: { type: 'body', property: 'personalWebsite' } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: "The agent's phone number",
		routing: { send: { type: 'body', property: 'phone' } },
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		placeholder: 'Buyer Agent',
		routing: { send: { type: 'body', property: 'position' } },
	},
	{
		displayName: 'Self Introduction',
		name: 'selfIntroduction',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		routing: { send: { type: 'body', property: 'selfIntroduction' } },
	},
	{
		displayName: 'Sending Email Address Domain',
		name: 'sendingEmailAddress',
		type: 'string',
		default: '',
		placeholder: 'mail.example-realty.com',
		description: 'Domain of the address the agent sends email from',
		routing: { send: { type: 'body', property: 'sendingEmailAddress' } },
	},
	socialMediaProperty('socialMedias.items'),
];

const nameAndEmail: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'emailAddress',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the account; the agent signs in with it',
		routing: { send: { type: 'body', property: 'emailAddress' } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'lastName' } },
	},
];

export const accountFields: INodeProperties[] = [
	// Create
	...nameAndEmail.map((field) => ({ ...field, required: true, displayOptions: showFor(RESOURCE, ['create']) })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: accountOptionalFields,
	},

	// Update
	{
		displayName: 'Member Name or ID',
		name: 'teamMemberUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		required: true,
		default: '',
		description:
			'The agent whose account to update. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showFor(RESOURCE, ['update']),
		routing: { send: { type: 'body', property: 'teamMemberUserId' } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
		options: [...accountOptionalFields, ...nameAndEmail].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},

	additionalBodyField('AccountRequest', showFor(RESOURCE, ['create', 'update'])),
];
