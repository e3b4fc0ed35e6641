import type { OperationDescription } from '../../../shared/operations';
import { forOperation, recordIdField } from '../../../shared/operations';
import { sendAndConfirmDelete } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { LOG, RESOURCE } from './shared';

export const remove: OperationDescription = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a log',
		description: 'Delete a logged call, email or text',
		routing: requestWith({ method: 'DELETE', url: LOG.path }, sendAndConfirmDelete(LOG.id, LOG.id), [], [
			{ at: LOG.id, label: LOG.idLabel, check: 'id' },
		]),
	},
	description: forOperation(RESOURCE, 'delete', [recordIdField(LOG.id, LOG.idLabel, LOG.idDescription)]),
};
