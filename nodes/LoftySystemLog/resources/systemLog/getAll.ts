import { compactBody, convertDates } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting } from '../../../shared/routing';
import { checkSystemLogFilters } from '../../LoftySystemLogFunctions';
import { RESOURCE } from './shared';
import { filtersCollection } from '../../../shared/fields';

/** GET /v1.0/systemLogs pages by pageNumber (from 0) with pageSize up to 100. */
const systemLogPages: PagingOptions = { style: 'pageNumber', pageSize: 100 };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many system logs',
		description: 'Search the system logs of leads, optionally of one lead and within a time window',
		routing: listRouting({ method: 'GET', url: '/v1.0/systemLogs' }, systemLogPages, [
			// startTime/endTime are int64 timestamps: epoch milliseconds, like every other Lofty time.
			convertDates({
				'qs.startTime': { format: 'epochMs', label: 'Start Time' },
				'qs.endTime': { format: 'epochMs', label: 'End Time' },
			}),
			checkSystemLogFilters,
			compactBody,
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(systemLogPages.pageSize),
		filtersCollection([
				{
					displayName: 'End Time',
					name: 'endTime',
					type: 'dateTime',
					default: '',
					description: 'Only logs created before this time; Lofty receives it as epoch milliseconds',
					routing: { send: { type: 'query', property: 'endTime' } },
				},
				{
					displayName: 'Lead ID',
					name: 'leadId',
					type: 'string',
					default: '',
					placeholder: '1234567',
					description: 'Only the logs of this lead',
					routing: { send: { type: 'query', property: 'leadId' } },
				},
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'dateTime',
					default: '',
					description: 'Only logs created at or after this time; Lofty receives it as epoch milliseconds',
					routing: { send: { type: 'query', property: 'startTime' } },
				},
			]),
	]),
};
