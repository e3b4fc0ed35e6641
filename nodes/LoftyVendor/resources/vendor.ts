import type { INodeProperties } from 'n8n-workflow';

import { listRouting, operationProperty, returnAllAndLimit, showFor } from '../../shared/descriptions';
import type { PagingOptions } from '../../shared/pagination';

const RESOURCE = 'vendor';

/** GET /v1.0/vendor/list answers with the whole list (VendorInfo[]): Limit only cuts it. */
const wholeList: PagingOptions = { style: 'none', pageSize: 1000 };

export const vendorOperations = operationProperty(
	RESOURCE,
	[
		{
			name: 'Get OAuth Token Info by Old API Key',
			value: 'getOAuthTokenInfo',
			action: 'Get OAuth token info by old API key',
			description: 'Exchange the API key of this credential for OAuth token information',
			// The reference lists no parameters: the old API key is the one the request is authenticated with.
			routing: { request: { method: 'GET', url: '/v1.0/vendor/oauth/token-info/byold' } },
		},
		{
			name: 'Get Vendor Info',
			value: 'getInfo',
			action: 'Get vendor info',
			description: 'Get the vendor details of this integration',
			routing: listRouting('GET', '/v1.0/vendor/list', wholeList),
		},
	],
	'getInfo',
);

export const vendorFields: INodeProperties[] = [
	{
		displayName:
			'Lofty reads the old API key from the credential: use API Key authentication with that key. The output holds live OAuth tokens, so treat it as a secret.',
		name: 'oldApiKeyNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(RESOURCE, ['getOAuthTokenInfo']),
	},
	...returnAllAndLimit(RESOURCE, ['getInfo'], wholeList.pageSize).map((property) =>
		property.name === 'limit' ? { ...property, hint: 'Lofty returns the whole list in one response; Limit cuts it' } : property,
	),
];
