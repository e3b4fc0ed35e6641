import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting, sendTrimmed } from '../../../shared/routing';
import { RESOURCE } from './shared';

/**
 * GET /v1.0/tasks has no paging: the lead's tasks come in one response, under "taskList"
 * (newer Lofty docs) or as a bare array. Limit only cuts the list.
 */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000, records: 'taskList' };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many tasks',
		description: 'Get the tasks of a lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/tasks' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getAll', [
		{ ...leadPicker('ID of the lead whose tasks to get'), routing: sendTrimmed('query', 'leadId') },
		...limitFields(wholeList.pageSize, 'Lofty returns all tasks of the lead in one response; Limit cuts the list'),
	]),
};
