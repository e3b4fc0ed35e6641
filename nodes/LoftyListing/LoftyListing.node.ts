import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { listingDescription } from './resources/listing';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Listing', value: 'listing' }], 'listing'),
	...listingDescription,
	loftyRequestOptions,
]);

export class LoftyListing implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Listing',
		name: 'loftyListing',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Get listings and the published listings feed from Lofty',
		defaults: { name: 'Lofty Listing' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
