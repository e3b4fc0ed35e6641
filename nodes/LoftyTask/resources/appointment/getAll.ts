import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting, sendTrimmed } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** GET /v1.0/appts has no paging: the lead's appointments come in one response. Limit only cuts the list. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many appointments',
		description: 'Get the appointments of a lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/appts' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getAll', [
		{
			...leadPicker('ID of the lead whose appointments to get'),
			routing: sendTrimmed('query', 'leadId'),
		},
		...limitFields(wholeList.pageSize, 'Lofty returns all appointments of the lead in one response; Limit cuts the list'),
	]),
};
