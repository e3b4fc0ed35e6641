import { resourceOperations } from '../../../shared/operations';
import { addOffice } from './addOffice';
import { get } from './get';
import { getPermissionProfiles } from './getPermissionProfiles';
import { RESOURCE } from './shared';
import { updateCompany } from './updateCompany';
import { updateOffice } from './updateOffice';

export const organizationDescription = resourceOperations(
	RESOURCE,
	[addOffice, get, getPermissionProfiles, updateCompany, updateOffice],
	'get',
);
