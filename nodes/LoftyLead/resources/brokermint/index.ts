import { resourceOperations } from '../../../shared/operations';
import { RESOURCE } from './shared';
import { updateLead } from './updateLead';
import { updateTransaction } from './updateTransaction';

export const brokermintDescription = resourceOperations(RESOURCE, [updateLead, updateTransaction], 'updateLead');
