import type { INodeProperties } from 'n8n-workflow';

import { accountOption } from '../../../shared/fields';
import { compactBody } from '../../../shared/input';
import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { requestWith, sendCommaText, sendTrimmed } from '../../../shared/routing';
import { LISTING_PAGE_SIZE, getManyListings } from '../../LoftyListingFunctions';
import { RESOURCE } from './shared';

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
	accountOption({
		displayName: 'Agent Name or ID',
		name: 'userId',
		loadOptionsMethod: 'getMemberUsers',
		description: 'Agent whose listings to return.',
		routing: sendTrimmed('query', 'userId'),
	}),
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
		// A list of nothing (" , ") becomes "", which compactBody leaves out.
		routing: sendCommaText('query', 'mlsListingIds'),
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

export const getAll: OperationDescription = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many listings',
		description: 'Get listings of the account, an agent or an office, with filters',
		routing: requestWith({ method: 'GET', url: '/v1.0/listing' }, getManyListings, [compactBody], [
			{ at: 'filters.userId', label: 'Agent', check: 'id', optional: true },
		]),
	},
	description: forOperation(RESOURCE, 'getAll', [
		...limitFields(LISTING_PAGE_SIZE),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: listingFilters,
		},
	]),
};
