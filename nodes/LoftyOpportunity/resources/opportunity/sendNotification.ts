import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { LEAD_ID_AS_NUMBER, leadInBody } from '../../../shared/picker';
import { sendAndEchoId } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { applyDetailLink } from '../../LoftyOpportunityFunctions';
import { RESOURCE } from './shared';

/** Body: OpportunityNotificationRequest (6.61). */
export const sendNotification: OperationDescription = {
	option: {
		name: 'Send Notification',
		value: 'sendNotification',
		action: 'Send an opportunity notification',
		description: 'Notify the agent in Lofty about an opportunity with a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/agent/send-notification' },
			// Lofty answers with a bare string: the output names the lead notified about.
			sendAndEchoId('leadId', 'leadId'),
			[applyDetailLink, compactBody],
			[
				LEAD_ID_AS_NUMBER,
				{ at: 'body.notificationType', label: 'Notification Type', check: 'integer' },
			],
		),
	},
	description: forOperation(RESOURCE, 'sendNotification', [
		leadInBody('Lead the opportunity is about'),
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 2 },
			placeholder: 'Jamie viewed 1 Main St three times today',
			description: 'Text shown on the notification',
			routing: { send: { type: 'body', property: 'message' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Link',
					name: 'detailLink',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add Link',
					description: 'A link shown on the notification; Lofty shows it only with both its text and its URL',
					options: [
						{
							displayName: 'Details',
							name: 'details',
							values: [
								{
									displayName: 'Link Text',
									name: 'description',
									type: 'string',
									default: '',
									placeholder: 'View the lead',
									description: 'Text shown for the link (the request field "description")',
								},
								{
									displayName: 'Link URL',
									name: 'link',
									type: 'string',
									default: '',
									placeholder: 'https://www.example-realty.com/leads/123',
									description: 'Where the link leads',
								},
							],
						},
					],
				},
				{
					displayName: 'Notification Type',
					name: 'notificationType',
					type: 'number',
					typeOptions: { numberPrecision: 0 },
					default: 0,
					description: "Lofty's numeric notification type; the API reference does not list its values",
					routing: { send: { type: 'body', property: 'notificationType' } },
				},
			],
		},
	]),
};
