import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const logDescription = resourceOperations(RESOURCE, [create, remove, get, getAll], 'create');
