import type { INodeProperties } from 'n8n-workflow';

import { groupField, permissionsField, socialMediaProperty } from '../../../shared/accountFields';
import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith, sendList, sendReshaped, sendRows } from '../../../shared/routing';
import { createAgent, photoUrlsOf, tidyFiles, workInfoOf } from '../../LoftyAgentFunctions';
import { RESOURCE } from './shared';

/** A field sent to `property` of the body (AgentProfile 6.6, or AccountInfo 6.1 under accountInfo). */
const toBody = (property: string): INodeProperties['routing'] => ({ send: { type: 'body', property } });

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
		routing: sendRows('body', `workInfo.${name}`, 'file'),
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

/** AgentProfile (6.6) and AccountInfo (6.1) fields besides the name and email. */
const agentOptionalFields: INodeProperties[] = [
	{
		displayName: 'Account Type',
		name: 'accountType',
		type: 'number',
		default: 0,
		description: 'Account type of the agent, as Lofty numbers it',
		routing: toBody('accountType'),
	},
	{ displayName: 'Agent PID', name: 'agentPid', type: 'string', default: '', routing: toBody('agentPid') },
	{
		displayName: 'Allow Change Domain',
		name: 'allowChangeDomain',
		type: 'boolean',
		default: false,
		description: 'Whether the agent may change their website domain',
		routing: toBody('accountInfo.allowChangeDomain'),
	},
	{
		displayName: 'Check Roster Number',
		name: 'checkRosterNum',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty checks the roster number (checkRosterNum)',
		routing: toBody('checkRosterNum'),
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		default: '',
		placeholder: 'jane.example-realty.com',
		description: "The agent's website domain",
		routing: toBody('accountInfo.domain'),
	},
	{
		displayName: 'Full Sync',
		name: 'fullSync',
		type: 'boolean',
		default: false,
		description: 'Whether to sync the full profile (fullSync)',
		routing: toBody('fullSync'),
	},
	groupField('accountInfo.groupId'),
	{
		displayName: 'Has Back Office',
		name: 'hasBackOffice',
		type: 'boolean',
		default: false,
		description: 'Whether the agent has a back office',
		routing: toBody('hasBackOffice'),
	},
	{
		displayName: 'Head Picture URL',
		name: 'headUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photos/jane.jpg',
		description: "URL of the agent's profile picture",
		routing: toBody('accountInfo.headUrl'),
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
		routing: sendReshaped('body', 'personalPhotos.urls', photoUrlsOf),
	},
	{
		displayName: 'Phone Code',
		name: 'phoneCode',
		type: 'string',
		default: '',
		placeholder: '1',
		description: 'Country calling code of the phone number',
		routing: toBody('accountInfo.phoneCode'),
	},
	{
		displayName: 'Phone Country',
		name: 'phoneCountry',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'Country of the phone number',
		routing: toBody('accountInfo.phoneCountry'),
	},
	{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', routing: toBody('accountInfo.phoneNumber') },
	accountOption({
		displayName: 'Role Name or ID',
		name: 'roleId',
		loadOptionsMethod: 'getRoles',
		description: 'Role of the agent in the team.',
		routing: toBody('accountInfo.roleId'),
	}),
	{
		displayName: 'Sending Email',
		name: 'sendingEmail',
		type: 'string',
		default: '',
		placeholder: 'jane@mail.example-realty.com',
		description: 'Address the agent sends email from',
		routing: toBody('accountInfo.sendingEmail'),
	},
	{
		displayName: 'Should Sync',
		name: 'shouldSync',
		type: 'boolean',
		default: false,
		description: 'Whether the profile should be synced (shouldSync)',
		routing: toBody('shouldSync'),
	},
	socialMediaProperty('socialMedias.items'),
	{
		displayName: 'Tag IDs',
		name: 'tagIds',
		type: 'string',
		default: '',
		placeholder: '300001, 300004',
		description: 'Comma-separated IDs of the tags of the agent',
		routing: sendList('body', 'accountInfo.tagIds'),
	},
	{
		displayName: 'Work Info',
		name: 'workInfo',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Work Info',
		description: 'Work details of the agent: company, license, introduction',
		options: [{ displayName: 'Details', name: 'details', values: workInfoValues }],
		routing: sendReshaped('body', 'workInfo', workInfoOf),
	},
];

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an agent with a profile',
		description: 'Add an agent to the team with account, work and social media details',
		routing: requestWith({ method: 'POST', url: '/v1.0/agent/profile/add' }, createAgent, [tidyFiles, additionalBody(), compactBody], [
			{ at: 'emailAddress', label: 'Email', check: 'email' },
			{ at: 'additionalFields.groupId', label: 'Group Name or ID', check: 'ids', optional: true },
			{ at: 'additionalFields.roleId', label: 'Role Name or ID', check: 'ids', optional: true },
			{ at: 'additionalFields.tagIds', label: 'Tag IDs', check: 'ids', optional: true },
			{ at: 'body.accountInfo.groupId', label: 'Group Name or ID', check: 'integer' },
			{ at: 'body.accountInfo.roleId', label: 'Role Name or ID', check: 'integer' },
			{ at: 'body.accountInfo.tagIds[]', label: 'Tag IDs', check: 'integer' },
		]),
	},
	description: forOperation(RESOURCE, 'create', [
		{
			displayName: 'Email',
			name: 'emailAddress',
			type: 'string',
			required: true,
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address of the new account; the agent signs in with it',
			routing: toBody('accountInfo.emailAddress'),
		},
		{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '', routing: toBody('accountInfo.firstName') },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '', routing: toBody('accountInfo.lastName') },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: agentOptionalFields,
		},
		additionalBodyField('AgentProfile', undefined),
	]),
};
