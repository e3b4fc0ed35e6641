import { convertDates } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { AGENT_COMMUNICATION_PAGE_SIZE, checkTimeRange, getAgentCommunication } from '../../LoftyCommunicationFunctions';
import { RESOURCE } from './shared';
import { filtersCollection } from '../../../shared/fields';

/** POST /v1.0/agent/communication: getAgentCommunication cuts the range into days and pages each. */
export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many communications of the agent',
		description: 'Search the calls, emails and texts of the agent (or the team) in a time range',
		routing: requestWith({ method: 'POST', url: '/v1.0/agent/communication' }, getAgentCommunication, [
			// Dates converted here, not by the walker: checkTimeRange compares the epoch values.
			convertDates({
				'body.startTime': { format: 'epochMs', label: 'Start Time' },
				'body.endTime': { format: 'epochMs', label: 'End Time' },
			}),
			checkTimeRange,
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Communication from this time on',
			routing: { send: { type: 'body', property: 'startTime' } },
		},
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Communication up to this time',
			hint: 'Lofty searches at most 24 hours at a time; longer ranges are searched day by day',
			routing: { send: { type: 'body', property: 'endTime' } },
		},
		...limitFields(AGENT_COMMUNICATION_PAGE_SIZE),
		filtersCollection([
				{
					displayName: 'Team View',
					name: 'teamView',
					type: 'boolean',
					default: false,
					description: "Whether to include the communication with the team's leads, not only the agent's own",
					routing: { send: { type: 'body', property: 'teamView' } },
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Call', value: 'CALL' },
						{ name: 'Email', value: 'EMAIL' },
						{ name: 'Text', value: 'TEXT' },
					],
					default: 'CALL',
					description: 'Only communication of this kind',
					routing: { send: { type: 'body', property: 'type' } },
				},
			]),
	]),
};
