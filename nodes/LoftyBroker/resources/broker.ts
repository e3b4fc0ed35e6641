import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, additionalBodyField, idField, operationProperty, showFor } from '../../shared/descriptions';
import { checkParameters, compactBody } from '../../shared/input';
import { sendAndEchoId, sendRequest } from '../../shared/pagination';
import { apiPath } from '../../shared/values';

const RESOURCE = 'broker';

const createTeamChecks = checkParameters([
	{ parameter: 'teamName', label: 'Team Name', check: 'required' },
	{ parameter: 'email', label: 'Admin Email', check: 'required' },
	{ parameter: 'email', label: 'Admin Email', check: 'email' },
	{ parameter: 'firstName', label: 'Admin First Name', check: 'required' },
]);
const teamId = checkParameters([{ parameter: 'teamId', label: 'Team ID', check: 'id' }]);

export const brokerOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create Team',
			value: 'createTeam',
			action: 'Create a team under the broker account',
			description: 'Create a team with its admin under the broker account',
			routing: {
				request: { method: 'POST', url: '/v1.0/broker/team' },
				send: { preSend: [createTeamChecks, checkParameters([{ parameter: 'additionalFields.seatLimit', label: 'Seat Limit', check: 'positiveInteger', optional: true }]), additionalBody(), compactBody] },
				// Lofty answers with a bare string; when it is the new id, output it as teamId.
				operations: { pagination: sendRequest({ idKey: 'teamId' }) },
			},
		},
		{
			name: 'Remove Team',
			value: 'removeTeam',
			action: 'Remove a team from the broker account',
			description: 'Remove a team from the broker account',
			routing: {
				request: { method: 'DELETE', url: apiPath('/v1.0/broker/team/{teamId}') },
				send: { preSend: [teamId] },
				// Lofty answers with a bare string or nothing: the output names the team removed.
				operations: { pagination: sendAndEchoId('teamId', 'teamId') },
			},
		},
	],
	'createTeam',
);

/** BrokerTeam (6.10) fields besides the required ones. */
const teamOptionalFields: INodeProperties[] = [
	{
		displayName: 'Admin Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: "Last name of the team's admin",
		routing: { send: { type: 'body', property: 'lastName' } },
	},
	{
		displayName: 'Admin Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: "Phone number of the team's admin",
		routing: { send: { type: 'body', property: 'phone' } },
	},
	{
		displayName: 'Seat Limit',
		name: 'seatLimit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'How many member seats the team may use',
		routing: { send: { type: 'body', property: 'seatLimit' } },
	},
];

export const brokerFields: INodeProperties[] = [
	// Create Team
	{
		displayName: 'Team Name',
		name: 'teamName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Downtown Team',
		displayOptions: showFor(RESOURCE, ['createTeam']),
		routing: { send: { type: 'body', property: 'teamName' } },
	},
	{
		displayName: 'Admin Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: "Email address of the team's admin, who signs in with it",
		displayOptions: showFor(RESOURCE, ['createTeam']),
		routing: { send: { type: 'body', property: 'email' } },
	},
	{
		displayName: 'Admin First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		description: "First name of the team's admin",
		displayOptions: showFor(RESOURCE, ['createTeam']),
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['createTeam']),
		options: teamOptionalFields,
	},

	// Remove Team
	idField('teamId', 'Team ID', showFor(RESOURCE, ['removeTeam']), 'ID of the team to remove from the broker account'),
	additionalBodyField('BrokerTeam', showFor(RESOURCE, ['createTeam'])),
];
