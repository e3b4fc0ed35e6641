import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { RESOURCE } from './shared';
import { update } from './update';

export const accountDescription = resourceOperations(RESOURCE, [create, update], 'create');
