import { resourceOperations } from '../../../shared/operations';
import { get } from './get';
import { getAll } from './getAll';
import { getByAccount } from './getByAccount';
import { getCurrentUser } from './getCurrentUser';
import { RESOURCE } from './shared';
import { update } from './update';

export const memberDescription = resourceOperations(RESOURCE, [getByAccount, get, getCurrentUser, getAll, update], 'getAll');
