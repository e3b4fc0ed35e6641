import { resourceOperations } from '../../../shared/operations';
import { RESOURCE } from './shared';
import { sendNotification } from './sendNotification';

export const opportunityDescription = resourceOperations(RESOURCE, [sendNotification], 'sendNotification');
