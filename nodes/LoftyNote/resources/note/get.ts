import { getRecord } from '../../../shared/operations';
import { NOTE } from './shared';

/** A bare NoteResponse, or one wrapped as {note: …}. */
export const get = getRecord(NOTE, { unwrap: 'note' });
