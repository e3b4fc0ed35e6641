import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE, logTypeOptions } from './shared';
import { filtersCollection, leadIdFilter } from '../../../shared/fields';

/** GET /v1.0/logType pages by the currentId cursor (recommended over offset); limit max 1000. */
const logPages: PagingOptions = { style: 'currentId', pageSize: 1000 };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many logs',
		description: 'Search logged calls, emails and texts',
		routing: listRouting({ method: 'GET', url: '/v1.0/logType' }, logPages),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(logPages.pageSize),
		filtersCollection([
				leadIdFilter('Only logs on this lead'),
				{
					displayName: 'Log Type',
					name: 'logType',
					type: 'options',
					options: logTypeOptions,
					default: 'logCall',
					description: 'Only logs of this kind',
					routing: { send: { type: 'query', property: 'logType' } },
				},
			]),
	]),
};
