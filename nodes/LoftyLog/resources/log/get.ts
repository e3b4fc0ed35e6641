import { getRecord } from '../../../shared/operations';
import { LOG } from './shared';

export const get = getRecord(LOG, {}, 'Get a logged call, email or text');
