import type { INodePropertyOptions } from 'n8n-workflow';

import type { RecordPath } from '../../../shared/operations';

export const RESOURCE = 'log';

/** A logged call, email or text, by its id. */
export const LOG: RecordPath = {
	resource: RESOURCE,
	noun: 'log',
	path: '/v1.0/logType/{logTypeId}',
	id: 'logTypeId',
	idLabel: 'Log ID',
	idDescription: 'ID of the logged call, email or text',
};

/** LogTypeRequest.logType and the logType search filter. */
export const logTypeOptions: INodePropertyOptions[] = [
	{ name: 'Call', value: 'logCall' },
	{ name: 'Email', value: 'logEmail' },
	{ name: 'Text', value: 'logText' },
];
