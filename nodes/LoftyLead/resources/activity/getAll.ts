import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { LEAD_ID_DESCRIPTION, RESOURCE } from './shared';

/** GET /v1.0/leads/{leadId}/activities pages by curPage (from 0), always 100 activities a page. */
const activityPages: PagingOptions = { style: 'curPage', pageSize: 100 };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many activities',
		description: 'Get many activities of a lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/leads/{leadId}/activities' }, activityPages),
	},
	description: forOperation(RESOURCE, 'getAll', [leadPicker(LEAD_ID_DESCRIPTION), ...limitFields(activityPages.pageSize)]),
};
