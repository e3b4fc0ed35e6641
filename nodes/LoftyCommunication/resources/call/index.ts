import { resourceOperations } from '../../../shared/operations';
import { getAll } from './getAll';
import { getAllV2 } from './getAllV2';
import { RESOURCE } from './shared';

export const callDescription = resourceOperations(RESOURCE, [getAll, getAllV2], 'getAll');
