import type { OperationDescription } from '../../../shared/operations';
import { forOperation, getRecord, simplifyField } from '../../../shared/operations';
import { LEAD, RESOURCE, simplifyLead } from './shared';

const byId = getRecord(LEAD, { simplify: simplifyLead });

export const get: OperationDescription = {
	option: byId.option,
	description: [
		...byId.description,
		...forOperation(RESOURCE, 'get', [
			simplifyField('lead'),
			{
				displayName: 'Include Trash',
				name: 'withTrash',
				type: 'boolean',
				default: false,
				description: 'Whether to find the lead even if it was deleted',
				routing: { send: { type: 'query', property: 'withTrash' } },
			},
		]),
	],
};
