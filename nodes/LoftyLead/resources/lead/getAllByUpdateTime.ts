import { searchSince } from './shared';

export const getAllByUpdateTime = searchSince({
	operation: 'getAllByUpdateTime',
	name: 'Get Many by Update Time',
	action: 'Get leads updated since a time',
	url: '/v1.0/leads/updateTime',
	parameter: 'leadUpdateTime',
	label: 'Updated Since',
	description: 'Leads updated at or after this time',
	summary: 'Get the leads changed at or after a given time, paging through all of them; for syncing lead changes since the last run',
});
