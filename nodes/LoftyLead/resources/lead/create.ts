import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { hideVendorIdBothWays } from '../../LoftyLeadFunctions';
import { createAdditionalFields } from './profileFields';
import { RESOURCE, emailsField, firstNameField, lastNameField, leadBodyRules, leadBodySteps, phonesField } from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a lead',
		description: 'Create a new lead with name, emails, phones, source, stage, tags and profile details. To avoid duplicates when the lead may already exist, use Create or Update.',
		routing: requestWith({ method: 'POST', url: '/v1.0/leads' }, sendRequest(), [...leadBodySteps, hideVendorIdBothWays], leadBodyRules),
	},
	description: forOperation(RESOURCE, 'create', [
		{ ...firstNameField, required: true },
		lastNameField,
		emailsField,
		phonesField,
		createAdditionalFields,
		additionalBodyField('LeadRequest', undefined),
	]),
};
