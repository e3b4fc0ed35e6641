import { historyOperation } from '../historyList';
import { RESOURCE } from './shared';

export const getAllV2 = historyOperation(RESOURCE, '/v1.0/communication/call/v2', {
	name: 'Get Many (V2)',
	value: 'getAllV2',
	action: 'Get many calls with the v2 call history',
	description: 'Get the v2 call history: agent, lead, direction, time and lead phone number of each call',
});
