import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyOAuth2Api } from '../credentials/LoftyOAuth2Api.credentials';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { runWorkflow } from './harness';
import { useFakeLofty } from './support/env';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(2));

function oauthCredential(accessToken: string, vendorSecretKey?: string) {
	return {
		type: 'loftyOAuth2Api' as const,
		data: {
			clientId: 'test-client-id',
			clientSecret: 'test-client-secret',
			authUrl: `${env.fake.baseUrl}/page/vendor-auth.html`,
			accessTokenUrl: `${env.fake.baseUrl}/api/user-web/oauth/token`,
			baseUrl: env.fake.baseUrl,
			oauthTokenData: { access_token: accessToken, refresh_token: 'test-refresh-token', token_type: 'bearer' },
			...(vendorSecretKey ? { vendorSecretKey } : {}),
		},
	};
}

describe('credentials', () => {
	it('API key goes as "token <key>", the vendor key as vendorKey', async () => {
		const result = await runWorkflow({
			nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'get', leadId: '1000001' } },
			credentials: {
				type: 'loftyApi',
				data: { apiKey: 'test-api-key', baseUrl: `${env.fake.baseUrl}/`, vendorSecretKey: 'vendor-123' },
			},
		});
		expect(result.status).toBe('success');
		const [request] = env.apiRequests();
		expect(request.headers.authorization).toBe('token test-api-key');
		expect(request.query).toEqual({ withTrash: 'false', vendorKey: 'vendor-123' });
	});

	it('the API-key credential alone adds all a Lofty request needs (what the HTTP Request node and Custom API Call send)', async () => {
		const credential = new LoftyApi();
		const request = { url: '/v1.0/leads', qs: { limit: 5 }, headers: { Accept: 'application/json' } };
		expect(await credential.authenticate({ apiKey: ' key-1 ', vendorSecretKey: ' vendor-1 ' }, request)).toEqual({
			url: '/v1.0/leads',
			qs: { limit: 5, vendorKey: 'vendor-1' },
			headers: { Accept: 'application/json', Authorization: 'token key-1' },
		});
		// No vendor key: no empty vendorKey parameter.
		expect(await credential.authenticate({ apiKey: 'key-1', vendorSecretKey: '' }, request)).toEqual({
			...request,
			headers: { Accept: 'application/json', Authorization: 'token key-1' },
		});
	});

	it('the node sends the vendor key once, from the credential; none when the credential has none', async () => {
		const run = (vendorSecretKey: string) =>
			runWorkflow({
				nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'getAll', limit: 1 } },
				credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl, vendorSecretKey } },
			});
		expect((await run('vendor-9')).status).toBe('success');
		// A key sent twice would arrive as an array.
		expect(env.apiRequests()[0].query.vendorKey).toBe('vendor-9');
		env.fake.clearRequests();
		expect((await run('')).status).toBe('success');
		expect(env.apiRequests()[0].query).not.toHaveProperty('vendorKey');
	});

	it('OAuth2: n8n never runs an OAuth2 credential\'s authenticate, so the transport adds the vendor key, once', async () => {
		expect(new LoftyOAuth2Api()).not.toHaveProperty('authenticate');
		const result = await runWorkflow({
			nodes: { type: new LoftyLead(), parameters: { authentication: 'oAuth2', resource: 'lead', operation: 'get', leadId: '1000002' } },
			credentials: oauthCredential(env.fake.currentAccessToken, 'vendor-7'),
		});
		expect(result.status).toBe('success');
		const [request] = env.apiRequests();
		expect(request.headers.authorization).toBe(`Bearer ${env.fake.currentAccessToken}`);
		expect(request.query.vendorKey).toBe('vendor-7');
	});

	it('OAuth2 sends the access token as Bearer', async () => {
		const result = await runWorkflow({
			nodes: { type: new LoftyLead(), parameters: { authentication: 'oAuth2', resource: 'lead', operation: 'get', leadId: '1000002' } },
			credentials: oauthCredential(env.fake.currentAccessToken),
		});
		expect(result.status).toBe('success');
		expect(result.items[0].leadId).toBe(1000002);
		expect(env.apiRequests()[0].headers.authorization).toBe(`Bearer ${env.fake.currentAccessToken}`);
	});

	it('OAuth2 refreshes an expired token once, with Basic client auth, and retries', async () => {
		const result = await runWorkflow({
			nodes: { type: new LoftyLead(), parameters: { authentication: 'oAuth2', resource: 'lead', operation: 'get', leadId: '1000001' } },
			credentials: oauthCredential('expired-token'),
		});
		expect(result.status).toBe('success');
		const calls = env.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(calls).toEqual([
			'GET /v1.0/leads/1000001 401',
			'POST /api/user-web/oauth/token 200',
			'GET /v1.0/leads/1000001 200',
		]);
		const tokenRequest = env.fake.requests[1];
		expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from('test-client-id:test-client-secret').toString('base64')}`);
		expect(String(tokenRequest.body)).toContain('grant_type=refresh_token');
	});
});

describe('credential test (GET /v1.0/me), run as n8n runs it: the test request through RoutingNode', () => {
	const credentialType = new LoftyApi();

	/** n8n's credential tester wraps the test request in a one-property declarative node. */
	function testerNode() {
		const lead = new LoftyLead();
		return {
			description: {
				...lead.description,
				name: 'credentialTester',
				credentials: [{ name: 'loftyApi', required: true }],
				properties: [
					{ displayName: 'Temp', name: 'temp', type: 'string' as const, default: '', routing: { request: credentialType.test.request } },
				],
			},
		};
	}

	async function testKey(apiKey: string) {
		return await runWorkflow({
			nodes: { type: testerNode(), parameters: {}, name: 'Tester' },
			credentials: { type: 'loftyApi', data: { apiKey, baseUrl: env.fake.baseUrl } },
		});
	}

	it('passes with a valid key', async () => {
		const result = await testKey('test-api-key');
		expect(result.status).toBe('success');
		expect(result.items[0]).toMatchObject({ memberUserId: 700001 });
		expect(env.apiRequests().map((r) => `${r.method} ${r.path} ${String(r.headers.authorization)}`)).toEqual([
			'GET /v1.0/me token test-api-key',
		]);
	});

	it('sends the vendor key with the test request too', async () => {
		const result = await runWorkflow({
			nodes: { type: testerNode(), parameters: {}, name: 'Tester' },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl, vendorSecretKey: 'vendor-3' } },
		});
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => [r.path, r.query])).toEqual([['/v1.0/me', { vendorKey: 'vendor-3' }]]);
	});

	it("maps Lofty's refusal to a message quoting Lofty", async () => {
		const result = await testKey('wrong-key');
		expect(result.status).toBe('error');
		const status = Number(result.error?.httpCode);
		const rule = credentialType.test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === status);
		expect(rule?.properties.message).toMatch(/^Lofty: "/);
	});
});
