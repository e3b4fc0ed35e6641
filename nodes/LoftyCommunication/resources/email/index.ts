import { resourceOperations } from '../../../shared/operations';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const emailDescription = resourceOperations(RESOURCE, [getAll], 'getAll');
