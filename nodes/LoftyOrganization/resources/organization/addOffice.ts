import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import {
	OFFICE_PATH,
	RESOURCE,
	allowManageSubField,
	officeContact,
	officeFieldRules,
	parentToZipcode,
} from './shared';

export const addOffice: OperationDescription = {
	option: {
		name: 'Add Office',
		value: 'addOffice',
		action: 'Add an office',
		description: 'Add an office to the organization',
		// Lofty answers with a bare string; when it is the new id, output it as officeId.
		// This PUT creates an office: never resend it after a lost answer.
		routing: requestWith({ method: 'PUT', url: OFFICE_PATH }, sendRequest({ idKey: 'officeId', idempotent: false }), [additionalBody(), compactBody], officeFieldRules('officeAdditionalFields')),
	},
	description: forOperation(RESOURCE, 'addOffice', [
		{
			displayName: 'Name',
			name: 'officeName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Downtown Office',
			description: 'Name of the new office',
			routing: { send: { type: 'body', property: 'name' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'officeAdditionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				allowManageSubField,
				officeContact.city,
				officeContact.email,
				...parentToZipcode,
			],
		},
		additionalBodyField('OfficeOpenVo', undefined),
	]),
};
