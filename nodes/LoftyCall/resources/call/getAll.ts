import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE } from './shared';
import { filtersCollection, leadIdFilter } from '../../../shared/fields';

/**
 * GET /v1.0/calls pages by offset/limit and reports _metadata.total. The reference gives no
 * maximum page size; 100 is what Lofty's other offset lists accept.
 */
const callPages: PagingOptions = { style: 'offset', pageSize: 100, records: 'calls' };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many calls',
		description: 'Search calls, optionally of one lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/calls' }, callPages),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(callPages.pageSize),
		filtersCollection([
				leadIdFilter('Only calls with this lead'),
			]),
	]),
};
