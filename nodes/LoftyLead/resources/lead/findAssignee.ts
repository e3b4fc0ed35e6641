import type { INodeProperties } from 'n8n-workflow';

import { compactBody, dateRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** A contact detail of the lead to look up; prefixed so it does not clash with the lead forms' fields. */
function contactField(displayName: string, name: string, type: 'string' | 'dateTime' = 'string'): INodeProperties {
	return {
		displayName,
		name: `assignee_${name}`,
		type,
		default: '',
		placeholder: name === 'email' ? 'name@email.com' : undefined,
		routing: { send: { type: 'body', property: name } },
	};
}

export const findAssignee: OperationDescription = {
	option: {
		name: 'Find Assignee',
		value: 'findAssignee',
		action: 'Find the assignees of a lead',
		description: "Look up a lead's assigned agents and roles from its contact details",
		routing: requestWith({ method: 'POST', url: '/v1.0/leads/assignee' }, sendRequest(), [compactBody], dateRules({ 'body.birthday': { format: 'birthday', label: 'Birthday' } })),
	},
	description: forOperation(RESOURCE, 'findAssignee', [
		contactField('First Name', 'firstName'),
		contactField('Last Name', 'lastName'),
		contactField('Email', 'email'),
		contactField('Phone', 'phone'),
		contactField('Birthday', 'birthday', 'dateTime'),
	]),
};
