import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const customFieldDescription = resourceOperations(RESOURCE, [create, getAll], 'getAll');
