import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

// The credential test's words for a Base URL the nodes refuse (nodes/shared/transport.ts, baseUrlRefusal).
const USERINFO_REFUSED =
	'The credential\'s "Base URL" must not contain a user name or password: n8n would send them as Basic auth in place of the API key. Nothing was sent.';
const PLAIN_HTTP_REFUSED =
	'The credential\'s "Base URL" must start with https://: plain http:// would send the API key unencrypted, so it is allowed only for localhost, 127.x.x.x or [::1]. Nothing was sent.';

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
			description:
				'Change only to reach a Lofty sandbox or proxy. Must start with https:// (http:// only for localhost) and hold no user name or password.',
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
			// Trailing slashes dropped without a regex: /\/+$/ is quadratic on "////…x". A Base URL the
			// nodes refuse (baseUrlRefusal in nodes/shared/transport.ts) is refused here too, before
			// anything is sent. n8n 2.x's default expression engine passes on an error named
			// ExpressionError with its message; the legacy engine (n8n 1.x) leaves the base URL empty
			// instead, and the test then fails with no host to send to.
			baseURL:
				'={{ ((url) => { const refuse = (why) => { const error = new Error(why); error.name = "ExpressionError"; throw error; }; ' +
				`if (/^[a-z][a-z0-9+.-]*:\\/\\/[^\\/?#]*@/i.test(url)) refuse(${JSON.stringify(USERINFO_REFUSED)}); ` +
				`if (!/^https:\\/\\//i.test(url) && !/^http:\\/\\/(localhost|127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|\\[::1\\])(:\\d*)?([\\/?#]|$)/i.test(url)) refuse(${JSON.stringify(PLAIN_HTTP_REFUSED)}); ` +
				'return url; })(((parts) => parts.slice(0, parts.findLastIndex((part) => part !== "") + 1).join("/"))($credentials.baseUrl.trim().split("/"))) }}',
			url: '/v1.0/me',
			method: 'GET',
			// Lofty's API does not redirect: a 3xx fails the test and the key goes nowhere else.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
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
			...[301, 302, 303, 307, 308].map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `The Base URL answered with a redirect (HTTP ${status}). Lofty's API does not redirect, so the test did not follow it and the key was sent nowhere else: check the Base URL.`,
				},
			})),
		],
	};
}
