import { checkParameters } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting, sendTrimmed } from '../../../shared/routing';
import { RESOURCE, logTypeOptions } from './shared';

/** GET /v1.0/logType pages by the currentId cursor (recommended over offset); limit max 1000. */
const logPages: PagingOptions = { style: 'currentId', pageSize: 1000 };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many logs',
		description: 'Search logged calls, emails and texts',
		routing: listRouting({ method: 'GET', url: '/v1.0/logType' }, logPages, [
			checkParameters([{ parameter: 'filters.leadId', label: 'Lead ID', check: 'id', optional: true }]),
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(logPages.pageSize),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Lead ID',
					name: 'leadId',
					type: 'string',
					default: '',
					placeholder: '1234567',
					description: 'Only logs on this lead',
					routing: sendTrimmed('query', 'leadId'),
				},
				{
					displayName: 'Log Type',
					name: 'logType',
					type: 'options',
					options: logTypeOptions,
					default: 'logCall',
					description: 'Only logs of this kind',
					routing: { send: { type: 'query', property: 'logType' } },
				},
			],
		},
	]),
};
