import { resourceOperations } from '../../../shared/operations';
import { getAll } from './getAll';
import { getDefault } from './getDefault';
import { RESOURCE } from './shared';
import { update } from './update';
import { updateDefault } from './updateDefault';

export const ruleDescription = resourceOperations(RESOURCE, [getDefault, getAll, update, updateDefault], 'getAll');
