import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { get } from './get';
import { getAll } from './getAll';
import { getCustomFields } from './getCustomFields';
import { getPropertyAddress } from './getPropertyAddress';
import { RESOURCE } from './shared';
import { update } from './update';
import { updatePropertyAddress } from './updatePropertyAddress';

export const transactionDescription = resourceOperations(
	RESOURCE,
	[create, get, getCustomFields, getAll, getPropertyAddress, update, updatePropertyAddress],
	'create',
);
