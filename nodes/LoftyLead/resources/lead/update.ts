import { additionalBodyField } from '../../../shared/descriptions';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdOf } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { profileFields } from './profileFields';
import { LEAD, RESOURCE, leadBodyRules, leadBodySteps } from './shared';

export const update: OperationDescription = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a lead',
		description: 'Change fields of an existing lead, found by its lead ID: contact details, stage, source, tags, assigned agent, custom fields',
		routing: requestWith({ method: 'PUT', url: LEAD.path }, sendRequest(), leadBodySteps, leadBodyRules),
	},
	description: forOperation(RESOURCE, 'update', [
		recordIdOf(LEAD),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: profileFields('update'),
		},
		additionalBodyField('LeadRequest', undefined),
	]),
};
