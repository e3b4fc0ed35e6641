import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	authenticationProperty,
	listRouting,
	loftyNodeBase,
	operationProperty,
	resourceProperty,
	returnAllAndLimit,
} from '../../nodes/shared/descriptions';

/**
 * A test-only declarative node with one list operation per paging style that the Lead
 * node does not use (those endpoints belong to resource nodes still to come). It is built
 * from the same shared pieces as the real nodes and runs through the same engine.
 */
export class PagingProbe implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Paging Probe',
		name: 'pagingProbe',
		description: 'Test node',
		defaults: { name: 'Paging Probe' },
		properties: [
			authenticationProperty,
			resourceProperty([{ name: 'Probe', value: 'probe' }]),
			operationProperty(
				'probe',
				[
					{
						name: 'Leads by Offset',
						value: 'leadsByOffset',
						routing: listRouting('GET', '/v1.0/leads', { style: 'offset', pageSize: 100, records: 'leads' }),
					},
					{
						name: 'Call History',
						value: 'callHistory',
						routing: listRouting('GET', '/v1.0/communication/call', { style: 'currentId', pageSize: 1000 }),
					},
					{
						name: 'System Logs',
						value: 'systemLogs',
						routing: listRouting('GET', '/v1.0/systemLogs', { style: 'pageNumber', pageSize: 100 }),
					},
					{
						name: 'Listings',
						value: 'listings',
						routing: listRouting('GET', '/v1.0/listing', { style: 'nextPageKey', pageSize: 100, records: 'listings' }),
					},
					{
						name: 'Agent Communication',
						value: 'agentCommunication',
						routing: {
							...listRouting('POST', '/v1.0/agent/communication', { style: 'bodyOffset', pageSize: 1000 }),
							send: {
								preSend: [
									async function (requestOptions) {
										requestOptions.body = {
											...(requestOptions.body as object),
											startTime: this.getNodeParameter('startTime'),
											endTime: this.getNodeParameter('endTime'),
										};
										return requestOptions;
									},
								],
							},
						},
					},
				],
				'callHistory',
			),
			...returnAllAndLimit('probe', ['leadsByOffset', 'callHistory', 'systemLogs', 'listings', 'agentCommunication'], 1000),
			{ displayName: 'Start', name: 'startTime', type: 'number', default: 0 },
			{ displayName: 'End', name: 'endTime', type: 'number', default: 0 },
		],
	};
}
