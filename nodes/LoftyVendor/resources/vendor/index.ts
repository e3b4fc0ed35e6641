import { resourceOperations } from '../../../shared/operations';
import { getInfo } from './getInfo';
import { getOAuthTokenInfo } from './getOAuthTokenInfo';
import { RESOURCE } from './shared';

export const vendorDescription = resourceOperations(RESOURCE, [getOAuthTokenInfo, getInfo], 'getInfo');
