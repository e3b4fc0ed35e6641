import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Lofty API key, from Lofty Settings > Integrations > API. */
export class LoftyApi implements ICredentialType {
	name = 'loftyApi';

	displayName = 'Lofty API';

	icon = { light: 'file:../icons/lofty.svg', dark: 'file:../icons/lofty.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-lofty/n8n-nodes-lofty/blob/main/docs/credentials.md';

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

	// Everything a Lofty request needs, so n8n's HTTP Request node (and Custom API Call) sends it
	// too: "token <key>" ("Bearer <key>" is refused with code 200058) and the vendor key, without
	// which Lofty allows 10 calls a minute. The nodes' transport leaves both to this function.
	// A function rather than a generic expression: n8n would evaluate that for every request.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const vendorKey = String(credentials.vendorSecretKey ?? '').trim();
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `token ${String(credentials.apiKey ?? '').trim()}` },
			...(vendorKey ? { qs: { ...(requestOptions.qs ?? {}), vendorKey } } : {}),
		};
	}

	test: ICredentialTestRequest = {
		request: {
			// Trailing slashes dropped without a regex: /\/+$/ is quadratic on "////…x".
			baseURL: '={{ ((parts) => parts.slice(0, parts.findLastIndex((part) => part !== "") + 1).join("/"))($credentials.baseUrl.split("/")) }}',
			url: '/v1.0/me',
			method: 'GET',
		},
		// n8n shows a rule's message in place of the bare HTTP status; these carry Lofty's own words.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Lofty: "User in token does not exist." (code 200058). The API key is not recognised: copy it again from Lofty under Settings > Integrations > API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Lofty: "Unauthorized". The API key was refused: check that it is complete and still active.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Lofty: "Forbidden". The key is valid but this account may not use the Open API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: 'Lofty: "Too Many Requests". The key works; try again in a minute, or add a vendor key.',
				},
			},
		],
	};
}
