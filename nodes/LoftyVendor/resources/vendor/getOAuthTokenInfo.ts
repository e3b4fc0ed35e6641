import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { sendRequest } from '../../../shared/pagination';
import { requestWith } from '../../../shared/routing';
import { RESOURCE } from './shared';

export const getOAuthTokenInfo: OperationDescription = {
	option: {
		name: 'Get OAuth Token Info by Old API Key',
		value: 'getOAuthTokenInfo',
		action: 'Get OAuth token info by old API key',
		description: 'Exchange the API key of this credential for OAuth token information',
		// The reference lists no parameters: the old API key is the one the request is authenticated with.
		routing: requestWith({ method: 'GET', url: '/v1.0/vendor/oauth/token-info/byold' }, sendRequest()),
	},
	description: forOperation(RESOURCE, 'getOAuthTokenInfo', [
		{
			displayName:
				'Lofty reads the old API key from the credential: use API Key authentication with that key. The output holds live OAuth tokens, so treat it as a secret.',
			name: 'oldApiKeyNotice',
			type: 'notice',
			default: '',
		},
	]),
};
