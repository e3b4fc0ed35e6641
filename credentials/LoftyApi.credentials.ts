import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Lofty API key, from Lofty Settings > Integrations > API. */
export class LoftyApi implements ICredentialType {
	name = 'loftyApi';

	displayName = 'Lofty API';

	icon = { light: 'file:../icons/lofty.svg', dark: 'file:../icons/lofty.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-lofty/n8n-nodes-lofty#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key shown in Lofty under Settings > Integrations > API',
		},
		{
			displayName: 'Vendor Key',
			name: 'vendorSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional key Lofty issues to approved vendors. Without one Lofty allows only 10 calls a minute.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.lofty.com',
			description: 'Change only to reach a Lofty sandbox or proxy',
		},
	];

	// Lofty expects "token <key>"; "Bearer <key>" is rejected with code 200058.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=token {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1.0/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: 'Lofty does not recognise this API key (User in token does not exist)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Lofty refused the API key (Unauthorized)',
				},
			},
		],
	};
}
