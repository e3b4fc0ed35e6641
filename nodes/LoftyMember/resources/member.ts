import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, requireChanges } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { sendAndEchoId } from '../../shared/pagination';
import { getMemberByAccount } from '../MemberFunctions';
import { apiPath, groupFields } from '../../shared/values';

const RESOURCE = 'member';
/** GET /v1.0/members pages by offset and limit; Lofty refuses a limit above 100. */
const MEMBER_PAGE_SIZE = 100;
const memberPages: PagingOptions = { style: 'offset', pageSize: MEMBER_PAGE_SIZE, records: 'members' };

const userIdRule = { parameter: 'userId', label: 'Member', check: 'id' } as const;
const userId = checkParameters([userIdRule]);

export const memberOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get by Account',
			value: 'getByAccount',
			action: 'Get a member by account',
			description: 'Get a team member by the email address of their account',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/members/{account}') },
				send: {
					preSend: [
						checkParameters([
							{ parameter: 'account', label: 'Account', check: 'required' },
							{ parameter: 'account', label: 'Account', check: 'email' },
						]),
					],
				},
				operations: { pagination: getMemberByAccount },
			},
		},
		{
			name: 'Get by ID (Deprecated)',
			value: 'get',
			action: 'Get a member by ID (deprecated)',
			description: 'Deprecated by Lofty: use Get by Account or Get Many instead',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/users/{userId}') },
				send: { preSend: [userId] },
			},
		},
		{
			name: 'Get Current User',
			value: 'getCurrentUser',
			action: 'Get the current user',
			description: 'Get the member the credential belongs to',
			routing: { request: { method: 'GET', url: '/v1.0/me' } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many members',
			description: 'Get the members of the team',
			routing: {
				...listRouting('GET', '/v1.0/members', memberPages),
				send: {
					preSend: [checkParameters([{ parameter: 'filters.groupIds', label: 'Group Names or IDs', check: 'ids', optional: true }])],
				},
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a member',
			description: "Update a member's name, contact details, time zone or agent information",
			routing: {
				request: { method: 'PUT', url: apiPath('/v1.0/users/{userId}') },
				send: {
					preSend: [
						userId,
						checkParameters([{ parameter: 'updateFields.email', label: 'Email', check: 'email', optional: true }]),
						additionalBody(),
						compactBody,
						requireChanges('Update Fields'),
					],
				},
				// Lofty answers with a bare string: output the user id with it.
				operations: { pagination: sendAndEchoId('userId', 'userId') },
			},
		},
	],
	'getAll',
);

/** IANA time zones, as UserRequest.timeZoneId takes them ("America/Halifax"). */
const timeZoneOptions = Intl.supportedValuesOf('timeZone').map((zone) => ({ name: zone, value: zone }));

/** AgentInfo (6.5): the agent details of a member. */
const agentInfoValues: INodeProperties[] = [
	{ displayName: 'Agent PID', name: 'agentPid', type: 'string', default: '' },
	{ displayName: 'Company Address', name: 'companyAddress', type: 'string', default: '' },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{ displayName: 'License ID', name: 'licenseId', type: 'string', default: '', description: "The agent's real-estate license number" },
	{ displayName: 'MLS Agent ID', name: 'mlsAgentId', type: 'string', default: '' },
	{ displayName: 'Position', name: 'position', type: 'string', default: '', placeholder: 'Buyer Agent' },
];

/** UserRequest (6.80), each field routed into the body. */
const userRequestFields: INodeProperties[] = [
	{
		displayName: 'Agent Info',
		name: 'agentInfo',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Agent Info',
		description: 'Agent details of the member; only the values given are sent',
		options: [{ displayName: 'Details', name: 'details', values: agentInfoValues }],
		routing: { send: { type: 'body', property: 'agentInfo', value: groupFields('details') } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'Head Portrait URL',
		name: 'headPortrait',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/photos/agent.jpg',
		description: "URL of the member's profile picture",
		routing: { send: { type: 'body', property: 'headPortrait' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'lastName' } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'phoneNumber' } },
	},
	{
		displayName: 'Time Zone',
		name: 'timeZoneId',
		type: 'options',
		options: timeZoneOptions,
		default: 'America/New_York',
		description: "The member's time zone",
		routing: { send: { type: 'body', property: 'timeZoneId' } },
	},
];

export const memberFields: INodeProperties[] = [
	// Get by ID (Deprecated) / Update
	{
		displayName: 'Lofty marks this endpoint as deprecated: prefer Get by Account or Get Many',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(RESOURCE, ['get']),
	},
	{
		displayName: 'Member Name or ID',
		name: 'userId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: showFor(RESOURCE, ['get', 'update']),
	},

	// Get by Account
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address the member signs in to Lofty with',
		displayOptions: showFor(RESOURCE, ['getByAccount']),
	},

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], MEMBER_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: [
			{
				displayName: 'Group Names or IDs',
				name: 'groupIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: [],
				description:
					'Only members of these groups (offices). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'query', property: 'groupIds' } },
			},
		],
	},

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
		options: userRequestFields,
	},
	additionalBodyField('UserRequest', showFor(RESOURCE, ['update'])),
];
