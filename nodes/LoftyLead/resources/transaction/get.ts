import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE, TRANSACTION_PATH, leadIdField, transactionIdField } from './shared';

/** Not getRecord: a transaction is addressed by its lead's id and its own. */
export const get: OperationDescription = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a transaction',
		description: 'Get a transaction of a lead',
		routing: requestWith({ method: 'GET', url: TRANSACTION_PATH }, sendRequest()),
	},
	description: forOperation(RESOURCE, 'get', [leadIdField, transactionIdField]),
};
