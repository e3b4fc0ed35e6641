import { resourceOperations } from '../../../shared/operations';
import { get } from './get';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const leadPondDescription = resourceOperations(RESOURCE, [get, getAll], 'getAll');
