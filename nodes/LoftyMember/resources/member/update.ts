import type { INodeProperties } from 'n8n-workflow';

import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendAndEchoId } from '../../../shared/send';
import { requestWith, sendGroupFields } from '../../../shared/routing';
import { RESOURCE, USER_PATH, userIdField, userIdRule } from './shared';

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

/** A UserRequest (6.80) text field, sent to the body property of its name. */
function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra, routing: { send: { type: 'body', property: name } } };
}

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a member',
		description: "Update a member's name, contact details, time zone or agent information",
		// Lofty answers with a bare string: output the user id with it.
		routing: requestWith({ method: 'PUT', url: USER_PATH }, sendAndEchoId('userId', 'userId'), [
			additionalBody(),
			compactBody,
		], [userIdRule, { at: 'body.email', label: 'Email', check: 'email' }, { at: 'body', label: 'Update Fields', check: 'changes' }]),
	},
	description: forOperation(RESOURCE, 'update', [
		userIdField('The member to update.'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Agent Info',
					name: 'agentInfo',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add Agent Info',
					description: 'Agent details of the member; only the values given are sent',
					options: [{ displayName: 'Details', name: 'details', values: agentInfoValues }],
					routing: sendGroupFields('body', 'agentInfo', 'details'),
				},
				textField('Email', 'email', { placeholder: 'name@email.com' }),
				textField('First Name', 'firstName'),
				textField('Head Portrait URL', 'headPortrait', {
					placeholder: 'https://example.com/photos/agent.jpg',
					description: "URL of the member's profile picture",
				}),
				textField('Last Name', 'lastName'),
				textField('Phone Number', 'phoneNumber'),
				{
					displayName: 'Time Zone',
					name: 'timeZoneId',
					type: 'options',
					options: timeZoneOptions,
					default: 'America/New_York',
					description: "The member's time zone",
					routing: { send: { type: 'body', property: 'timeZoneId' } },
				},
			],
		},
		additionalBodyField('UserRequest', undefined),
	]),
};
