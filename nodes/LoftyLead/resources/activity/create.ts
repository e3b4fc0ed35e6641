import { additionalBody, additionalBodyField } from '../../../shared/descriptions';
import { compactBody, dateRules } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { leadPicker } from '../../../shared/picker';
import { sendRequest } from '../../../shared/send';
import { requestWith } from '../../../shared/routing';
import { inBody, parseListing } from '../../LoftyLeadFunctions';
import { LEAD_ID_DESCRIPTION, RESOURCE } from './shared';

export const create: OperationDescription = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an activity',
		description: 'Add an activity to the timeline of a lead',
		routing: requestWith(
			{ method: 'POST', url: '/v1.0/leads/{leadId}/activity' },
			sendRequest(),
			[parseListing, additionalBody(), compactBody],
			dateRules({ 'body.created': { format: 'epochMs', label: 'Created' } }),
		),
	},
	description: forOperation(RESOURCE, 'create', [
		leadPicker(LEAD_ID_DESCRIPTION),
		{
			displayName: 'Type',
			name: 'activityType',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Property Viewed',
			description: 'Kind of activity, as Lofty names it (e.g. Property Viewed, Property Search, Website Visit)',
			routing: { send: { type: 'body', property: 'type' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				inBody({
					displayName: 'Created',
					name: 'created',
					type: 'dateTime',
					default: '',
					description: 'When the activity happened; Lofty receives it as epoch milliseconds',
				}),
				inBody({
					displayName: 'Link',
					name: 'link',
					type: 'string',
					default: '',
					placeholder: 'https://www.example-realty.com/listing/123',
					description: 'URL of the web page the activity is about',
				}),
				inBody({
					displayName: 'Listing',
					name: 'listing',
					type: 'json',
					default: '',
					description: 'Listing details as a JSON object',
				}),
				inBody({
					displayName: 'Page Name',
					name: 'pageName',
					type: 'string',
					default: '',
					description: "Name of the lead's submission (re-inquiry) page",
				}),
				inBody({
					displayName: 'Picture',
					name: 'picture',
					type: 'string',
					default: '',
					placeholder: 'https://www.example-realty.com/photos/123.jpg',
					description: 'URL of a preview picture',
				}),
				inBody({
					displayName: 'Scheduled Date',
					name: 'scheduledDate',
					type: 'string',
					default: '',
					placeholder: '2026-01-31 10:00',
					description: 'Scheduled date of a showing request; Lofty takes it as text and stores it as given',
				}),
				inBody({
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
					description: 'Text of the activity, such as the search the lead ran',
				}),
			],
		},
		additionalBodyField('LeadActivityReq', undefined),
	]),
};
