import { resourceOperations } from '../../../shared/operations';
import { createTeam } from './createTeam';
import { removeTeam } from './removeTeam';
import { RESOURCE } from './shared';

export const brokerDescription = resourceOperations(RESOURCE, [createTeam, removeTeam], 'createTeam');
