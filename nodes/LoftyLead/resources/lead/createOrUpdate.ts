import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { createOrUpdateLead, hideVendorIdBothWays } from '../../LoftyLeadFunctions';
import { createAdditionalFields } from './profileFields';
import { RESOURCE, emailsField, firstNameField, lastNameField, leadBodyRules, leadBodySteps, phonesField } from './shared';

export const createOrUpdate: OperationDescription = {
	option: {
		name: 'Create or Update',
		value: 'createOrUpdate',
		action: 'Create or update a lead',
		description: 'Find a lead by email or phone and update it, or create it when there is none',
		// The send hook looks the lead up, then POSTs or PUTs the body built here.
		routing: requestWith({ method: 'POST', url: '/v1.0/leads' }, createOrUpdateLead, [...leadBodySteps, hideVendorIdBothWays], leadBodyRules),
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
		{
			displayName: 'Phone Match With Another Email',
			name: 'phoneMatchOtherEmail',
			type: 'options',
			options: [
				{ name: 'Create a New Lead', value: 'create', description: 'The lead found by phone is left as it is' },
				{ name: 'Fail the Item', value: 'fail', description: 'Nothing is created or changed' },
			],
			default: 'create',
			description:
				'What to do when the lead found by phone has none of the emails given: it is another person, such as someone of the same household, and is never updated',
			displayOptions: { show: { matchBy: ['emailThenPhone', 'phone'] } },
		},
		{
			displayName: 'Emails and Phones on Update',
			name: 'emailsAndPhonesOnUpdate',
			type: 'options',
			options: [
				{ name: 'Merge', value: 'merge', description: "Add the ones given to the lead's own" },
				{ name: 'Replace', value: 'replace', description: "The ones given replace the lead's own" },
			],
			default: 'merge',
			description: "Whether an updated lead keeps the emails and phones it has that the input lacks",
		},
		createAdditionalFields,
		additionalBodyField('LeadRequest', undefined),
	]),
};
