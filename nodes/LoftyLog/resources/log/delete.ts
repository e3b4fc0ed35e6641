import { checkParameters } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { sendRequest } from '../../../shared/pagination';
import { requestWith } from '../../../shared/routing';
import { LOG, RESOURCE } from './shared';

/** Not deleteRecord: the output is Lofty's answer ({success: true} when empty), not the id echoed. */
export const remove: OperationDescription = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a log',
		description: 'Delete a logged call, email or text',
		routing: requestWith({ method: 'DELETE', url: LOG.path }, sendRequest(), [
			checkParameters([{ parameter: LOG.id, label: LOG.idLabel, check: 'id' }]),
		]),
	},
	description: forOperation(RESOURCE, 'delete', [recordIdField(LOG.id, LOG.idLabel, LOG.idDescription)]),
};
