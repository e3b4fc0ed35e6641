import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { createOrUpdateLead, hideVendorIdBothWays } from '../../LoftyLeadFunctions';
import { createAdditionalFields } from './profileFields';
import { RESOURCE, emailsField, firstNameField, lastNameField, leadBodySteps, phonesField } from './shared';

export const createOrUpdate: OperationDescription = {
	option: {
		name: 'Create or Update',
		value: 'createOrUpdate',
		action: 'Create or update a lead',
		description: 'Find a lead by email or phone and update it, or create it when there is none',
		// The send hook looks the lead up, then POSTs or PUTs the body built here.
		routing: requestWith({ method: 'POST', url: '/v1.0/leads' }, createOrUpdateLead, [...leadBodySteps, hideVendorIdBothWays]),
	},
	description: forOperation(RESOURCE, 'createOrUpdate', [
		firstNameField,
		lastNameField,
		emailsField,
		phonesField,
		{
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			options: [
				{ name: 'Email, Then Phone', value: 'emailThenPhone' },
				{ name: 'Email Only', value: 'email' },
				{ name: 'Phone Only', value: 'phone' },
			],
			default: 'emailThenPhone',
			description: 'How to find the existing lead (exact match on the first email or phone given)',
		},
		createAdditionalFields,
		additionalBodyField('LeadRequest', undefined),
	]),
};
