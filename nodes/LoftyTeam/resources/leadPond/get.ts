import { accountOption } from '../../../shared/fields';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** Picked from the account's lead ponds, so not getRecord's typed-in id. */
export const get: OperationDescription = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a lead pond',
		description: 'Get a lead pond with the agents who can work it',
		routing: requestWith({ method: 'GET', url: '/v1.0/team-features/lead-pond/{leadPondId}' }, sendRequest(), [], [
			{ at: 'leadPondId', label: 'Lead Pond Name or ID', check: 'id' },
		]),
	},
	description: forOperation(RESOURCE, 'get', [
		accountOption({
			displayName: 'Lead Pond Name or ID',
			name: 'leadPondId',
			loadOptionsMethod: 'getLeadPonds',
			description: 'Lead pond to get.',
			required: true,
		}),
	]),
};
