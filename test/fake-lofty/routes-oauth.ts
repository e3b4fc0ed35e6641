/**
 * Lofty's OAuth 2.0 authorization server (authorization-code grant):
 * - GET  /page/vendor-auth.html: the consent page (app name, scope, Allow and Deny). Like Lofty's,
 *   it reads the client id from `clientId`; a missing or unknown one gets a 400 error page.
 * - POST /page/vendor-auth.html: the page's form; redirects to `redirect_uri` with `code` and
 *   `state`, or `error=access_denied` and `state` on Deny.
 * - POST /api/user-web/oauth/token: form-encoded body, client credentials as HTTP Basic auth.
 * Not rate limited, no Lofty auth. The grants live in `oauthOf(data)`.
 */
import type { FakeLoftyData } from './data';
import type { Router, RouteResponse } from './router';

/** Lofty's user-web API, where its OAuth token endpoint lives. */
const USER_WEB_API = '/api/user-web';
export const OAUTH_TOKEN_PATH = `${USER_WEB_API}/oauth/token`;
export const CONSENT_PAGE_PATH = '/page/vendor-auth.html';
export const OAUTH_CLIENT_ID = 'test-client-id';
export const OAUTH_CLIENT_SECRET = 'test-client-secret';
export const OAUTH_CODE = 'test-code';
export const OAUTH_REFRESH_TOKEN = 'test-refresh-token';
export const OAUTH_TOKEN_LIFETIME_S = 3600;
const CODE_LIFETIME_MS = 10 * 60_000;

export interface OAuthClient {
	id: string;
	secret: string;
	/** What the consent page calls the app. */
	name: string;
}

interface PendingCode {
	clientId: string;
	redirectUri: string;
	expiresAt: number;
}

interface Grant {
	accessToken: string;
	refreshToken: string;
	/** undefined: never expires (the standing test token). */
	expiresAt: number | undefined;
}

/**
 * Clients, codes and token pairs of one fake. One pair per refresh token: a new pair for a
 * refresh token revokes the access token it had. The standing pair (options.accessToken and
 * OAUTH_REFRESH_TOKEN) never expires, and its refresh token is kept across refreshes; pairs from
 * the consent flow expire after `lifetimeS` and each refresh replaces both tokens.
 */
export class OAuthState {
	readonly clients = new Map<string, OAuthClient>([[OAUTH_CLIENT_ID, { id: OAUTH_CLIENT_ID, secret: OAUTH_CLIENT_SECRET, name: 'Lofty Test App' }]]);
	lifetimeS = OAUTH_TOKEN_LIFETIME_S;
	private readonly codes = new Map<string, PendingCode>();
	private readonly grants = new Map<string, Grant>();
	private generation = 1;
	private newest: string;

	constructor(private readonly tokenBase: string) {
		this.newest = tokenBase;
		this.grants.set(OAUTH_REFRESH_TOKEN, { accessToken: tokenBase, refreshToken: OAUTH_REFRESH_TOKEN, expiresAt: undefined });
	}

	/** The access token issued last. */
	get currentAccessToken(): string {
		return this.newest;
	}

	addClient(client: OAuthClient): void {
		this.clients.set(client.id, client);
	}

	/** A one-time code for a consent, bound to the client and the redirect URI. */
	authorize(clientId: string, redirectUri: string, now = Date.now()): string {
		const code = `${randomHex()}${this.next()}`;
		this.codes.set(code, { clientId, redirectUri, expiresAt: now + CODE_LIFETIME_MS });
		return code;
	}

	/** Takes a code (once): why it is refused, or undefined when it is good. */
	redeem(code: string, clientId: string, redirectUri: string | null, now = Date.now()): string | undefined {
		if (code === OAUTH_CODE) return undefined;
		const pending = this.codes.get(code);
		this.codes.delete(code);
		if (!pending || pending.expiresAt <= now) return 'invalid or expired authorization code';
		if (pending.clientId !== clientId) return 'authorization code was issued to another client';
		if (pending.redirectUri !== redirectUri) return 'redirect_uri does not match the one the code was issued for';
		return undefined;
	}

	/** A new pair. `replacing` names the refresh token it replaces; the standing one is kept. */
	issue(replacing?: string, now = Date.now()): Grant {
		const standing = replacing === OAUTH_REFRESH_TOKEN;
		if (replacing !== undefined) this.grants.delete(replacing);
		const generation = this.next();
		const grant: Grant = {
			accessToken: `${this.tokenBase}-${generation}`,
			refreshToken: standing ? OAUTH_REFRESH_TOKEN : `${OAUTH_REFRESH_TOKEN}-${generation}-${randomHex()}`,
			expiresAt: standing ? undefined : now + this.lifetimeS * 1000,
		};
		this.grants.set(grant.refreshToken, grant);
		this.newest = grant.accessToken;
		return grant;
	}

	hasRefreshToken(token: string): boolean {
		return this.grants.has(token);
	}

	/** Whether `Bearer <token>` is a live access token. */
	accepts(token: string, now = Date.now()): boolean {
		for (const grant of this.grants.values()) {
			if (grant.accessToken === token) return grant.expiresAt === undefined || grant.expiresAt > now;
		}
		return false;
	}

	/** Lets every expiring access token run out now; returns how many did. */
	expireAll(now = Date.now()): number {
		let count = 0;
		for (const grant of this.grants.values()) {
			if (grant.expiresAt !== undefined && grant.expiresAt > now) {
				grant.expiresAt = now;
				count += 1;
			}
		}
		return count;
	}

	private next(): number {
		this.generation += 1;
		return this.generation;
	}
}

const states = new WeakMap<FakeLoftyData, OAuthState>();

/** The OAuth state of a fake (kept beside its data). */
export function oauthOf(data: FakeLoftyData, tokenBase: string): OAuthState {
	let state = states.get(data);
	if (!state) {
		state = new OAuthState(tokenBase);
		states.set(data, state);
	}
	return state;
}

function randomHex(): string {
	return Math.random().toString(16).slice(2, 10);
}

/** The client id and secret of an HTTP Basic `Authorization` header. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string): RouteResponse {
	return {
		status,
		contentType: 'text/html; charset=utf-8',
		rawBody: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
	};
}

/** The consent request's client and redirect URI, or the error page that refuses it. */
function consentRequest(state: OAuthState, read: (name: string) => string | null): { client: OAuthClient; redirectUri: string } | RouteResponse {
	const refuse = (why: string) => page(400, 'Lofty: authorization failed', `<h1>Authorization failed</h1><p id="error">${escapeHtml(why)}</p>`);
	const clientId = read('clientId');
	if (!clientId) return refuse('The app did not say who it is: the clientId parameter is missing.');
	const client = state.clients.get(clientId);
	if (!client) return refuse(`No app is registered with the client id "${clientId}".`);
	const redirectUri = read('redirect_uri') ?? '';
	if (!/^https?:\/\/[^/]/.test(redirectUri)) return refuse('The redirect_uri parameter is missing or not an http(s) URL.');
	return { client, redirectUri };
}

function redirect(redirectUri: string, params: Record<string, string | null>): RouteResponse {
	const target = new URL(redirectUri);
	for (const [key, value] of Object.entries(params)) if (value !== null) target.searchParams.set(key, value);
	return { status: 302, headers: { Location: target.toString() } };
}

/**
 * grant_type=authorization_code (a code from the consent page, for the same client and
 * redirect_uri, or the standing OAUTH_CODE) or grant_type=refresh_token (a live refresh token)
 * -> 200 `{access_token, refresh_token, token_type: 'bearer', expires_in, scope: 'openApi'}`.
 * Errors: bad/missing Basic client -> 401 `{"error":"invalid_client"}`; body not
 * form-encoded -> 400 invalid_request; unknown grant -> 400 unsupported_grant_type;
 * bad code, redirect_uri or refresh token -> 400 invalid_grant. Client credentials in the body
 * are not accepted (Lofty wants Basic auth).
 */
export function registerOAuthRoutes(router: Router): void {
	const open = { auth: 'none' as const };
	router.get(
		CONSENT_PAGE_PATH,
		(ctx) => {
			const state = oauthOf(ctx.data, ctx.options.accessToken);
			const read = (name: string) => ctx.query.str(name) ?? null;
			const request = consentRequest(state, read);
			if (!('client' in request)) return request;
			const hidden = ['clientId', 'redirect_uri', 'state', 'scope']
				.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(read(name) ?? '')}">`)
				.join('');
			return page(
				200,
				'Lofty: authorize an app',
				`<h1>Authorize ${escapeHtml(request.client.name)}</h1>` +
					`<p><strong id="app">${escapeHtml(request.client.name)}</strong> asks to use your Lofty account (scope <code>${escapeHtml(read('scope') ?? '')}</code>).</p>` +
					`<form method="post" action="${CONSENT_PAGE_PATH}">${hidden}` +
					'<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></form>',
			);
		},
		open,
	);
	router.post(
		CONSENT_PAGE_PATH,
		(ctx) => {
			const state = oauthOf(ctx.data, ctx.options.accessToken);
			const form = new URLSearchParams(ctx.rawBody);
			const request = consentRequest(state, (name) => form.get(name));
			if (!('client' in request)) return request;
			if (form.get('decision') !== 'allow') return redirect(request.redirectUri, { error: 'access_denied', state: form.get('state') });
			return redirect(request.redirectUri, { code: state.authorize(request.client.id, request.redirectUri), state: form.get('state') });
		},
		{ ...open, body: 'form' },
	);
	router.post(
		OAUTH_TOKEN_PATH,
		(ctx) => {
			const state = oauthOf(ctx.data, ctx.options.accessToken);
			const client = basicCredentials(typeof ctx.headers.authorization === 'string' ? ctx.headers.authorization : undefined);
			if (!client || state.clients.get(client.id)?.secret !== client.secret) {
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
			let replacing: string | undefined;
			if (grant === 'authorization_code') {
				const refused = state.redeem(form.get('code') ?? '', client.id, form.get('redirect_uri'));
				if (refused) return { status: 400, body: { error: 'invalid_grant', error_description: refused } };
			} else if (grant === 'refresh_token') {
				replacing = form.get('refresh_token') ?? '';
				if (!state.hasRefreshToken(replacing)) {
					return { status: 400, body: { error: 'invalid_grant', error_description: 'invalid refresh token' } };
				}
			} else {
				return { status: 400, body: { error: 'unsupported_grant_type' } };
			}
			const issued = state.issue(replacing);
			return {
				body: {
					access_token: issued.accessToken,
					refresh_token: issued.refreshToken,
					token_type: 'bearer',
					expires_in: state.lifetimeS,
					scope: 'openApi',
				},
			};
		},
		{ ...open, body: 'form' },
	);
}
