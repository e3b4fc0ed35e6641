import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const activityDescription = resourceOperations(RESOURCE, [create, getAll], 'getAll');
