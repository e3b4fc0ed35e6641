import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationDescription } from '../../shared/operations';
import { forOperation, limitFields } from '../../shared/operations';
import type { PagingOptions } from '../../shared/pagination';
import { listRouting } from '../../shared/routing';
import { filtersCollection, leadIdFilter } from '../../shared/fields';

/**
 * Call, email and text history (GET /v1.0/communication/call|call/v2|email|text): bare arrays
 * paged by the currentId cursor, which Lofty recommends over offset; limit max 1000.
 */
const historyPages: PagingOptions = { style: 'currentId', pageSize: 1000 };

/** The same Filters for every history list: one property in each resource (declaredOnce). */
const historyFilters = filtersCollection([leadIdFilter('Only the history with this lead')]);

/** One history list of the call, email or text resource: the same paging and filters for each. */
export function historyOperation(resource: string, url: string, option: Omit<INodePropertyOptions, 'routing'>): OperationDescription {
	return {
		option: {
			...option,
			routing: listRouting({ method: 'GET', url }, historyPages),
		},
		description: forOperation(resource, String(option.value), [
			...limitFields(historyPages.pageSize),
			historyFilters,
		]),
	};
}
