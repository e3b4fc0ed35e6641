import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyOAuth2Api } from '../credentials/LoftyOAuth2Api.credentials';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { runWorkflow } from './harness';
import { useFakeLofty } from './support/env';
import type { AddressInfo } from './support/node';
import { http, vm } from './support/node';

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

	/** n8n's credential tester wraps the test request in a one-property declarative node (its No Op, without requestDefaults). */
	function testerNode() {
		const lead = new LoftyLead();
		return {
			description: {
				...lead.description,
				requestDefaults: undefined,
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

	async function testAt(baseUrl: string) {
		return await runWorkflow({
			nodes: { type: testerNode(), parameters: {}, name: 'Tester' },
			credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl, vendorSecretKey: 'vendor-3' } },
		});
	}

	describe('a redirect fails the test, and the key goes nowhere else', () => {
		const elsewhere: string[] = [];
		const other = http.createServer((req, res) => {
			elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"memberUserId":1}');
		});
		let status = 302;
		const redirecting = http.createServer((req, res) => {
			res.writeHead(status, { Location: `http://127.0.0.1:${(other.address() as AddressInfo).port}${req.url}` }).end();
		});
		beforeAll(async () => {
			await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
			await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
		});
		afterAll(async () => {
			await new Promise((resolve) => redirecting.close(resolve));
			await new Promise((resolve) => other.close(resolve));
		});

		it.each([301, 302, 303, 307, 308])('HTTP %i: the rule names the redirect; the other host receives nothing', async (redirect) => {
			status = redirect;
			elsewhere.length = 0;
			const result = await testAt(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`);
			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe(String(redirect));
			const rule = credentialType.test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === redirect);
			expect(rule?.properties.message).toContain(`redirect (HTTP ${redirect})`);
			expect(elsewhere).toEqual([]);
		});
	});

	/** The test's Base URL expression, evaluated as n8n's expression engine runs it. */
	function testBaseUrl(baseUrl: string): string {
		const expression = String(credentialType.test.request.baseURL).replace(/^=\{\{/, '').replace(/\}\}$/, '');
		return vm.runInNewContext(expression, { $credentials: { baseUrl } }) as string;
	}

	describe('a Base URL the nodes refuse fails the test before it is sent', () => {
		const received: string[] = [];
		const recorder = http.createServer((req, res) => {
			received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"memberUserId":1}');
		});
		const recorderHost = () => `127.0.0.1:${(recorder.address() as AddressInfo).port}`;
		beforeAll(() => new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve)));
		afterAll(() => new Promise((resolve) => recorder.close(resolve)));
		beforeEach(() => {
			received.length = 0;
		});

		it.each([
			['a user name and password', () => `http://user:secret@${recorderHost()}`, 'must not contain a user name or password'],
			['a user name and password over https', () => 'https://user:secret@api.lofty.invalid', 'must not contain a user name or password'],
			['plain http:// to another host', () => 'http://api.lofty.invalid', 'must start with https://'],
			['plain http:// with a port', () => 'http://lofty-proxy.invalid:8080/', 'must start with https://'],
			['another scheme', () => 'ftp://api.lofty.invalid', 'must start with https://'],
		])('%s: the expression refuses it with the reason, as an ExpressionError (n8n 2.x shows its message)', (_label, baseUrl, reason) => {
			let refusal: Error | undefined;
			try {
				testBaseUrl(baseUrl());
			} catch (error) {
				refusal = error as Error;
			}
			expect(refusal?.name).toBe('ExpressionError');
			expect(refusal?.message).toContain(`The credential's "Base URL" ${reason}`);
			expect(refusal?.message).not.toContain('secret');
		});

		it.each([
			() => `http://user:secret@${recorderHost()}`,
			// 0.0.0.0 reaches this machine's listeners, yet is no loopback address: refused.
			() => `http://0.0.0.0:${recorderHost().split(':')[1]}`,
		])('run as n8n runs the test (here the legacy expression engine, which leaves the base URL empty): it fails, and nothing is sent', async (baseUrl) => {
			const result = await testAt(baseUrl());
			expect(result.status).toBe('error');
			expect(received).toEqual([]);
			expect(env.fake.requests).toEqual([]);
		});

		it.each(['https://api.lofty.com/', 'https://sandbox.example.com/lofty//', 'http://localhost:1', 'http://127.0.0.1:1/', 'http://127.8.9.10', 'http://[::1]:1'])(
			'%s passes the check',
			(baseUrl) => {
				expect(testBaseUrl(baseUrl)).toBe(baseUrl.replace(/\/+$/, ''));
			},
		);
	});
});
