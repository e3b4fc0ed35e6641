import { LoftyVendor } from '../nodes/LoftyVendor/LoftyVendor.node';
import { OAUTH_REFRESH_TOKEN } from './fake-lofty';
import { vendorsOf } from './fake-lofty/routes-vendor';
import { runWorkflow } from './harness';
import { summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyVendor();

const VENDOR = {
	id: 910001,
	agentUserId: 700001,
	companyName: 'Example Integrations LLC',
	companyAddress: '500 W 2nd St, Austin, TX 78701',
	email: 'partners@example-integrations.com',
	firstName: 'Dana',
	lastName: 'Brooks',
	phoneCode: '1',
	phoneCountry: 'US',
	phoneNumber: '5125550199',
	roleName: 'Vendor',
};

describe('Lofty Vendor: vendor info', () => {
	it('gets the vendor info, one item per vendor', async () => {
		const result = await env.run(node(), { resource: 'vendor', operation: 'getInfo', returnAll: true });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/vendor/list', query: {}, body: undefined }]);
		expect(result.items).toEqual([VENDOR]);
	});

	it('cuts a longer list at Limit in one request', async () => {
		const vendors = vendorsOf(env.fake.data);
		vendors.push({ ...VENDOR, id: 910002, firstName: 'Eli' }, { ...VENDOR, id: 910003, firstName: 'Fran' });
		try {
			const result = await env.run(node(), { resource: 'vendor', operation: 'getInfo', returnAll: false, limit: 2 });
			expect(result.items.map((vendor) => vendor.id)).toEqual([910001, 910002]);
			expect(env.apiRequests()).toHaveLength(1);
		} finally {
			vendors.splice(1);
		}
	});
});

describe('Lofty Vendor: OAuth token info by old API key', () => {
	const tokenInfo = (parameters: Record<string, unknown> = {}) => env.run(node(), { resource: 'vendor', operation: 'getOAuthTokenInfo', ...parameters });

	it('sends the old API key only as the credential, and masks the live tokens it outputs', async () => {
		const result = await tokenInfo();
		expect(result.status).toBe('success');
		const [request] = env.apiRequests();
		expect(summary(request)).toEqual({ method: 'GET', path: '/v1.0/vendor/oauth/token-info/byold', query: {}, body: undefined });
		expect(request.headers.authorization).toBe('token test-api-key');
		expect(result.items).toEqual([{ token: '****', tokenExpireTime: expect.any(Number), refreshToken: '****', refreshTokenExpireTime: expect.any(Number) }]);
		// Neither token is anywhere in the execution data n8n stores.
		const run = JSON.stringify(result.run);
		for (const secret of ['test-api-key', env.fake.currentAccessToken, OAUTH_REFRESH_TOKEN]) expect(run).not.toContain(secret);
	});

	it('keeps the last 4 characters of a long token as a hint, and the expiry times as Lofty sent them', async () => {
		const token = `${'a'.repeat(28)}WXYZ`;
		const refreshToken = `${'r'.repeat(36)}9f3k`;
		env.fake.injectFault({
			method: 'GET',
			path: '/v1.0/vendor/oauth/token-info/byold',
			status: 200,
			body: { token, tokenExpireTime: 1767225600000, refreshToken, refreshTokenExpireTime: 1782777600000 },
		});
		const result = await tokenInfo();
		expect(result.items).toEqual([{ token: '****WXYZ', tokenExpireTime: 1767225600000, refreshToken: '****9f3k', refreshTokenExpireTime: 1782777600000 }]);
		expect(JSON.stringify(result.run)).not.toContain('a'.repeat(20));
		expect(JSON.stringify(result.run)).not.toContain('r'.repeat(20));
	});

	it('outputs the tokens in full with Show Tokens on, and they work for OAuth calls', async () => {
		const result = await tokenInfo({ showTokens: true });
		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{
				token: env.fake.currentAccessToken,
				tokenExpireTime: expect.any(Number),
				refreshToken: OAUTH_REFRESH_TOKEN,
				refreshTokenExpireTime: expect.any(Number),
			},
		]);
		expect(JSON.stringify(result.run)).not.toContain('test-api-key');

		// The token it hands out works for OAuth calls.
		const me = await fetch(`${env.fake.baseUrl}/v1.0/me`, { headers: { Authorization: `Bearer ${String(result.items[0].token)}` } });
		expect(me.status).toBe(200);
		// And it is no old API key: the fake refuses the exchange with it.
		const again = await fetch(`${env.fake.baseUrl}/v1.0/vendor/oauth/token-info/byold`, {
			headers: { Authorization: `Bearer ${String(result.items[0].token)}` },
		});
		expect(again.status).toBe(400);
		expect(((await again.json()) as { message: string }).message).toMatch(/^OLD_API_KEY_REQUIRED/);
	});

	it('offers Show Tokens off by default, so a saved workflow or an AI tool masks unless the user turns it on', () => {
		const option = node().description.properties.find((property) => property.name === 'showTokens');
		expect(option).toMatchObject({ displayName: 'Show Tokens', type: 'boolean', default: false, displayOptions: { show: { resource: ['vendor'], operation: ['getOAuthTokenInfo'] } } });
		expect(option?.description).toMatch(/^Whether /);
	});

	it('never shows a refused old API key in the error or the run', async () => {
		const oldKey = 'dummy-old-key-7f3a9c2e51';
		const result = await runWorkflow({
			nodes: { type: node(), parameters: { resource: 'vendor', operation: 'getOAuthTokenInfo' } },
			credentials: { type: 'loftyApi', data: { apiKey: oldKey, baseUrl: env.fake.baseUrl } },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Unauthorized');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('Check your API key');
		expect(env.fake.requests.at(-1)?.headers.authorization).toBe(`token ${oldKey}`);
		expect(JSON.stringify(result.run)).not.toContain(oldKey);
		expect(JSON.stringify(result.error)).not.toContain(oldKey);
	});

	it("surfaces Lofty's error with its message and status", async () => {
		env.fake.injectFault({
			method: 'GET',
			path: '/v1.0/vendor/oauth/token-info/byold',
			status: 403,
			body: { code: 403, message: 'Vendor is not authorized' },
		});
		const result = await env.run(node(), { resource: 'vendor', operation: 'getOAuthTokenInfo' });
		expect(result.error?.message).toBe('Vendor is not authorized');
		expect(result.error?.httpCode).toBe('403');
		expect(JSON.stringify(result.run)).not.toContain('test-api-key');
	});
});
