import { accountOption } from '../../../shared/fields';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendAndConfirmDelete } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

/** Picked from the team's subscriptions: not deleteRecord's plain id field. */
export const remove: OperationDescription = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a webhook',
		description: 'Remove a webhook subscription',
		routing: requestWith({ method: 'DELETE', url: '/v1.0/webhook/{subscribeId}' }, sendAndConfirmDelete('subscribeId', 'subscribeId'), [], [
			{ at: 'subscribeId', label: 'Webhook Name or ID', check: 'id' },
		]),
	},
	description: forOperation(RESOURCE, 'delete', [
		accountOption({
			displayName: 'Webhook Name or ID',
			name: 'subscribeId',
			loadOptionsMethod: 'getWebhooks',
			description: 'Subscription to remove (its subscribeId).',
			required: true,
		}),
	]),
};
