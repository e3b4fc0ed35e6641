import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** Lofty OAuth 2.0, authorization-code grant, for apps registered with Lofty. */
export class LoftyOAuth2Api implements ICredentialType {
	name = 'loftyOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Lofty OAuth2 API';

	icon = { light: 'file:../icons/lofty.svg', dark: 'file:../icons/lofty.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-lofty/n8n-nodes-lofty/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: 'https://lofty.com/page/vendor-auth.html',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://crm.lofty.com/api/user-web/oauth/token',
			required: true,
			description:
				'Lofty also documents https://api.lofty.com/oauth/token; use it if the default host refuses the exchange',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'openApi',
		},
		{
			// Lofty's consent page reads the client id from "clientId", not only "client_id".
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '={{"clientId=" + $self["clientId"]}}',
		},
		{
			// "header" sends the client id and secret as HTTP Basic auth, as Lofty's token endpoint expects.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.lofty.com',
			description:
				'Change only to reach a Lofty sandbox or proxy. Must start with https:// (http:// only for localhost) and hold no user name or password.',
		},
		{
			displayName: 'Vendor Key',
			name: 'vendorSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			// n8n never runs an OAuth2 credential's authenticate: the Lofty nodes add this key.
			description:
				'Optional key Lofty issues to approved vendors. Without one Lofty allows only 10 calls a minute. The Lofty nodes send it; in the HTTP Request node add it yourself as the query parameter vendorKey.',
		},
	];
}
