import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import { checkParameters, compactBody } from '../../shared/input';
import { getManyListings, getPublishedListings, LISTING_PAGE_SIZE } from '../ListingFunctions';
import { commaText, trimmed } from '../../shared/values';

const RESOURCE = 'listing';

export const listingOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many listings',
			description: 'Get listings of the account, an agent or an office, with filters',
			routing: {
				request: { method: 'GET', url: '/v1.0/listing' },
				send: { preSend: [checkParameters([{ parameter: 'filters.userId', label: 'Agent', check: 'id', optional: true }]), compactBody] },
				operations: { pagination: getManyListings },
			},
		},
		{
			name: 'Get Published Listings',
			value: 'getPublished',
			action: 'Get published listings',
			description: 'Get the published listings feed (XML) as items or as a file',
			routing: {
				request: { method: 'GET', url: '/v1.0/getPublishedListings' },
				operations: { pagination: getPublishedListings },
			},
		},
	],
	'getAll',
);

/** Query filters of GET /v1.0/listing (reference 5.15.2), sorted by name. */
const listingFilters: INodeProperties[] = [
	{
		displayName: 'Agent Listings',
		name: 'agentListings',
		type: 'boolean',
		default: true,
		description: "Whether to return the agent's own listings (Lofty's agentListings flag)",
		routing: { send: { type: 'query', property: 'agentListings' } },
	},
	{
		displayName: 'Agent Name or ID',
		name: 'userId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		default: '',
		description:
			'Agent whose listings to return. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'query', property: 'userId', value: trimmed } },
	},
	{
		displayName: 'Building Address',
		name: 'buildingAddress',
		type: 'string',
		default: '',
		placeholder: '500 Congress Ave',
		routing: { send: { type: 'query', property: 'buildingAddress' } },
	},
	{
		displayName: 'Building Name',
		name: 'buildingName',
		type: 'string',
		default: '',
		placeholder: 'The Towers',
		routing: { send: { type: 'query', property: 'buildingName' } },
	},
	{
		displayName: 'Listing ID',
		name: 'listingId',
		type: 'string',
		default: '',
		description: 'Lofty ID of one listing',
		routing: { send: { type: 'query', property: 'listingId' } },
	},
	{
		displayName: 'MLS Listing IDs',
		name: 'mlsListingIds',
		type: 'string',
		default: '',
		placeholder: 'MLS100001, MLS100002',
		description: 'Comma-separated MLS numbers of the listings',
		routing: {
			send: {
				type: 'query',
				property: 'mlsListingIds',
				value: commaText,
			},
		},
	},
	{
		displayName: 'Office Listings',
		name: 'officeListings',
		type: 'boolean',
		default: true,
		description: "Whether to return the listings of the agent's office (Lofty's officeListings flag)",
		routing: { send: { type: 'query', property: 'officeListings' } },
	},
	{
		displayName: 'Show Condition',
		name: 'showCondition',
		type: 'boolean',
		default: true,
		description: "Whether to send Lofty's showCondition flag (the reference does not say what it changes)",
		routing: { send: { type: 'query', property: 'showCondition' } },
	},
	{
		displayName: 'Sold Listing ID',
		name: 'soldListingId',
		type: 'string',
		default: '',
		description: 'ID of a sold listing',
		routing: { send: { type: 'query', property: 'soldListingId' } },
	},
	{
		displayName: 'Street',
		name: 'street',
		type: 'string',
		default: '',
		placeholder: 'Main St',
		description: 'Street of the listing address',
		routing: { send: { type: 'query', property: 'street' } },
	},
];

export const listingFields: INodeProperties[] = [
	// Get Many
	...returnAllAndLimit(RESOURCE, ['getAll'], LISTING_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, ['getAll']),
		options: listingFilters,
	},

	// Get Published Listings
	{
		displayName: 'Feed Type',
		name: 'feedType',
		type: 'options',
		options: [
			{ name: 'AllOnMarket', value: 'AllOnMarket', description: 'All listings on the market' },
			{ name: 'AptCom', value: 'AptCom', description: 'The AptCom feed' },
			{ name: 'LuxVT', value: 'LuxVT', description: 'The LuxVT feed' },
		],
		default: 'AllOnMarket',
		description: 'Which feed of published listings to get',
		displayOptions: showFor(RESOURCE, ['getPublished']),
		routing: { send: { type: 'query', property: 'type' } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Listing Items', value: 'items', description: 'One item per listing, converted from the XML feed' },
			{ name: 'Raw XML File', value: 'binary', description: 'The feed exactly as Lofty sent it, as binary data' },
		],
		default: 'items',
		displayOptions: showFor(RESOURCE, ['getPublished']),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: showFor(RESOURCE, ['getPublished'], { output: ['binary'] }),
	},
	...returnAllAndLimit(RESOURCE, ['getPublished'], LISTING_PAGE_SIZE).map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions?.show, output: ['items'] } },
		hint: field.name === 'limit' ? 'The feed comes in one request; Limit cuts the list' : undefined,
	})),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(RESOURCE, ['getPublished'], { output: ['items'] }),
		options: [
			{
				displayName: 'List Element',
				name: 'listElement',
				type: 'string',
				default: '',
				placeholder: 'listing',
				description:
					'Name of the XML element that holds one listing; leave empty to detect it (the repeated element under the root)',
			},
		],
	},
];
