import { searchSince } from './shared';

export const getAllByCreateTime = searchSince({
	operation: 'getAllByCreateTime',
	name: 'Get Many by Create Time',
	action: 'Get leads created since a time',
	url: '/v1.0/leads/createTime',
	parameter: 'leadCreateTime',
	label: 'Created Since',
	description: 'Leads created at or after this time',
	summary: 'Get the leads created at or after a given time, paging through all of them; for new leads since the last run',
});
