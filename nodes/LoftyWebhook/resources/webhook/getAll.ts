import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** GET /v1.0/webhooks answers with the whole list: Limit only cuts it. */
const webhookList: PagingOptions = { style: 'none', pageSize: 1000, records: 'webhooks' };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many webhooks',
		description: 'Get the webhook subscriptions of the team',
		routing: listRouting({ method: 'GET', url: '/v1.0/webhooks' }, webhookList),
	},
	description: forOperation(
		RESOURCE,
		'getAll',
		limitFields(webhookList.pageSize, 'Lofty returns the whole list in one response; Limit cuts it'),
	),
};
