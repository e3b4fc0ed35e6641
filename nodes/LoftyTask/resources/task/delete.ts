import { deleteRecord } from '../../../shared/operations';
import { TASK } from './shared';

export const remove = deleteRecord(TASK);
