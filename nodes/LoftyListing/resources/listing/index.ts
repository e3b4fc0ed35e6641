import { resourceOperations } from '../../../shared/operations';
import { getAll } from './getAll';
import { getPublished } from './getPublished';
import { RESOURCE } from './shared';

export const listingDescription = resourceOperations(RESOURCE, [getAll, getPublished], 'getAll');
