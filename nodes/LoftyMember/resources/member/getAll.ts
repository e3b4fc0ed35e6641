import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE } from './shared';
import { accountOptions, filtersCollection } from '../../../shared/fields';

/** GET /v1.0/members pages by offset and limit; Lofty refuses a limit above 100. */
const memberPages: PagingOptions = { style: 'offset', pageSize: 100, records: 'members' };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many members',
		description: 'Get the members of the team',
		routing: listRouting({ method: 'GET', url: '/v1.0/members' }, memberPages, [], [
			{ at: 'filters.groupIds', label: 'Group Names or IDs', check: 'ids', optional: true },
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(memberPages.pageSize),
		filtersCollection([
				accountOptions({
					displayName: 'Group Names or IDs',
					name: 'groupIds',
					loadOptionsMethod: 'getGroups',
					description: 'Only members of these groups (offices).',
					routing: { send: { type: 'query', property: 'groupIds' } },
				}),
			]),
	]),
};
