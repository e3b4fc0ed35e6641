/**
 * OAuth 2.0 token endpoint: POST /api/user-web/oauth/token (form-encoded body, client
 * credentials as HTTP Basic auth). Not rate limited, no Lofty auth.
 */
import type { Router } from './router';

/** Lofty's user-web API, where its OAuth token endpoint lives. */
const USER_WEB_API = '/api/user-web';
export const OAUTH_TOKEN_PATH = `${USER_WEB_API}/oauth/token`;
export const OAUTH_CLIENT_ID = 'test-client-id';
export const OAUTH_CLIENT_SECRET = 'test-client-secret';
export const OAUTH_CODE = 'test-code';
export const OAUTH_REFRESH_TOKEN = 'test-refresh-token';

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!m) return undefined;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	// RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding
	const unescape = (s: string) => {
		try {
			return decodeURIComponent(s.replace(/\+/g, ' '));
		} catch {
			return s;
		}
	};
	return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}

/**
 * grant_type=authorization_code (code=test-code) or grant_type=refresh_token
 * (refresh_token=test-refresh-token) -> 200 `{access_token, refresh_token, token_type:
 * 'bearer', expires_in: 3600, scope: 'openApi'}`; every success issues a new access token
 * ('<accessToken>-2', '-3', ...) which becomes the only accepted one.
 * Errors: bad/missing Basic client -> 401 `{"error":"invalid_client"}`; body not
 * form-encoded -> 400 invalid_request; unknown grant -> 400 unsupported_grant_type;
 * wrong code or refresh token -> 400 invalid_grant. Client credentials in the body are
 * not accepted (Lofty wants Basic auth).
 */
export function registerOAuthRoutes(router: Router): void {
	router.post(
		OAUTH_TOKEN_PATH,
		(ctx) => {
			const client = basicCredentials(typeof ctx.headers.authorization === 'string' ? ctx.headers.authorization : undefined);
			if (!client || client.id !== OAUTH_CLIENT_ID || client.secret !== OAUTH_CLIENT_SECRET) {
				return { status: 401, body: { error: 'invalid_client' } };
			}
			const contentType = String(ctx.headers['content-type'] ?? '').toLowerCase();
			if (!contentType.startsWith('application/x-www-form-urlencoded')) {
				return {
					status: 400,
					body: { error: 'invalid_request', error_description: 'body must be application/x-www-form-urlencoded' },
				};
			}
			const form = new URLSearchParams(ctx.rawBody);
			const grant = form.get('grant_type');
			if (grant === 'authorization_code') {
				if (form.get('code') !== OAUTH_CODE) return { status: 400, body: { error: 'invalid_grant', error_description: 'invalid authorization code' } };
			} else if (grant === 'refresh_token') {
				if (form.get('refresh_token') !== OAUTH_REFRESH_TOKEN) {
					return { status: 400, body: { error: 'invalid_grant', error_description: 'invalid refresh token' } };
				}
			} else {
				return { status: 400, body: { error: 'unsupported_grant_type' } };
			}
			const accessToken = ctx.server.rotateAccessToken();
			return {
				body: {
					access_token: accessToken,
					refresh_token: OAUTH_REFRESH_TOKEN,
					token_type: 'bearer',
					expires_in: 3600,
					scope: 'openApi',
				},
			};
		},
		{ auth: 'none', body: 'form' },
	);
}
