import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** The permission profiles come back whole in one response: Limit only cuts the list. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

export const getPermissionProfiles: OperationDescription = {
	option: {
		name: 'Get Permission Profiles',
		value: 'getPermissionProfiles',
		action: 'Get permission profiles',
		description: 'Get the permission profiles defined in the organization',
		routing: listRouting({ method: 'GET', url: '/v1.0/org/permission/profiles' }, wholeList),
	},
	description: forOperation(
		RESOURCE,
		'getPermissionProfiles',
		limitFields(wholeList.pageSize, 'Lofty returns the whole list in one response; Limit cuts it'),
	),
};
