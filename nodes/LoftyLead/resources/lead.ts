import type { INodeProperties } from 'n8n-workflow';

import {
	additionalBody,
	additionalBodyField,
	idField,
	listRouting,
	operationProperty,
	returnAllAndLimit,
	showFor,
} from '../../shared/descriptions';
import type { IHttpRequestOptions, IExecuteSingleFunctions } from 'n8n-workflow';
import { checkParameters, compactBody, convertDates, sendIntegers } from '../../shared/input';
import type { PagingOptions } from '../../shared/pagination';
import { createOrUpdateLead } from '../LeadFunctions';
import {
	emailsAndPhones,
	inquiryValues,
	leadCreateOnlyFields,
	leadDateFields,
	leadProfileFields,
	leadUpdateOnlyFields,
	propertyValues,
} from './leadFields';
import { apiPath, commaList, groupRows } from '../../shared/values';

const RESOURCE = 'lead';
const LEAD_PAGE_SIZE = 100;
/** Lead searches page by scrollId: offsets shift when leads are added during a long run. */
const leadScroll: PagingOptions = { style: 'scroll', pageSize: LEAD_PAGE_SIZE, records: 'leads', unwrap: 'lead' };

const leadId = checkParameters([{ parameter: 'leadId', label: 'Lead ID', check: 'id' }]);
const jsonBody = additionalBody();
/** LeadRequest / EditLeadRequest integers the form sets (the inquiry and property inside included). */
const leadIntegers = sendIntegers({
	'body.assignedUserId': 'Assigned Agent Name or ID',
	'body.assignGroupId': 'Routing Group ID',
	'body.hideVendorId': 'Hide Vendor ID',
	'body.inquiry.id': 'Inquiry ID',
	'body.inquiry.leadUserId': 'Lead User ID',
	'body.property.autoListingId': 'Auto Listing ID',
	'body.property.id': 'Property ID',
	'body.property.leadUserId': 'Lead User ID',
});
const inquiryIntegers = sendIntegers({ 'body.id': 'Inquiry ID', 'body.leadUserId': 'Lead User ID' });
const propertyIntegers = sendIntegers({ 'body.autoListingId': 'Auto Listing ID', 'body.id': 'Property ID', 'body.leadUserId': 'Lead User ID' });

/**
 * The reference lists hideVendorId as a second body parameter of POST /v1.0/leads, beside the
 * LeadRequest, which Swagger cannot express: it may be read from the body or the query. It is
 * sent both ways; Lofty ignores the one it does not read.
 */
async function hideVendorIdBothWays(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = requestOptions.body as { hideVendorId?: unknown } | undefined;
	if (body?.hideVendorId !== undefined) requestOptions.qs = { ...(requestOptions.qs ?? {}), hideVendorId: String(body.hideVendorId) };
	return requestOptions;
}
const leadDates = convertDates(leadDateFields);

export const leadOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Assign',
			value: 'assign',
			action: 'Assign roles on a lead',
			description: 'Place assignees (by account and role) on a lead',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/assignment') },
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a lead',
			routing: {
				request: { method: 'POST', url: '/v1.0/leads' },
				send: {
					preSend: [
						checkParameters([{ parameter: 'firstName', label: 'First Name', check: 'required' }]),
						leadDates,
						leadIntegers,
						jsonBody,
						compactBody,
						hideVendorIdBothWays,
					],
				},
			},
		},
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a lead',
			description: 'Find a lead by email or phone and update it, or create it when there is none',
			routing: {
				request: { method: 'POST', url: '/v1.0/leads' },
				send: { preSend: [leadDates, leadIntegers, jsonBody, compactBody, hideVendorIdBothWays] },
				operations: { pagination: createOrUpdateLead },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a lead',
			description: 'Move a lead to the trash, with a reason',
			routing: {
				request: { method: 'DELETE', url: apiPath('/v1.0/leads/{leadId}') },
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Find Assignee',
			value: 'findAssignee',
			action: 'Find the assignees of a lead',
			description: "Look up a lead's assigned agents and roles from its contact details",
			routing: { request: { method: 'POST', url: '/v1.0/leads/assignee' }, send: { preSend: [leadDates, compactBody] } },
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a lead',
			routing: {
				request: { method: 'GET', url: apiPath('/v1.0/leads/{leadId}') },
				send: { preSend: [leadId] },
			},
		},
		{
			name: 'Get Login Link',
			value: 'getLoginLink',
			action: 'Get a login link for a lead',
			description: 'Get a URL of your Lofty website that signs the lead in',
			routing: {
				request: { method: 'POST', url: '/v1.0/leads/specified-url' },
				send: { preSend: [leadId, sendIntegers({ 'body.leadId': 'Lead ID' })] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many leads',
			description: 'Search leads with filters',
			routing: listRouting('GET', '/v1.0/leads', leadScroll),
		},
		{
			name: 'Get Many by Create Time',
			value: 'getAllByCreateTime',
			action: 'Get leads created since a time',
			routing: {
				...listRouting('GET', '/v1.0/leads/createTime', leadScroll),
				send: { preSend: [convertDates({ 'qs.leadCreateTime': { format: 'loftyWallTime', label: 'Created Since' } })] },
			},
		},
		{
			name: 'Get Many by Update Time',
			value: 'getAllByUpdateTime',
			action: 'Get leads updated since a time',
			routing: {
				...listRouting('GET', '/v1.0/leads/updateTime', leadScroll),
				send: { preSend: [convertDates({ 'qs.leadUpdateTime': { format: 'loftyWallTime', label: 'Updated Since' } })] },
			},
		},
		{
			name: 'Place Inquiry',
			value: 'addInquiry',
			action: 'Place an inquiry on a lead',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/inquiry') },
				send: { preSend: [leadId, inquiryIntegers, jsonBody, compactBody] },
			},
		},
		{
			name: 'Place Property',
			value: 'addProperty',
			action: 'Place a property on a lead',
			routing: {
				request: { method: 'POST', url: apiPath('/v1.0/leads/{leadId}/property') },
				send: { preSend: [leadId, propertyIntegers, jsonBody, compactBody] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a lead',
			routing: {
				request: { method: 'PUT', url: apiPath('/v1.0/leads/{leadId}') },
				send: { preSend: [leadId, leadDates, leadIntegers, jsonBody, compactBody] },
			},
		},
	],
	'create',
);

/** Filters shared by the three lead searches. */
const commonSearchFilters: INodeProperties[] = [
	{
		displayName: 'All of Tag Names or IDs',
		name: 'allTags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Leads that have every one of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'query', property: 'allTags' } },
	},
	{
		displayName: 'Any of Tag Names or IDs',
		name: 'anyTags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Leads that have at least one of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'query', property: 'anyTags' } },
	},
	{
		displayName: 'Contacted',
		name: 'contacted',
		type: 'boolean',
		default: true,
		description: 'Whether the lead has been contacted',
		routing: { send: { type: 'query', property: 'contacted' } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Exact email address',
		routing: { send: { type: 'query', property: 'email' } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Exact phone number',
		routing: { send: { type: 'query', property: 'phone' } },
	},
	{
		displayName: 'Segment Names or IDs',
		name: 'segments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegments' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { type: 'query', property: 'segments' } },
	},
	{
		displayName: 'Group Names',
		name: 'groups',
		type: 'string',
		default: '',
		placeholder: 'Buyers, Hot',
		description: 'Comma-separated group names; Lofty now calls groups segments, and this filter is kept for older accounts',
		routing: { send: { type: 'query', property: 'groups', value: commaList } },
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		default: '',
		routing: { send: { type: 'query', property: 'source' } },
	},
	{
		displayName: 'Stage Names or IDs',
		name: 'stage',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getStages' },
		default: [],
		description:
			'Pipeline stages. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'query', property: 'stage' } },
	},
];

/** Filters only the main search (GET /v1.0/leads) takes. */
const fullSearchFilters: INodeProperties[] = [
	{
		displayName: 'Assigned Agent Name or ID',
		name: 'assignedUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { type: 'query', property: 'assignedUserId' } },
	},
	{
		displayName: 'Descending',
		name: 'desc',
		type: 'boolean',
		default: true,
		description: 'Whether to sort in descending order',
		routing: { send: { type: 'query', property: 'desc' } },
	},
	{
		displayName: 'Group IDs (Deprecated)',
		name: 'groupIds',
		type: 'string',
		default: '',
		description: 'Comma-separated group IDs; Lofty deprecated this filter in favour of Segment IDs',
		routing: { send: { type: 'query', property: 'groupIds', value: commaList } },
	},
	{
		displayName: 'Include Sub-Group Leads',
		name: 'querySubGroup',
		type: 'boolean',
		default: false,
		description: 'Whether to include leads of sub-groups',
		routing: { send: { type: 'query', property: 'querySubGroup' } },
	},
	{
		displayName: 'Languages',
		name: 'languages',
		type: 'string',
		default: '',
		placeholder: 'en, es',
		description: 'Comma-separated language abbreviations; leads with any of them match',
		routing: {
			send: { type: 'query', property: 'languages', value: commaList },
		},
	},
	{
		displayName: 'Precise Search',
		name: 'preciseSearchFlag',
		type: 'boolean',
		default: true,
		description: 'Whether email and phone must match exactly',
		routing: { send: { type: 'query', property: 'preciseSearchFlag' } },
	},
	{
		displayName: 'Segment IDs',
		name: 'segmentIds',
		type: 'string',
		default: '',
		description: 'Comma-separated segment IDs',
		routing: {
			send: { type: 'query', property: 'segmentIds', value: commaList },
		},
	},
	{
		displayName: 'Sort By',
		name: 'sort',
		type: 'options',
		// The reference's complete list of 25 values.
		options: [
			{ name: 'Activity', value: 'Activity' },
			{ name: 'Activity Favorites', value: 'ActivityFavorites' },
			{ name: 'Activity Search', value: 'ActivitySearch' },
			{ name: 'Activity Views', value: 'ActivityViews' },
			{ name: 'Alert Frequency', value: 'AlertFrequency' },
			{ name: 'Alert Open Rate', value: 'AlertOpenRate' },
			{ name: 'Assign Time', value: 'AssignTime' },
			{ name: 'Communication', value: 'Communication' },
			{ name: 'Create Time', value: 'CreateTime' },
			{ name: 'Default', value: 'Default' },
			{ name: 'Delete Time', value: 'DeleteTime' },
			{ name: 'Drip Open Rate', value: 'DripOpenRate' },
			{ name: 'Drip Status', value: 'DripStatus' },
			{ name: 'Has Alert', value: 'HasAlert' },
			{ name: 'Has Drip', value: 'HasDrip' },
			{ name: 'Inquiries', value: 'Inquries' },
			{ name: 'Last Activity', value: 'LastActivity' },
			{ name: 'Last Call', value: 'LastCall' },
			{ name: 'Last Contact', value: 'LastContact' },
			{ name: 'Last Email', value: 'LastEmail' },
			{ name: 'Lender', value: 'Lender' },
			{ name: 'Score', value: 'Score' },
			{ name: 'Score (V2)', value: 'SCOREV2' },
			{ name: 'Smart Plan Status', value: 'SmartPlanStatus' },
			{ name: 'Task', value: 'Task' },
		],
		default: 'Default',
		routing: { send: { type: 'query', property: 'sort' } },
	},
];

const nameFields: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'lastName' } },
	},
];


export const leadFields: INodeProperties[] = [
	idField(
		'leadId',
		'Lead ID',
		showFor(RESOURCE, ['assign', 'delete', 'get', 'getLoginLink', 'addInquiry', 'addProperty', 'update']),
	),

	// Create / Create or Update
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: showFor(RESOURCE, ['create']),
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		displayOptions: showFor(RESOURCE, ['createOrUpdate']),
		routing: { send: { type: 'body', property: 'firstName' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		displayOptions: showFor(RESOURCE, ['create', 'createOrUpdate']),
		routing: { send: { type: 'body', property: 'lastName' } },
	},
	...emailsAndPhones.map((field) => ({ ...field, displayOptions: showFor(RESOURCE, ['create', 'createOrUpdate']) })),
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{ name: 'Email, Then Phone', value: 'emailThenPhone' },
			{ name: 'Email Only', value: 'email' },
			{ name: 'Phone Only', value: 'phone' },
		],
		default: 'emailThenPhone',
		description: 'How to find the existing lead (exact match on the first email or phone given)',
		displayOptions: showFor(RESOURCE, ['createOrUpdate']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['create', 'createOrUpdate']),
		options: [...leadProfileFields, ...leadCreateOnlyFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['update']),
		options: [
			...leadProfileFields,
			...leadUpdateOnlyFields,
			...nameFields,
			...emailsAndPhones,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	additionalBodyField('LeadRequest', showFor(RESOURCE, ['create', 'createOrUpdate', 'update'])),

	// Delete
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		required: true,
		default: '',
		description: 'Why the lead is deleted; Lofty keeps it in the trash with this reason',
		displayOptions: showFor(RESOURCE, ['delete']),
		routing: { send: { type: 'query', property: 'reason' } },
	},

	// Get
	{
		displayName: 'Include Trash',
		name: 'withTrash',
		type: 'boolean',
		default: false,
		description: 'Whether to find the lead even if it was deleted',
		displayOptions: showFor(RESOURCE, ['get']),
		routing: { send: { type: 'query', property: 'withTrash' } },
	},

	// Get Login Link
	{
		displayName: 'Website URL',
		name: 'loftyWebsiteURL',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://www.example-realty.com/listing/123',
		description: 'Page of your Lofty website the lead lands on, signed in',
		displayOptions: showFor(RESOURCE, ['getLoginLink']),
		routing: { send: { type: 'body', property: 'loftyWebsiteURL' } },
	},
	{
		displayName: 'Lead ID (Body)',
		name: 'loginLeadId',
		type: 'hidden',
		default: '={{$parameter.leadId}}',
		displayOptions: showFor(RESOURCE, ['getLoginLink']),
		routing: { send: { type: 'body', property: 'leadId' } },
	},

	// Assign
	{
		displayName: 'Assignees',
		name: 'assignees',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		displayOptions: showFor(RESOURCE, ['assign']),
		options: [
			{
				displayName: 'Assignee',
				name: 'assignee',
				values: [
					{
						displayName: 'Account',
						name: 'assiginee',
						type: 'string',
						default: '',
						placeholder: 'agent@example.com',
						description: 'Lofty account (email) of the assignee',
					},
					{
						displayName: 'Role',
						name: 'role',
						type: 'string',
						default: '',
						placeholder: 'Agent',
					},
				],
			},
		],
		routing: {
			send: {
				preSend: [
					async function (requestOptions) {
						const assignees = this.getNodeParameter('assignees.assignee', []) as Array<{ assiginee: string; role: string }>;
						requestOptions.body = assignees;
						return requestOptions;
					},
				],
			},
		},
	},

	// Find Assignee
	...(['firstName', 'lastName', 'email', 'phone'] as const).map(
		(name): INodeProperties => ({
			displayName: { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone' }[name],
			name: `assignee_${name}`,
			type: 'string',
			default: '',
			placeholder: name === 'email' ? 'name@email.com' : undefined,
			displayOptions: showFor(RESOURCE, ['findAssignee']),
			routing: { send: { type: 'body', property: name } },
		}),
	),
	{
		displayName: 'Birthday',
		name: 'assignee_birthday',
		type: 'dateTime',
		default: '',
		displayOptions: showFor(RESOURCE, ['findAssignee']),
		routing: { send: { type: 'body', property: 'birthday' } },
	},

	// Place Inquiry / Place Property
	{
		displayName: 'Inquiry',
		name: 'inquiryFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['addInquiry']),
		// LeadInquiryReq's scalar fields; its property types and locations follow as fields of their own.
		options: inquiryValues
			.filter((field) => field.type !== 'fixedCollection' && field.name !== 'propertyType')
			.map((field) => ({ ...field, routing: { send: { type: 'body', property: field.name } } })),
	},
	{
		displayName: 'Property Types',
		name: 'inquiryPropertyTypes',
		type: 'string',
		default: '',
		placeholder: 'Single Family, Condo',
		description: 'Comma-separated property types',
		displayOptions: showFor(RESOURCE, ['addInquiry']),
		routing: {
			send: { type: 'body', property: 'propertyType', value: commaList },
		},
	},
	{
		displayName: 'Locations',
		name: 'inquiryLocations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: showFor(RESOURCE, ['addInquiry']),
		options: [
			{
				displayName: 'Location',
				name: 'location',
				values: (
					[
						['City', 'city'],
						['County', 'county'],
						['Description', 'description'],
						['State Code', 'stateCode'],
						['Street Address', 'streetAddress'],
						['Zip Code', 'zipCode'],
					] as const
				).map(([displayName, name]) => ({ displayName, name, type: 'string', default: '' }) as INodeProperties),
			},
		],
		routing: { send: { type: 'body', property: 'locations', value: groupRows('location') } },
	},
	additionalBodyField('LeadInquiryReq', showFor(RESOURCE, ['addInquiry'])),
	{
		displayName: 'Property',
		name: 'propertyFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, ['addProperty']),
		options: propertyValues.map((field) => ({ ...field, routing: { send: { type: 'body', property: field.name } } })),
	},
	additionalBodyField('LeadPropertyReq', showFor(RESOURCE, ['addProperty'])),

	// Searches
	...returnAllAndLimit(RESOURCE, ['getAll', 'getAllByCreateTime', 'getAllByUpdateTime'], LEAD_PAGE_SIZE),
	{
		displayName: 'Created Since',
		name: 'leadCreateTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Leads created at or after this time',
		displayOptions: showFor(RESOURCE, ['getAllByCreateTime']),
		routing: { send: { type: 'query', property: 'leadCreateTime' } },
	},
	{
		displayName: 'Updated Since',
		name: 'leadUpdateTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Leads updated at or after this time',
		displayOptions: showFor(RESOURCE, ['getAllByUpdateTime']),
		routing: { send: { type: 'query', property: 'leadUpdateTime' } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: [...commonSearchFilters, ...fullSearchFilters].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Filters',
		name: 'timeFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAllByCreateTime', 'getAllByUpdateTime']),
		options: commonSearchFilters,
	},
];
