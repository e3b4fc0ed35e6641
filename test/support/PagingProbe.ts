import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, resourceProperty } from '../../nodes/shared/descriptions';
import { preSend } from '../../nodes/shared/hooks';
import type { OperationDescription } from '../../nodes/shared/operations';
import { forOperation, limitFields, resourceOperations } from '../../nodes/shared/operations';
import type { PagingOptions } from '../../nodes/shared/pagination';
import { listRouting } from '../../nodes/shared/routing';

/** A list operation of the probe: one paging style of the API, with Return All and Limit. */
function probeList(name: string, value: string, method: 'GET' | 'POST', url: string, paging: PagingOptions, extra = {}): OperationDescription {
	return {
		option: { name, value, routing: listRouting({ method, url }, paging, Object.values(extra)) },
		description: forOperation('probe', value, limitFields(1000)),
	};
}

/** POST /v1.0/agent/communication needs its time window in the body. */
const timeWindow = preSend(async function (requestOptions) {
	requestOptions.body = {
		...(requestOptions.body as object),
		startTime: this.getNodeParameter('startTime'),
		endTime: this.getNodeParameter('endTime'),
	};
	return requestOptions;
});

/**
 * A test-only declarative node with one list operation per paging style, built from the same
 * shared pieces as the real nodes and run through the same engines.
 */
export class PagingProbe implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Paging Probe',
		name: 'pagingProbe',
		description: 'Test node',
		defaults: { name: 'Paging Probe' },
		usableAsTool: true,
		properties: [
			authenticationProperty,
			resourceProperty([{ name: 'Probe', value: 'probe' }]),
			...resourceOperations(
				'probe',
				[
					probeList('Leads by Offset', 'leadsByOffset', 'GET', '/v1.0/leads', { style: 'offset', pageSize: 100, records: 'leads' }),
					probeList('Leads by Scroll', 'leadsByScroll', 'GET', '/v1.0/leads', { style: 'scroll', pageSize: 100, records: 'leads', unwrap: 'lead' }),
					probeList('Activities', 'activities', 'GET', '/v1.0/leads/1000001/activities', { style: 'curPage', pageSize: 100 }),
					probeList('Members, 5 Pages at Most', 'cappedMembers', 'GET', '/v1.0/members', { style: 'offset', pageSize: 100, records: 'members', maxPages: 5 }),
					probeList('Call History', 'callHistory', 'GET', '/v1.0/communication/call', { style: 'currentId', pageSize: 1000 }),
					probeList('System Logs', 'systemLogs', 'GET', '/v1.0/systemLogs', { style: 'pageNumber', pageSize: 100 }),
					probeList('Listings', 'listings', 'GET', '/v1.0/listing', { style: 'nextPageKey', pageSize: 100, records: 'listings' }),
					probeList('Agent Communication', 'agentCommunication', 'POST', '/v1.0/agent/communication', { style: 'bodyOffset', pageSize: 1000 }, { timeWindow }),
				],
				'callHistory',
			),
			{ displayName: 'Start', name: 'startTime', type: 'number', default: 0 },
			{ displayName: 'End', name: 'endTime', type: 'number', default: 0 },
		],
	};
}
