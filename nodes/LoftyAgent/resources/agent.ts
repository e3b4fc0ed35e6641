import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, additionalBodyField, operationProperty, showFor } from '../../shared/descriptions';
import { checkParameters, compactBody, sendIntegers } from '../../shared/input';
import { groupField, permissionsField, socialMediaProperty } from '../../LoftyAccount/resources/accountFields';
import { createAgent, tidyFiles } from '../AgentFunctions';
import { commaList, groupFields, groupRows, valueTransform } from '../../shared/values';

const RESOURCE = 'agent';

/** The photo rows as Lofty's list of URLs. */
const photoUrls = valueTransform('={{ ($value.photo || []).map(p => p.url) }}', (value) =>
	(((value as { photo?: Array<{ url?: unknown }> } | undefined)?.photo ?? []) as Array<{ url?: unknown }>).map((photo) => photo.url),
);


export const agentOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create an agent with a profile',
			description: 'Add an agent to the team with account, work and social media details',
			routing: {
				request: { method: 'POST', url: '/v1.0/agent/profile/add' },
				send: {
					preSend: [
						checkParameters([
							{ parameter: 'emailAddress', label: 'Email', check: 'required' },
							{ parameter: 'emailAddress', label: 'Email', check: 'email' },
							{ parameter: 'firstName', label: 'First Name', check: 'required' },
							{ parameter: 'lastName', label: 'Last Name', check: 'required' },
						]),
						checkParameters([
							{ parameter: 'additionalFields.groupId', label: 'Group Name or ID', check: 'ids', optional: true },
							{ parameter: 'additionalFields.roleId', label: 'Role Name or ID', check: 'ids', optional: true },
							{ parameter: 'additionalFields.tagIds', label: 'Tag IDs', check: 'ids', optional: true },
						]),
						sendIntegers({
							'body.accountInfo.groupId': 'Group Name or ID',
							'body.accountInfo.roleId': 'Role Name or ID',
							'body.accountInfo.tagIds[]': 'Tag IDs',
						}),
						tidyFiles,
						additionalBody(),
						compactBody,
					],
				},
				operations: { pagination: createAgent },
			},
		},
	],
	'create',
);

/** FileInfo (6.28) lists of WorkInfo. */
function filesProperty(displayName: string, name: 'personalAttachments' | 'personalDisclaimers', description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add File',
		description,
		options: [
			{
				displayName: 'File',
				name: 'file',
				values: [
					{
						displayName: 'Content Type',
						name: 'contentType',
						type: 'string',
						default: '',
						placeholder: 'application/pdf',
					},
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', placeholder: 'disclosure.pdf' },
					{
						displayName: 'Size (Bytes)',
						name: 'size',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'Size of the file; 0 leaves it out',
					},
					{
						displayName: 'URL',
						name: 'queryLink',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/files/disclosure.pdf',
						description: 'Link Lofty fetches the file from (required for each file)',
					},
				],
			},
		],
		routing: { send: { type: 'body', property: `workInfo.${name}`, value: groupRows('file') } },
	};
}

/** WorkInfo (6.86) text fields. */
const workInfoValues: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: "The agent's address" },
	{ displayName: 'Company Address', name: 'companyAddress', type: 'string', default: '' },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{ displayName: 'License ID', name: 'licenseId', type: 'string', default: '', description: "The agent's real-estate license number" },
	{ displayName: 'Personal Introduction', name: 'personalIntroduction', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{
		displayName: 'Personal Website',
		name: 'personalWebsite',
		type: 'string',
		default: '',
		placeholder: 'https://www.example-realty.com/jane',
	},
	{ displayName: 'Position', name: 'position', type: 'string', default: '', placeholder: 'Buyer Agent' },
];

/** AgentProfile (6.6) and AccountInfo (6.1) fields besides the name and email, each routed into the body. */
const agentOptionalFields: INodeProperties[] = [
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'number',
		default: 0,
		description: 'Account type of the agent, as Lofty numbers it',
		routing: { send: { type: 'body', property: 'accountType' } },
	},
	{
		displayName: 'Agent PID',
		name: 'agentPid',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'agentPid' } },
	},
	{
		displayName: 'Allow Change Domain',
		name: 'allowChangeDomain',
		type: 'boolean',
		default: false,
		description: 'Whether the agent may change their website domain',
		routing: { send: { type: 'body', property: 'accountInfo.allowChangeDomain' } },
	},
	{
		displayName: 'Check Roster Number',
		name: 'checkRosterNum',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty checks the roster number (checkRosterNum)',
		routing: { send: { type: 'body', property: 'checkRosterNum' } },
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		placeholder: 'jane.example-realty.com',
		description: "The agent's website domain",
		routing: { send: { type: 'body', property: 'accountInfo.domain' } },
	},
	{
		displayName: 'Full Sync',
		name: 'fullSync',
		type: 'boolean',
		default: false,
		description: 'Whether to sync the full profile (fullSync)',
		routing: { send: { type: 'body', property: 'fullSync' } },
	},
	groupField('accountInfo.groupId'),
	{
		displayName: 'Has Back Office',
		name: 'hasBackOffice',
		type: 'boolean',
		default: false,
		description: 'Whether the agent has a back office',
		routing: { send: { type: 'body', property: 'hasBackOffice' } },
	},
	{
		displayName: 'Head Picture URL',
		name: 'headUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photos/jane.jpg',
		description: "URL of the agent's profile picture",
		routing: { send: { type: 'body', property: 'accountInfo.headUrl' } },
	},
	permissionsField('accountInfo.permissions'),
	filesProperty('Personal Attachments', 'personalAttachments', 'Files attached to the agent profile'),
	filesProperty('Personal Disclaimers', 'personalDisclaimers', 'Disclaimer files of the agent'),
	{
		displayName: 'Personal Photos',
		name: 'personalPhotos',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Photo',
		description: 'Photos of the agent',
		options: [
			{
				displayName: 'Photo',
				name: 'photo',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://example.com/photos/jane-1.jpg' },
				],
			},
		],
		routing: { send: { type: 'body', property: 'personalPhotos.urls', value: photoUrls } },
	},
	{
		displayName: 'Phone Code',
		name: 'phoneCode',
		type: 'string',
		default: '',
		placeholder: '1',
		description: 'Country calling code of the phone number',
		routing: { send: { type: 'body', property: 'accountInfo.phoneCode' } },
	},
	{
		displayName: 'Phone Country',
		name: 'phoneCountry',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'Country of the phone number',
		routing: { send: { type: 'body', property: 'accountInfo.phoneCountry' } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'accountInfo.phoneNumber' } },
	},
	{
		displayName: 'Role Name or ID',
		name: 'roleId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRoles' },
		default: '',
		description:
			'Role of the agent in the team. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'accountInfo.roleId' } },
	},
	{
		displayName: 'Sending Email',
		name: 'sendingEmail',
		type: 'string',
		default: '',
		placeholder: 'jane@mail.example-realty.com',
		description: 'Address the agent sends email from',
		routing: { send: { type: 'body', property: 'accountInfo.sendingEmail' } },
	},
	{
		displayName: 'Should Sync',
		name: 'shouldSync',
		type: 'boolean',
		default: false,
		description: 'Whether the profile should be synced (shouldSync)',
		routing: { send: { type: 'body', property: 'shouldSync' } },
	},
	socialMediaProperty('socialMedias.items'),
	{
		displayName: 'Tag IDs',
		name: 'tagIds',
		type: 'string',
		default: '',
		placeholder: '300001, 300004',
		description: 'Comma-separated IDs of the tags of the agent',
		routing: { send: { type: 'body', property: 'accountInfo.tagIds', value: commaList } },
	},
	{
		displayName: 'Work Info',
		name: 'workInfo',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Work Info',
		description: 'Work details of the agent: company, license, introduction',
		options: [{ displayName: 'Details', name: 'details', values: workInfoValues }],
		routing: { send: { type: 'body', property: 'workInfo', value: groupFields('details') } },
	},
];

/** AccountInfo: name and email of the new agent. */
const accountInfoRequired: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'emailAddress',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the new account; the agent signs in with it',
		routing: { send: { type: 'body', property: 'accountInfo.emailAddress' } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'accountInfo.firstName' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'accountInfo.lastName' } },
	},
];

export const agentFields: INodeProperties[] = [
	...accountInfoRequired.map((field) => ({ ...field, required: true, displayOptions: showFor(RESOURCE, ['create']) })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: agentOptionalFields,
	},
	additionalBodyField('AgentProfile', showFor(RESOURCE, ['create'])),
];
