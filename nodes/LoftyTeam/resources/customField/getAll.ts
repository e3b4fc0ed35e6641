import { teamListOperation } from '../teamList';
import { RESOURCE } from './shared';

export const getAll = teamListOperation(RESOURCE, '/v1.0/teamFeatures/listCustomField', {
	name: 'Get Many',
	action: 'Get many custom fields',
	description: 'Get the lead custom fields of the team',
});
