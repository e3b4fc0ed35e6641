import { integerRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, idInBody, recordIdOf } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { LEAD, RESOURCE } from './shared';

export const getLoginLink: OperationDescription = {
	option: {
		name: 'Get Login Link',
		value: 'getLoginLink',
		action: 'Get a login link for a lead',
		description: 'Get a URL of your Lofty website that signs the lead in',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/specified-url' },
			sendRequest(),
			// Lofty reads the lead from the body.
			[idInBody('leadId')],
			integerRules({ 'body.leadId': 'Lead ID' }),
		),
	},
	description: forOperation(RESOURCE, 'getLoginLink', [
		recordIdOf(LEAD),
		{
			displayName: 'Website URL',
			name: 'loftyWebsiteURL',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://www.example-realty.com/listing/123',
			description: 'Page of your Lofty website the lead lands on, signed in',
			routing: { send: { type: 'body', property: 'loftyWebsiteURL' } },
		},
	]),
};
