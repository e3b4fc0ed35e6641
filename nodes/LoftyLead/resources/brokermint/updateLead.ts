import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { externalIdOrEmail, inBody } from '../../LoftyLeadFunctions';
import { RESOURCE, bodyStrings } from './shared';

export const updateLead: OperationDescription = {
	option: {
		name: 'Update Lead',
		value: 'updateLead',
		action: 'Update a lead from Brokermint',
		description: 'Update a lead with contact details from Brokermint',
		routing: requestWith(
			{ method: 'PUT', url: '/v1.0/brokermint/lead' },
			sendRequest(),
			[additionalBody(), externalIdOrEmail, compactBody],
			[{ at: 'body.email', label: 'Email', check: 'email' }],
		),
	},
	description: forOperation(RESOURCE, 'updateLead', [
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'ID of the contact in Brokermint; Lofty finds the lead by it, or else by Email',
			routing: { send: { type: 'body', property: 'externalId' } },
		},
		{
			displayName: 'Email',
			name: 'contactEmail',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address of the lead; used to find the lead when External ID is empty or unknown to Lofty',
			routing: { send: { type: 'body', property: 'email' } },
		},
		{
			displayName: 'Update Fields',
			name: 'leadFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			// Contacts fields besides externalId and email.
			options: [
				...bodyStrings([
					['Address', 'address', 'Street address'],
					['City', 'city'],
					['Contact Type', 'contactType', 'Type of the contact in Brokermint'],
					['First Name', 'firstName'],
					['Last Name', 'lastName'],
					['Lead Source', 'leadSource', 'Where the lead came from'],
					['Phone', 'phone'],
				]),
				inBody({
					displayName: 'Private in Brokermint',
					name: 'bmPrivate',
					type: 'boolean',
					default: false,
					description: 'Whether the contact is private in Brokermint',
				}),
				...bodyStrings([
					['State', 'state'],
					['Zip Code', 'zip'],
				]),
			],
		},
		additionalBodyField('Contacts', undefined),
	]),
};
