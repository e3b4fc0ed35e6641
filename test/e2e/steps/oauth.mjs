// Issue 16: "Connect my account" end to end. The sandbox plays Lofty's OAuth server for a
// running n8n 2.41.1: n8n builds the consent URL, the consent page redirects to n8n's callback
// with a code, n8n exchanges it at the sandbox's token endpoint (HTTP Basic client auth), a
// Lofty node runs on the tokens, and an expired token is refreshed once. Denial, a wrong client
// secret and a token URL that does not answer each fail with a message and save nothing. None of
// the secrets reaches n8n's log. `oauthEditorStep` does the same connect in the editor (Chromium).

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { OWNER } from '../../../scripts/lib/n8n.mjs';
import { ARTIFACTS } from '../../../scripts/lib/paths.mjs';
import { freePort } from '../../../scripts/lib/proc.mjs';
import { oauthCredentialData } from '../../../scripts/sandbox.mjs';
import { serverSession } from '../server.mjs';
import { connect, coreNode, loftyNode } from '../workflows.mjs';
import { CHROMIUM, CHROMIUM_ARGS, loadPlaywright } from './editor.mjs';

const APP_NAME = 'n8n e2e (Lofty OAuth2)';
const LEAD_ID = 1000001;
const HOOK_PATH = 'e2e-lofty-oauth';
export const OAUTH_SCREENSHOT = join(ARTIFACTS, 'editor-oauth-connected.png');

/** The e2e app, registered once per suite with a secret of this run. */
function app(ctx, sandbox) {
	return ctx.once('oauth-app', async () => {
		const registered = { id: 'e2e-oauth-app', secret: randomBytes(18).toString('hex'), name: APP_NAME };
		sandbox.fake.oauth.addClient(registered);
		return registered;
	});
}

async function createCredential(n8n, name, data) {
	const created = await n8n.rest('POST', '/credentials', { name, type: 'loftyOAuth2Api', data });
	return { id: created.id, name };
}

/** What n8n keeps of a credential: whether it holds tokens. */
async function holdsTokens(n8n, credential) {
	const stored = await n8n.rest('GET', `/credentials/${credential.id}?includeData=true`);
	return Boolean(stored.data?.oauthTokenData);
}

/** Asks n8n for the consent URL, as the editor's "Connect my account" does; keeps the cookies it sets. */
async function authorizationUrl(n8n, credential) {
	const response = await n8n.rest('GET', `/oauth2-credential/auth?id=${credential.id}`, undefined, { raw: true });
	const body = await response.json();
	assert.equal(response.status, 200, `GET /rest/oauth2-credential/auth: ${JSON.stringify(body)}`);
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	return { url: new URL(body.data), cookie: [n8n.cookie, ...cookies].join('; ') };
}

/** Opens the consent page and submits its form with the user's choice; resolves where it redirects. */
async function consent(url, decision) {
	const page = await fetch(url);
	const html = await page.text();
	assert.equal(page.status, 200, `consent page: ${html.slice(0, 300)}`);
	assert.match(html, new RegExp(`Authorize ${APP_NAME.replace(/[()]/g, '\\$&')}`), 'the consent page names the app');
	const form = new URLSearchParams({ decision });
	for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name, value.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))));
	const answer = await fetch(new URL('/page/vendor-auth.html', url), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
		redirect: 'manual',
	});
	assert.equal(answer.status, 302, 'the consent form redirects');
	return new URL(answer.headers.get('location'));
}

/** Lands on n8n's callback as the browser would; resolves the page n8n renders. */
async function callback(location, cookie) {
	const response = await fetch(location, { headers: { cookie } });
	return { status: response.status, html: await response.text() };
}

/** The token requests as the sandbox lists them at GET /_sandbox/requests (secrets left out). */
async function tokenRequests(sandbox, since) {
	const requests = await (await fetch(`${sandbox.baseUrl}/_sandbox/requests?last=500`)).json();
	return requests.filter((r) => r.path === sandbox.lib.OAUTH_TOKEN_PATH && Date.parse(r.at) >= since);
}

/** A published workflow: Webhook -> Lofty Lead › Get with the OAuth2 credential. */
async function leadWorkflow(n8n, credential) {
	const lead = loftyNode('Lofty Lead', 'loftyLead', { resource: 'lead', operation: 'get', leadId: { __rl: true, mode: 'id', value: String(LEAD_ID) } });
	lead.parameters.authentication = 'oAuth2';
	lead.credentials = { loftyOAuth2Api: credential };
	const hook = { ...coreNode('Webhook', 'webhook', { httpMethod: 'GET', path: HOOK_PATH, responseMode: 'lastNode', options: {} }, [0, 0], 2), webhookId: randomUUID() };
	lead.position = [240, 0];
	const created = await n8n.rest('POST', '/workflows', {
		name: 'e2e: Lofty Lead with the OAuth2 credential',
		nodes: [hook, lead],
		connections: connect({}, hook.name, lead.name),
		settings: { executionOrder: 'v1' },
		active: false,
	});
	await n8n.activate(created.id);
	await n8n.settled(created.id);
	return created.id;
}

async function runLead(n8n) {
	const response = await fetch(`${n8n.baseUrl}/webhook/${HOOK_PATH}`);
	const text = await response.text();
	assert.equal(response.status, 200, `the workflow ran: ${text.slice(0, 400)}`);
	assert.equal(Number(JSON.parse(text).leadId), LEAD_ID, 'the Lofty node returned the lead');
}

/** The lead and token requests the sandbox answered since `since` (method, path, status), in order. */
const answered = (sandbox, since) =>
	sandbox.fake.requests
		.filter((r) => r.at >= since && (r.path === `/v1.0/leads/${LEAD_ID}` || r.path === sandbox.lib.OAUTH_TOKEN_PATH))
		.map((r) => `${r.method} ${r.path} ${r.status}`);

/** A bad path: the flow fails with `message` on n8n's callback page and the credential stays empty. */
async function failsCleanly(ctx, n8n, sandbox, what, data, decision, expected) {
	const credential = await createCredential(n8n, `e2e OAuth2: ${what}`, data);
	const { url, cookie } = await authorizationUrl(n8n, credential);
	const location = await consent(url, decision);
	const page = await callback(location, cookie);
	assert.match(page.html, /Failed to connect/, `${what}: n8n's callback page says the connection failed`);
	for (const text of expected) assert.ok(page.html.includes(text), `${what}: the callback page says "${text}": ${page.html.slice(0, 600)}`);
	assert.equal(await holdsTokens(n8n, credential), false, `${what}: nothing is saved`);
	const shown = page.html.match(/<h4>([^<]*)<\/h4>/)?.[1] ?? '';
	ctx.note(`${what}: "${shown.trim()}" (${expected.join(', ')}); no tokens saved`);
	return page.html;
}

export async function oauthStep(ctx) {
	const { n8n, sandbox } = await serverSession(ctx);
	ctx.use(n8n);
	const registered = await app(ctx, sandbox);
	const good = oauthCredentialData(sandbox.baseUrl, registered);
	const secrets = [registered.secret, Buffer.from(`${registered.id}:${registered.secret}`).toString('base64')];
	const callbackUrl = `${n8n.baseUrl}/rest/oauth2-credential/callback`;

	// 1. The consent URL n8n builds.
	const started = Date.now();
	const credential = await createCredential(n8n, 'e2e: Lofty OAuth2 (sandbox)', good);
	const { url, cookie } = await authorizationUrl(n8n, credential);
	const query = Object.fromEntries(url.searchParams);
	assert.equal(`${url.origin}${url.pathname}`, good.authUrl, 'the consent page is the credential’s Authorization URL');
	assert.equal(query.clientId, registered.id, 'clientId (Lofty reads this one)');
	assert.equal(query.client_id, registered.id, 'client_id');
	assert.equal(query.redirect_uri, callbackUrl, 'redirect_uri is n8n’s OAuth2 callback');
	assert.equal(query.scope, 'openApi', 'scope');
	assert.equal(query.response_type, 'code', 'response_type');
	assert.ok(query.state, 'state');
	ctx.note(`consent URL from n8n carries ${Object.keys(query).sort().join(', ')} (scope ${query.scope})`);

	// 2. Allow, then n8n's callback exchanges the code.
	const location = await consent(url, 'allow');
	assert.equal(`${location.origin}${location.pathname}`, callbackUrl, 'Allow redirects to n8n’s callback');
	assert.equal(location.searchParams.get('state'), query.state, 'with the state n8n sent');
	const code = location.searchParams.get('code');
	secrets.push(code);
	const page = await callback(location, cookie);
	assert.equal(page.status, 200);
	assert.doesNotMatch(page.html, /Failed to connect|Error:/, `n8n's callback page reports success: ${page.html.slice(0, 600)}`);
	assert.equal(await holdsTokens(n8n, credential), true, 'n8n saved the tokens');
	const [exchange, ...more] = await tokenRequests(sandbox, started);
	assert.equal(more.length, 0, 'one token request');
	assert.equal(exchange.status, 200);
	assert.deepEqual(
		exchange.received,
		{ clientAuth: `Basic, client id ${registered.id}`, grantType: 'authorization_code', redirectUri: callbackUrl, code: `${code.slice(0, 6)}…` },
		'the token endpoint received Basic client auth, the code and the redirect URI',
	);
	ctx.note(`Allow -> callback -> token endpoint received ${exchange.received.clientAuth}, grant ${exchange.received.grantType}, the consent's code, redirect_uri ${exchange.received.redirectUri}; connected in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	// 3. A Lofty node runs on the tokens; after they expire, exactly one refresh.
	const workflowId = await leadWorkflow(n8n, credential);
	let since = Date.now();
	await runLead(n8n);
	assert.deepEqual(answered(sandbox, since), [`GET /v1.0/leads/${LEAD_ID} 200`], 'the first run uses the access token as is');
	const expired = await (await fetch(`${sandbox.baseUrl}/_sandbox/oauth/expire`, { method: 'POST' })).json();
	assert.ok(expired.expired >= 1, 'the sandbox let the access token expire');
	since = Date.now();
	await runLead(n8n);
	assert.deepEqual(answered(sandbox, since), [`GET /v1.0/leads/${LEAD_ID} 401`, `POST ${sandbox.lib.OAUTH_TOKEN_PATH} 200`, `GET /v1.0/leads/${LEAD_ID} 200`], 'expired: 401, one refresh, retried');
	const [refresh] = await tokenRequests(sandbox, since);
	assert.equal(refresh.received.clientAuth, `Basic, client id ${registered.id}`, 'the refresh uses Basic client auth too');
	assert.equal(refresh.received.grantType, 'refresh_token');
	since = Date.now();
	await runLead(n8n);
	assert.deepEqual(answered(sandbox, since), [`GET /v1.0/leads/${LEAD_ID} 200`], 'n8n saved the refreshed pair: the next run needs no refresh');
	ctx.note('Lofty Lead › Get ran with the credential; after POST /_sandbox/oauth/expire: 401, exactly one refresh (Basic auth), success; the next run reused the new token');
	await n8n.deactivate(workflowId);

	// 4. Bad paths.
	const pages = [];
	pages.push(await failsCleanly(ctx, n8n, sandbox, 'consent denied', good, 'deny', ['access_denied']));
	pages.push(await failsCleanly(ctx, n8n, sandbox, 'wrong client secret', { ...good, clientSecret: 'not-the-secret' }, 'allow', ['invalid_client']));
	const silent = `http://127.0.0.1:${await freePort()}/api/user-web/oauth/token`;
	pages.push(await failsCleanly(ctx, n8n, sandbox, 'token URL that does not answer', { ...good, accessTokenUrl: silent }, 'allow', ['ECONNREFUSED']));

	// 5. No secret in n8n's log (debug level) or on its pages.
	const log = readFileSync(n8n.log.file, 'utf8');
	const leaks = [...secrets, 'test-access-token', 'test-refresh-token'].filter((secret) => log.includes(secret) || pages.some((html) => html.includes(secret)));
	assert.deepEqual(leaks.map((s) => `${s.slice(0, 4)}…`), [], 'the client secret, Basic credentials, code and tokens are not in n8n’s log or pages');
	ctx.note(`n8n's log (${Math.round(log.length / 1024)} kB, debug) and callback pages hold neither the client secret, the Basic credentials, the code nor any token`);
}

async function signIn(page, n8n) {
	await page.goto(`${n8n.baseUrl}/signin`);
	await page.getByLabel('Email').fill(OWNER.email);
	await page.getByLabel('Password').fill(OWNER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** The editor: "Connect my account" in the credential dialog, Allow in the sandbox's popup, connected. */
export async function oauthEditorStep(ctx) {
	assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
	const { chromium } = loadPlaywright();
	const { n8n, sandbox } = await serverSession(ctx);
	ctx.use(n8n);
	const registered = await app(ctx, sandbox);
	const credential = await createCredential(n8n, 'e2e: Lofty OAuth2 (editor)', oauthCredentialData(sandbox.baseUrl, registered));
	const since = Date.now();
	const browser = await chromium.launchPersistentContext(ctx.tempDir('chromium-oauth'), {
		executablePath: CHROMIUM,
		headless: true,
		chromiumSandbox: false,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
	});
	const page = browser.pages()[0] ?? (await browser.newPage());
	try {
		page.setDefaultTimeout(60_000);
		await signIn(page, n8n);
		await page.goto(`${n8n.baseUrl}/home/credentials/${credential.id}`);
		// n8n 1.x labels it "Connect my account"; 2.41's dialog says "Connect your account to use this credential" beside "Connect".
		const connect = page.getByRole('button', { name: /^\s*(Connect my account|Connect)\s*$/ }).first();
		await connect.waitFor({ state: 'visible' });
		const label = (await connect.textContent()).trim();
		const [popup] = await Promise.all([browser.waitForEvent('page'), connect.click()]);
		// The popup opens blank and is sent to the consent URL once n8n has built it.
		await popup.waitForURL((url) => url.href.startsWith(`${sandbox.baseUrl}/page/vendor-auth.html?`));
		assert.equal(await popup.locator('#app').textContent(), APP_NAME, 'the consent page names the app');
		await popup.getByRole('button', { name: 'Allow' }).click();
		const connected = page.getByText('Account connected', { exact: true }).first();
		await connected.waitFor({ state: 'visible' });
		const banner = (await connected.textContent()).trim();
		await page.getByRole('button', { name: 'Disconnect' }).waitFor({ state: 'visible' });
		await page.waitForTimeout(400);
		await page.screenshot({ path: OAUTH_SCREENSHOT });
		assert.equal(await holdsTokens(n8n, credential), true, 'n8n saved the tokens');
		const [exchange] = await tokenRequests(sandbox, since);
		assert.equal(exchange?.received.clientAuth, `Basic, client id ${registered.id}`, 'the editor’s connect exchanged the code with Basic client auth');
		ctx.note(`editor: "${label}" in the credential dialog -> sandbox consent (Allow) -> "${banner}"; screenshot: ${OAUTH_SCREENSHOT}`);
	} catch (error) {
		// What the editor showed instead, for the failure report.
		const buttons = await page.getByRole('button').allTextContents().catch(() => []);
		await page.screenshot({ path: join(ctx.artifacts, 'oauth-editor-failed.png') }).catch(() => undefined);
		const shown = `page ${page.url()}; buttons: ${buttons.map((b) => b.trim()).filter(Boolean).join(' | ')}; screenshot ${join(ctx.artifacts, 'oauth-editor-failed.png')}`;
		throw new Error(`${error.message}\n${shown}`, { cause: error });
	} finally {
		await browser.close();
	}
}
