import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { RESOURCE } from './shared';
import { update } from './update';

export const taskDescription = resourceOperations(RESOURCE, [create, remove, get, getAll, update], 'create');
