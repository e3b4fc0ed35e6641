import { getRecord } from '../../../shared/operations';
import { CALL } from './shared';

export const get = getRecord(CALL, {}, 'Get a call with its outcome, duration, times and phone numbers');
