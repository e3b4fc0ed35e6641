import type { OperationDescription } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { LISTING_PAGE_SIZE, getPublishedListings } from '../../LoftyListingFunctions';
import { RESOURCE } from './shared';

/** Return All and Limit only apply to items: the raw file is the feed as a whole. */
const itemLimitFields = limitFields(LISTING_PAGE_SIZE, 'The feed comes in one request; Limit cuts the list').map((field) => ({
	...field,
	displayOptions: { show: { ...field.displayOptions?.show, output: ['items'] } },
}));

export const getPublished: OperationDescription = {
	option: {
		name: 'Get Published Listings',
		value: 'getPublished',
		action: 'Get published listings',
		description: 'Get the published listings feed (XML) as items or as a file',
		routing: requestWith({ method: 'GET', url: '/v1.0/getPublishedListings' }, getPublishedListings),
	},
	description: forOperation(RESOURCE, 'getPublished', [
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
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: { output: ['binary'] } },
		},
		...itemLimitFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { output: ['items'] } },
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
	]),
};
