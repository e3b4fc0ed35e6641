import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { sendAndConfirmDelete } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

export const removeTeam: OperationDescription = {
	option: {
		name: 'Remove Team',
		value: 'removeTeam',
		action: 'Remove a team from the broker account',
		description: 'Delete a team from the broker account by its team ID, as Create Team returned it',
		routing: requestWith({ method: 'DELETE', url: '/v1.0/broker/team/{teamId}' }, sendAndConfirmDelete('teamId', 'teamId'), [], [
			{ at: 'teamId', label: 'Team ID', check: 'id' },
		]),
	},
	description: forOperation(RESOURCE, 'removeTeam', [
		recordIdField('teamId', 'Team ID', 'ID of the team to remove from the broker account'),
	]),
};
