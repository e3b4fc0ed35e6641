/**
 * Vendor (reference 5.11).
 *
 * - GET /v1.0/vendor/list -> bare array of VendorInfo (6.82) *(chosen: not wrapped)*.
 * - GET /v1.0/vendor/oauth/token-info/byold -> OauthTokenInfo (6.59) for the old API key the call
 *   is authenticated with (`Authorization: token <API_KEY>`; the reference lists no parameter).
 *   It issues a new OAuth access token (the previous one stops working, as after a token grant).
 *   Expire times are epoch milliseconds *(chosen: the reference gives no schema)*. Called with an
 *   OAuth bearer token -> 400 OLD_API_KEY_REQUIRED *(chosen)*.
 */
import type { FakeLoftyData } from './data';
import { CURRENT_USER_ID } from './data';
import { LoftyError } from './errors';
import type { Router } from './router';
import { OAUTH_REFRESH_TOKEN } from './routes-oauth';

/** VendorInfo (6.82). */
export interface VendorRecord {
	id: number;
	agentUserId: number;
	companyName: string;
	companyAddress: string;
	email: string;
	firstName: string;
	lastName: string;
	phoneCode: string;
	phoneCountry: string;
	phoneNumber: string;
	roleName: string;
}

/** The vendor the fake's credentials belong to (also the vendorId of webhook subscriptions). */
export const VENDOR_ID = 910001;
export const OLD_API_KEY_REQUIRED = 'OLD_API_KEY_REQUIRED';
const HOUR_MS = 3_600_000;
const REFRESH_TOKEN_LIFETIME_MS = 180 * 24 * HOUR_MS;

const stores = new WeakMap<FakeLoftyData, VendorRecord[]>();

/** The vendors of a fake's data (the live array: tests may change it). Default: one vendor, 910001. */
export function vendorsOf(data: FakeLoftyData): VendorRecord[] {
	let vendors = stores.get(data);
	if (!vendors) {
		vendors = [
			{
				id: VENDOR_ID,
				agentUserId: CURRENT_USER_ID,
				companyName: 'Example Integrations LLC',
				companyAddress: '500 W 2nd St, Austin, TX 78701',
				email: 'partners@example-integrations.com',
				firstName: 'Dana',
				lastName: 'Brooks',
				phoneCode: '1',
				phoneCountry: 'US',
				phoneNumber: '5125550199',
				roleName: 'Vendor',
			},
		];
		stores.set(data, vendors);
	}
	return vendors;
}

export function registerVendorRoutes(router: Router): void {
	router.get('/v1.0/vendor/list', ({ data }) => ({ body: vendorsOf(data).map((v) => ({ ...v })) }));

	router.get('/v1.0/vendor/oauth/token-info/byold', ({ data, identity, server }) => {
		if (identity !== 'api-key') {
			throw new LoftyError(400, { code: 400, message: `${OLD_API_KEY_REQUIRED}: call this with the old API key` });
		}
		const now = data.now();
		return {
			body: {
				token: server.rotateAccessToken(),
				tokenExpireTime: now + HOUR_MS,
				refreshToken: OAUTH_REFRESH_TOKEN,
				refreshTokenExpireTime: now + REFRESH_TOKEN_LIFETIME_MS,
			},
		};
	});
}
