import { teamListOperation } from '../teamList';
import { RESOURCE } from './shared';

export const getAll = teamListOperation(RESOURCE, '/v1.0/team-features/lead-ponds', {
	name: 'Get Many',
	action: 'Get many lead ponds',
	description: 'Get the lead ponds of the team',
});
