import type { RecordPath } from '../../../shared/operations';

export const RESOURCE = 'call';

export const CALL: RecordPath = {
	resource: RESOURCE,
	noun: 'call',
	path: '/v1.0/calls/{callId}',
	id: 'callId',
	idLabel: 'Call ID',
	idDescription: 'ID of the call',
};
