import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** GET /v1.0/vendor/list answers with the whole list (VendorInfo[]): Limit only cuts it. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

export const getInfo: OperationDescription = {
	option: {
		name: 'Get Vendor Info',
		value: 'getInfo',
		action: 'Get vendor info',
		description: 'Get the vendor details of this integration',
		routing: listRouting({ method: 'GET', url: '/v1.0/vendor/list' }, wholeList),
	},
	description: forOperation(
		RESOURCE,
		'getInfo',
		limitFields(wholeList.pageSize, 'Lofty returns the whole list in one response; Limit cuts it'),
	),
};
