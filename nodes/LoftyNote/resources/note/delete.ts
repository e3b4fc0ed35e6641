import { deleteRecord } from '../../../shared/operations';
import { NOTE } from './shared';

export const remove = deleteRecord(NOTE);
