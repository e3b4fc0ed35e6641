import { resourceOperations } from '../../../shared/operations';
import { create } from './create';
import { RESOURCE } from './shared';

export const agentDescription = resourceOperations(RESOURCE, [create], 'create');
