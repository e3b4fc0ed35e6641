import type { OperationDescription } from '../../../shared/operations';
import { forOperation } from '../../../shared/operations';
import { requestWith } from '../../../shared/routing';
import { getOAuthTokenInfo as sendAndMask, SHOW_TOKENS } from '../../LoftyVendorFunctions';
import { RESOURCE } from './shared';

export const getOAuthTokenInfo: OperationDescription = {
	option: {
		name: 'Get OAuth Token Info by Old API Key',
		value: 'getOAuthTokenInfo',
		action: 'Get OAuth token info by old API key',
		description: 'Exchange the API key of this credential for OAuth token information',
		// The reference lists no parameters: the old API key is the one the request is authenticated with.
		routing: requestWith({ method: 'GET', url: '/v1.0/vendor/oauth/token-info/byold' }, sendAndMask),
	},
	description: forOperation(RESOURCE, 'getOAuthTokenInfo', [
		{
			displayName:
				'Lofty reads the old API key from the credential: use API Key authentication with that key. The output masks the live OAuth tokens unless Show Tokens is on.',
			name: 'oldApiKeyNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Show Tokens',
			name: SHOW_TOKENS,
			type: 'boolean',
			default: false,
			description:
				'Whether to output the access and refresh tokens in full. Off, each shows as **** and its last 4 characters. On, they are kept in the execution data and, when the node is an AI tool, reach the model: treat the output as a secret.',
		},
	]),
};
