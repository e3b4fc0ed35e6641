import { getRecord } from '../../../shared/operations';
import { TASK } from './shared';

/** Wrapped as {task: …} (newer Lofty docs) or a bare TaskResponse. */
export const get = getRecord(TASK, { unwrap: 'task' });
