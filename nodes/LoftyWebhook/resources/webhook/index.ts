import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { remove } from './delete';
import { getAll } from './getAll';
import { RESOURCE } from './shared';

export const webhookDescription = resourceOperations(RESOURCE, [create, remove, getAll], 'getAll');
