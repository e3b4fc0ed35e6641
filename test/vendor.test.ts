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
	it('sends the old API key only as the credential, and outputs the token info', async () => {
		const result = await env.run(node(), { resource: 'vendor', operation: 'getOAuthTokenInfo' });
		expect(result.status).toBe('success');
		const [request] = env.apiRequests();
		expect(summary(request)).toEqual({ method: 'GET', path: '/v1.0/vendor/oauth/token-info/byold', query: {}, body: undefined });
		expect(request.headers.authorization).toBe('token test-api-key');
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
