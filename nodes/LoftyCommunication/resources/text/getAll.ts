import { historyOperation } from '../historyList';
import { RESOURCE } from './shared';

export const getAll = historyOperation(RESOURCE, '/v1.0/communication/text', {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many texts',
	description: 'Get the text message history',
});
