// The sandbox as Lofty's OAuth server: consent page, code exchange with Basic client auth, expiry
// and refresh. The API calls and the refresh run through n8n-core's engine; n8n's own connect
// flow (consent URL, callback, exchange) is exercised in a running n8n by the e2e step `oauth`.
import type { IDataObject } from 'n8n-workflow';

import { CONSENT_PAGE_PATH, OAUTH_TOKEN_PATH } from './fake-lofty';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { runWorkflow } from './harness';
import { useFakeLofty } from './support/env';

const env = useFakeLofty();
const APP = { id: 'flow-app', secret: 'flow-secret', name: 'Flow Test App' };
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
beforeAll(() => {
	env.fake.seedLeads(1);
	env.fake.oauth.addClient(APP);
});

/** The consent URL as n8n builds it from the Lofty OAuth2 credential. */
const consentUrl = () =>
	`${env.fake.baseUrl}${CONSENT_PAGE_PATH}?${new URLSearchParams({ clientId: APP.id, client_id: APP.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openApi', state: 'state-1' })}`;

/** What the token endpoint answers: a token pair, or an OAuth error. */
interface TokenAnswer extends IDataObject {
	access_token: string;
	refresh_token: string;
	error?: string;
}

/** A token request with the client id and secret as HTTP Basic auth. */
async function token(form: Record<string, string>, secret = APP.secret) {
	const response = await fetch(`${env.fake.baseUrl}${OAUTH_TOKEN_PATH}`, {
		method: 'POST',
		headers: { authorization: `Basic ${Buffer.from(`${APP.id}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as TokenAnswer };
}

const exchange = (location: string, secret?: string) =>
	token({ grant_type: 'authorization_code', code: new URL(location).searchParams.get('code') ?? '', redirect_uri: REDIRECT }, secret);

/** Opens the consent page and submits its form as the user's click would; resolves the redirect. */
async function consent(uri: string, decision: 'allow' | 'deny') {
	const pageResponse = await fetch(uri);
	const html = await pageResponse.text();
	expect(pageResponse.status).toBe(200);
	expect(html).toContain(APP.name);
	const form = new URLSearchParams();
	for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name, value);
	form.set('decision', decision);
	const answer = await fetch(`${env.fake.baseUrl}${CONSENT_PAGE_PATH}`, {
		method: 'POST',
		body: form.toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		redirect: 'manual',
	});
	expect(answer.status).toBe(302);
	return answer.headers.get('location') ?? '';
}

function getLead(oauthTokenData: IDataObject) {
	return runWorkflow({
		nodes: { type: new LoftyLead(), parameters: { authentication: 'oAuth2', resource: 'lead', operation: 'get', leadId: '1000001' } },
		credentials: {
			type: 'loftyOAuth2Api',
			data: {
				clientId: APP.id,
				clientSecret: APP.secret,
				authUrl: `${env.fake.baseUrl}${CONSENT_PAGE_PATH}`,
				accessTokenUrl: `${env.fake.baseUrl}${OAUTH_TOKEN_PATH}`,
				baseUrl: env.fake.baseUrl,
				oauthTokenData,
			},
		},
	});
}

const tokenForm = (index = 0) => new URLSearchParams(env.fake.findRequests('POST', OAUTH_TOKEN_PATH)[index].rawBody);

describe('the sandbox as Lofty\'s OAuth server', () => {
	it('the consent page refuses a missing or unknown clientId (client_id alone is not read) with a visible error', async () => {
		for (const [query, error] of [
			[`client_id=${APP.id}&redirect_uri=${encodeURIComponent(REDIRECT)}`, 'clientId parameter is missing'],
			[`clientId=nobody&redirect_uri=${encodeURIComponent(REDIRECT)}`, 'No app is registered with the client id'],
			[`clientId=${APP.id}`, 'redirect_uri parameter is missing'],
		]) {
			const response = await fetch(`${env.fake.baseUrl}${CONSENT_PAGE_PATH}?${query}`);
			expect(response.status).toBe(400);
			expect(await response.text()).toContain(error);
		}
	});

	it('Allow -> code -> tokens (Basic auth, code, redirect URI checked); the API takes them; an expired token is refreshed once', async () => {
		const location = await consent(consentUrl(), 'allow');
		const back = new URL(location);
		expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
		expect(back.searchParams.get('state')).toBe('state-1');
		const code = back.searchParams.get('code') ?? '';
		expect(code).not.toBe('');

		const granted = await exchange(location);
		expect(granted.status).toBe(200);
		const tokens = granted.body;
		expect(Object.fromEntries(tokenForm())).toEqual({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
		expect(tokens).toEqual({
			access_token: expect.any(String),
			refresh_token: expect.any(String),
			token_type: 'bearer',
			expires_in: 3600,
			scope: 'openApi',
		});

		// A code works once.
		expect((await exchange(location)).body.error).toBe('invalid_grant');

		const first = await getLead(tokens);
		expect(first.status).toBe('success');
		expect(env.apiRequests().at(-1)?.headers.authorization).toBe(`Bearer ${tokens.access_token}`);

		env.fake.clearRequests();
		expect(env.fake.oauth.expireAll()).toBeGreaterThanOrEqual(1);
		const second = await getLead(tokens);
		expect(second.status).toBe('success');
		expect(env.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /v1.0/leads/1000001 401',
			`POST ${OAUTH_TOKEN_PATH} 200`,
			'GET /v1.0/leads/1000001 200',
		]);
		expect(Object.fromEntries(tokenForm())).toEqual({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		// The refresh issued a new pair; the old refresh token is spent.
		const renewed = env.fake.requests[2].headers.authorization;
		expect(renewed).not.toBe(`Bearer ${tokens.access_token}`);
		expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).body.error).toBe('invalid_grant');
	});

	it('Deny comes back as error=access_denied with the state, and no code', async () => {
		const location = new URL(await consent(consentUrl(), 'deny'));
		expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'state-1' });
		expect(env.fake.findRequests('POST', OAUTH_TOKEN_PATH)).toEqual([]);
	});

	it('the token endpoint refuses a wrong secret (401), another redirect URI and an unknown grant', async () => {
		expect(await exchange(await consent(consentUrl(), 'allow'), 'not-the-secret')).toEqual({ status: 401, body: { error: 'invalid_client' } });

		const location = await consent(consentUrl(), 'allow');
		const elsewhere = await token({ grant_type: 'authorization_code', code: new URL(location).searchParams.get('code') ?? '', redirect_uri: 'http://127.0.0.1:9/elsewhere' });
		expect(elsewhere).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'redirect_uri does not match the one the code was issued for' } });

		expect(await token({ grant_type: 'password', username: 'a', password: 'b' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
		expect(env.fake.findRequests('POST', OAUTH_TOKEN_PATH).map((r) => r.status)).toEqual([401, 400, 400]);
	});
});
