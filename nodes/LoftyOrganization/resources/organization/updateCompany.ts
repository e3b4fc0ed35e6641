import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith, sendTrimmed } from '../../../shared/routing';
import { RESOURCE, contactFields, textField } from './shared';

/** CompanyOpenVo (6.18). */
const company = contactFields('company');

export const updateCompany: OperationDescription = {
	option: {
		name: 'Update Company',
		value: 'updateCompany',
		action: 'Update the company',
		description: 'Edit the company details of the team',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/org/company' },
			sendRequest(),
			[additionalBody(), compactBody],
			[
				{ at: 'companyFields.teamId', label: 'Team ID', check: 'ids', optional: true },
				{ at: 'body.email', label: 'Email', check: 'email' },
				{ at: 'body.teamId', label: 'Team ID', check: 'integer' },
				{ at: 'body', label: 'Update Fields', check: 'changes' },
			],
		),
	},
	description: forOperation(RESOURCE, 'updateCompany', [
		{
			displayName: 'Update Fields',
			name: 'companyFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Company details to change; fields left out keep their values',
			options: [
				company.city,
				textField('Company Name', 'name'),
				company.email,
				textField('Header', 'header', { description: 'Header text of the company, as Lofty calls it' }),
				company.phone,
				company.phoneCountry,
				company.phoneCode,
				company.state,
				company.streetAddress,
				{
					displayName: 'Team ID',
					name: 'teamId',
					type: 'string',
					default: '',
					placeholder: '1234567',
					description: "Team whose company is edited; leave empty for the credential's team",
					routing: sendTrimmed('body', 'teamId'),
				},
				company.zipcode,
			],
		},
		additionalBodyField('CompanyOpenVo', undefined),
	]),
};
