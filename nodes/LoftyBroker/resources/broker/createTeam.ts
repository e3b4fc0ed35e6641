import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

export const createTeam: OperationDescription = {
	option: {
		name: 'Create Team',
		value: 'createTeam',
		action: 'Create a team under the broker account',
		description: 'Create a team with its admin under the broker account',
		// Lofty answers with a bare string; when it is the new id, output it as teamId.
		routing: requestWith({ method: 'POST', url: '/v1.0/broker/team' }, sendRequest({ idKey: 'teamId' }), [additionalBody(), compactBody], [
			{ at: 'body.email', label: 'Admin Email', check: 'email' },
			{ at: 'additionalFields.seatLimit', label: 'Seat Limit', check: 'positiveInteger', optional: true },
		]),
	},
	// BrokerTeam (6.10).
	description: forOperation(RESOURCE, 'createTeam', [
		{
			displayName: 'Team Name',
			name: 'teamName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Downtown Team',
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
			routing: { send: { type: 'body', property: 'email' } },
		},
		{
			displayName: 'Admin First Name',
			name: 'firstName',
			type: 'string',
			required: true,
			default: '',
			description: "First name of the team's admin",
			routing: { send: { type: 'body', property: 'firstName' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
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
			],
		},
		additionalBodyField('BrokerTeam', undefined),
	]),
};
