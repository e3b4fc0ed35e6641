import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
import type { PagingOptions } from '../../../shared/pagination';
import { listRouting, sendTrimmed } from '../../../shared/routing';
import { RESOURCE } from './shared';

/**
 * GET /v1.0/notes has no paging: the lead's notes come in one response, as a bare array
 * (the reference) or under "notes" (newer Lofty docs). Limit only cuts the list.
 */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000, records: 'notes' };

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many notes',
		description: 'Get the notes of a lead',
		routing: listRouting({ method: 'GET', url: '/v1.0/notes' }, wholeList),
	},
	description: forOperation(RESOURCE, 'getAll', [
		{ ...leadPicker('ID of the lead whose notes to get'), routing: sendTrimmed('query', 'leadId') },
		{
			displayName: 'Include System Notes',
			name: 'includeSystemNote',
			type: 'boolean',
			default: false,
			description: 'Whether to include the notes Lofty writes itself alongside those written by people',
			routing: { send: { type: 'query', property: 'includeSystemNote' } },
		},
		...limitFields(wholeList.pageSize, 'Lofty returns all notes of the lead in one response; Limit cuts the list'),
	]),
};
