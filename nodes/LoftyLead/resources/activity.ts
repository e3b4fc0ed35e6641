import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	idField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import { checkParameters, compactBody, convertDates } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { apiPath } from '../../shared/values';

const RESOURCE = 'activity';
/** GET /v1.0/leads/{leadId}/activities pages by curPage (from 0), always 100 activities a page. */
const ACTIVITY_PAGE_SIZE = 100;
const activityPages: PagingOptions = { style: 'curPage', pageSize: ACTIVITY_PAGE_SIZE };

const leadId = checkParameters([{ parameter: 'leadId', label: 'Lead ID', check: 'id' }]);
const activityRequired = checkParameters([
	{ parameter: 'leadId', label: 'Lead ID', check: 'id' },
	{ parameter: 'activityType', label: 'Type', check: 'required' },
]);
const activityDates = convertDates({ 'body.created': { format: 'epochMs', label: 'Created' } });

/**
 * LeadActivityReq.listing is an untyped object ("Listing details"): the form takes it as
 * JSON, which arrives as text when typed in and as an object from an expression.
 */
async function parseListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject | undefined;
	if (!body || typeof body !== 'object') return requestOptions;
	const raw = body.listing;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		delete body.listing;
		return requestOptions;
	}
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = jsonParse(raw);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), '"Listing" is not valid JSON', {
				itemIndex: this.getItemIndex(),
				description: `${(error as Error).message}. Nothing was sent to Lofty.`,
			});
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), '"Listing" must be a JSON object', {
			itemIndex: this.getItemIndex(),
			description: 'Give the listing details as an object, e.g. {"listingId": "123", "price": 500000}. Nothing was sent to Lofty.',
		});
	}
	body.listing = parsed as IDataObject;
	return requestOptions;
}

export const activityOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create an activity',
			description: 'Add an activity to the timeline of a lead',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/activity') },
				send: { preSend: [activityRequired, activityDates, parseListing, additionalBody(), compactBody] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many activities',
			description: 'Get many activities of a lead',
			routing: {
				...listRouting('GET', apiPath('/v1.0/leads/{leadId}/activities'), activityPages),
				send: { preSend: [leadId] },
			},
		},
	],
	'getAll',
);

/** LeadActivityReq fields besides the type, each routed into the body. */
const activityOptionalFields: INodeProperties[] = [
	{
		displayName: 'Created',
		name: 'created',
		type: 'dateTime',
		default: '',
		description: 'When the activity happened; Lofty receives it as epoch milliseconds',
		routing: { send: { type: 'body', property: 'created' } },
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'https://www.example-realty.com/listing/123',
		description: 'URL of the web page the activity is about',
		routing: { send: { type: 'body', property: 'link' } },
	},
	{
		displayName: 'Listing',
		name: 'listing',
		type: 'json',
		default: '',
		description: 'Listing details as a JSON object',
		routing: { send: { type: 'body', property: 'listing' } },
	},
	{
		displayName: 'Page Name',
		name: 'pageName',
		type: 'string',
		default: '',
		description: "Name of the lead's submission (re-inquiry) page",
		routing: { send: { type: 'body', property: 'pageName' } },
	},
	{
		displayName: 'Picture',
		name: 'picture',
		type: 'string',
		default: '',
		placeholder: 'https://www.example-realty.com/photos/123.jpg',
		description: 'URL of a preview picture',
		routing: { send: { type: 'body', property: 'picture' } },
	},
	{
		displayName: 'Scheduled Date',
		name: 'scheduledDate',
		type: 'string',
		default: '',
		placeholder: '2026-01-31 10:00',
		description: 'Scheduled date of a showing request; Lofty takes it as text and stores it as given',
		routing: { send: { type: 'body', property: 'scheduledDate' } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		description: 'Text of the activity, such as the search the lead ran',
		routing: { send: { type: 'body', property: 'text' } },
	},
];

export const activityFields: INodeProperties[] = [
	idField('leadId', 'Lead ID', showFor(RESOURCE, ['create', 'getAll']), 'ID of the lead the activities belong to'),

	// Create
	{
		displayName: 'Type',
		name: 'activityType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Property Viewed',
		description: 'Kind of activity, as Lofty names it (e.g. Property Viewed, Property Search, Website Visit)',
		displayOptions: showFor(RESOURCE, ['create']),
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create']),
		options: activityOptionalFields,
	},

	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], ACTIVITY_PAGE_SIZE),
	additionalBodyField('LeadActivityReq', showFor(RESOURCE, ['create'])),
];
