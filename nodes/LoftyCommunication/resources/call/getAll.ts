import { historyOperation } from '../historyList';
import { RESOURCE } from './shared';

export const getAll = historyOperation(RESOURCE, '/v1.0/communication/call', {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calls',
	description: 'Get the call history with outcome, duration, times and phone numbers of each call',
});
