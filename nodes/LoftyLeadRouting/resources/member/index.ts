import { resourceOperations } from '../../../shared/operations';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const memberDescription = resourceOperations(RESOURCE, [getAll], 'getAll');
