import { teamListOperation } from '../teamList';
import { RESOURCE } from './shared';

export const getAll = teamListOperation(RESOURCE, '/v1.0/teamFeatures/listTag', {
	name: 'Get Many',
	action: 'Get many tags',
	description: 'Get the lead tags that exist in the team',
});
