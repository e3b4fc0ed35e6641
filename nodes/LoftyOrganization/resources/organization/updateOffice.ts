import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendAndEchoId } from '../../../shared/send';
import { requestWith, sendTrimmed } from '../../../shared/routing';
import {
	OFFICE_PATH,
	RESOURCE,
	allowManageSubField,
	officeContact,
	officeFieldRules,
	parentToZipcode,
	textField,
} from './shared';

export const updateOffice: OperationDescription = {
	option: {
		name: 'Update Office',
		value: 'updateOffice',
		action: 'Update an office',
		description: 'Edit the details of an office of the organization',
		// Lofty answers with a bare string: the output names the office changed.
		routing: requestWith(
			{ method: 'POST', url: OFFICE_PATH },
			sendAndEchoId('officeId', 'officeId'),
			[additionalBody(), compactBody],
			[
				{ at: 'officeId', label: 'Office Name or ID', check: 'id' },
				...officeFieldRules('officeUpdateFields'),
				{ at: 'body', label: 'Update Fields', check: 'changes', except: ['id'] },
			],
		),
	},
	description: forOperation(RESOURCE, 'updateOffice', [
		accountOption({
			displayName: 'Office Name or ID',
			name: 'officeId',
			loadOptionsMethod: 'getOffices',
			description: 'Office to update.',
			required: true,
			routing: sendTrimmed('body', 'id'),
		}),
		{
			displayName: 'Update Fields',
			name: 'officeUpdateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Office details to change; fields left out keep their values',
			options: [
				allowManageSubField,
				officeContact.city,
				officeContact.email,
				textField('Name', 'name', { description: 'Name of the office' }),
				...parentToZipcode,
			],
		},
		additionalBodyField('OfficeOpenVo', undefined),
	]),
};
