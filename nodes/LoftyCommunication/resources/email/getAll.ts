import { historyOperation } from '../historyList';
import { RESOURCE } from './shared';

export const getAll = historyOperation(RESOURCE, '/v1.0/communication/email', {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many emails',
	description: 'Get the email history: sent, opened and bounced emails',
});
