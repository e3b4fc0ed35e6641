/**
 * Credentials never leave the configured host: the nodes refuse redirects, quote no secret in
 * their errors, and refuse a Base URL that would send the key elsewhere or in the clear.
 * Small loopback servers stand in for Lofty, for a host a redirect points at, and for a proxy that
 * echoes what it was sent.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyLeadTrigger } from '../nodes/LoftyLeadTrigger/LoftyLeadTrigger.node';
import { LoftyTrigger } from '../nodes/LoftyTrigger/LoftyTrigger.node';
import type { RunResult } from './harness';
import { listSearch, loadOptions, runWorkflow } from './harness';
import type { AddressInfo, HttpServer, IncomingMessage, ServerResponse } from './support/node';
import { http } from './support/node';
import { TriggerHarness } from './support/triggers';

const API_KEY = 'dummy-key-4f1c2a9e7b3d';
const VENDOR_KEY = 'dummy-vendor-8e2b6d1f0c4a';
const ACCESS_TOKEN = 'dummy-access-5a7c9e1b3d2f';

interface Received {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** A server on 127.0.0.1 (port 0) that records every request and answers as `answer` says. */
class LoopbackServer {
	readonly received: Received[] = [];

	private server?: HttpServer;

	constructor(private readonly answer: (request: Received, res: ServerResponse) => void) {}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
				this.received.push(request);
				this.answer(request, res);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
	}

	get host(): string {
		return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
	}

	get baseUrl(): string {
		return `http://${this.host}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}

function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** The host a redirect points at: it answers like Lofty would, so a followed redirect succeeds. */
const elsewhere = new LoopbackServer((request, res) =>
	json(res, 200, request.url.startsWith('/v1.0/leads?') || request.url === '/v1.0/leads' ? { leads: [], _metadata: { total: 0 } } : { leadId: 1 }),
);

/** "Lofty": answers every request with `status` and a Location on the other host. */
let redirectStatus = 302;
const lofty = new LoopbackServer((request, res) => {
	res.writeHead(redirectStatus, { Location: `${elsewhere.baseUrl}${request.url}`, 'Content-Type': 'application/json' });
	res.end('{}');
});

beforeAll(async () => {
	await elsewhere.start();
	await lofty.start();
});
afterAll(async () => {
	await lofty.stop();
	await elsewhere.stop();
});
beforeEach(() => {
	lofty.received.length = 0;
	elsewhere.received.length = 0;
});

type CredentialType = 'loftyApi' | 'loftyOAuth2Api';

function credentialsFor(type: CredentialType, baseUrl: string): { type: CredentialType; data: ICredentialDataDecryptedObject } {
	if (type === 'loftyApi') return { type, data: { apiKey: API_KEY, vendorSecretKey: VENDOR_KEY, baseUrl } };
	return {
		type,
		data: {
			clientId: 'test-client-id',
			clientSecret: 'dummy-secret-9d3f5b7a',
			authUrl: `${baseUrl}/page/vendor-auth.html`,
			accessTokenUrl: `${baseUrl}/api/user-web/oauth/token`,
			baseUrl,
			vendorSecretKey: VENDOR_KEY,
			oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: 'dummy-refresh-2c4e6a8b0d1f', token_type: 'bearer' },
		},
	};
}

const SECRETS = [API_KEY, VENDOR_KEY, ACCESS_TOKEN, 'dummy-secret-9d3f5b7a', 'dummy-refresh-2c4e6a8b0d1f'];

function authenticationOf(type: CredentialType): INodeParameters {
	return type === 'loftyOAuth2Api' ? { authentication: 'oAuth2' } : {};
}

async function runLead(type: CredentialType, parameters: INodeParameters, baseUrl = lofty.baseUrl): Promise<RunResult> {
	return await runWorkflow({
		nodes: { type: new LoftyLead(), parameters: { ...authenticationOf(type), ...parameters } },
		credentials: credentialsFor(type, baseUrl),
	});
}

const getLead = { resource: 'lead', operation: 'get', leadId: '1000001' };
const createLead = { resource: 'lead', operation: 'create', firstName: 'Robin', emails: 'robin@example.com' };

describe('a redirect from Lofty is refused: nothing goes to the other host', () => {
	describe.each(['loftyApi', 'loftyOAuth2Api'] as const)('with %s', (credentialType) => {
		it.each([
			['GET', 302, getLead],
			['GET', 301, getLead],
			['GET', 303, getLead],
			['GET', 307, getLead],
			['GET', 308, getLead],
			['POST', 307, createLead],
			['POST', 308, createLead],
			['POST', 302, createLead],
			['POST', 303, createLead],
		] as const)('%s answered %i: an error naming the status and the Location host, sent once, nothing sent there', async (method, status, parameters) => {
			redirectStatus = status;
			const result = await runLead(credentialType, parameters);
			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe(String(status));
			expect(result.error?.message).toContain(`HTTP ${status}`);
			expect(result.error?.message).toContain(elsewhere.host);
			expect(result.error?.description).toContain(`nothing was sent to ${elsewhere.host}`);
			expect(lofty.received.map((r) => r.method)).toEqual([method]);
			expect(elsewhere.received).toEqual([]);
		});
	});

	const withApiKey = { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'create' } };
	it('a dropdown (members) refuses the redirect', async () => {
		redirectStatus = 302;
		await expect(loadOptions({ method: 'getMemberUsers', nodes: withApiKey, credentials: credentialsFor('loftyApi', lofty.baseUrl) })).rejects.toThrow(
			elsewhere.host,
		);
		expect(lofty.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});

	it('a record picker search (leads) refuses the redirect', async () => {
		redirectStatus = 302;
		const parameters = { resource: 'lead', operation: 'get' };
		await expect(
			listSearch({ method: 'searchLeads', filter: 'avery', nodes: { type: new LoftyLead(), parameters }, credentials: credentialsFor('loftyApi', lofty.baseUrl) }),
		).rejects.toThrow(elsewhere.host);
		expect(lofty.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});

	it.each(['loftyApi', 'loftyOAuth2Api'] as const)('the Lead Trigger poll refuses the redirect (%s)', async (credentialType) => {
		redirectStatus = 307;
		const trigger = new TriggerHarness({
			type: new LoftyLeadTrigger(),
			parameters: { ...authenticationOf(credentialType), event: 'newLead' },
			credentials: credentialsFor(credentialType, lofty.baseUrl),
		});
		await expect(trigger.poll('manual')).rejects.toThrow(elsewhere.host);
		expect(lofty.received.length).toBeGreaterThan(0);
		expect(elsewhere.received).toEqual([]);
	});

	it.each(['loftyApi', 'loftyOAuth2Api'] as const)('the Events Trigger activation refuses the redirect (%s)', async (credentialType) => {
		redirectStatus = 308;
		const trigger = new TriggerHarness({
			type: new LoftyTrigger(),
			parameters: { ...authenticationOf(credentialType), events: [2] },
			credentials: credentialsFor(credentialType, lofty.baseUrl),
		});
		await trigger.start();
		try {
			await expect(trigger.activate()).rejects.toThrow(elsewhere.host);
		} finally {
			await trigger.stop();
		}
		expect(lofty.received.length).toBeGreaterThan(0);
		expect(elsewhere.received).toEqual([]);
	});
});

/** A proxy that quotes back everything it was sent: headers and query in its error body. */
const echo = new LoopbackServer((request, res) => {
	const authorization = request.headers.authorization ?? '';
	json(res, 400, {
		code: `E-${authorization}`,
		message: `Bad request: ${authorization} ${request.url} ${JSON.stringify(request.headers)} ${'x'.repeat(300)}`,
	});
});

describe('errors quote the server, clipped and without the credential\'s secrets', () => {
	beforeAll(() => echo.start());
	afterAll(() => echo.stop());

	it.each(['loftyApi', 'loftyOAuth2Api'] as const)('an error body echoing the request headers and query (%s)', async (credentialType) => {
		const result = await runLead(credentialType, getLead, echo.baseUrl);
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('400');
		// The proxy did receive the secrets: the error must not repeat them.
		const sent = JSON.stringify(echo.received);
		expect(sent).toContain(VENDOR_KEY);
		const scheme = credentialType === 'loftyApi' ? 'token' : 'Bearer';
		expect(result.error?.message).toMatch(
			new RegExp(`^Bad request: ${scheme} \\[hidden\\] /v1\\.0/leads/1000001\\?withTrash=false&vendorKey=\\[hidden\\] \\{`),
		);
		expect(result.error?.description).toContain(`(code E-${scheme} [hidden])`);
		const shown = `${result.error?.message} ${result.error?.description}`;
		const stored = JSON.stringify(result.run);
		for (const secret of SECRETS) {
			expect(shown).not.toContain(secret);
			expect(stored).not.toContain(secret);
		}
		expect(stored).not.toMatch(/(token|Bearer) [\w-]{8,}/);
		// About 200 characters of the server's text, then "…".
		expect(result.error?.message).toHaveLength(201);
	});
});

describe('the Base URL is checked before anything is sent', () => {
	beforeAll(() => echo.start());
	afterAll(() => echo.stop());
	beforeEach(() => {
		echo.received.length = 0;
	});

	it.each(['loftyApi', 'loftyOAuth2Api'] as const)('a user name and password in it are refused (%s)', async (credentialType) => {
		const result = await runLead(credentialType, getLead, `http://user:pw@${echo.host}`);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The credential\'s "Base URL" must not contain a user name or password');
		expect(result.error?.description).toContain('Nothing was sent to Lofty');
		expect(echo.received).toEqual([]);
	});

	it.each([
		['another host', () => 'http://api.lofty.invalid'],
		['another host and port', () => 'http://lofty-proxy.invalid:8080/'],
		// 0.0.0.0 reaches this machine's listeners, yet is no loopback address.
		['0.0.0.0', () => `http://0.0.0.0:${echo.host.split(':')[1]}`],
	])('plain http:// to %s is refused, and nothing is sent', async (_label, baseUrl) => {
		const result = await runLead('loftyApi', getLead, baseUrl());
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The credential\'s "Base URL" must start with https://');
		expect(result.error?.description).toMatch(/unencrypted.*localhost/);
		expect(echo.received).toEqual([]);
	});

	it.each(['not a url', 'ftp://api.lofty.com'])('%j is refused as no web address', async (baseUrl) => {
		const result = await runLead('loftyApi', getLead, baseUrl);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('"Base URL"');
	});

	it.each(['127.0.0.1', 'localhost'])('plain http:// to the loopback host %s is allowed', async (host) => {
		const port = echo.host.split(':')[1];
		const result = await runLead('loftyApi', getLead, `http://${host}:${port}/`);
		// The echo server answers 400: the request went out.
		expect(result.error?.httpCode).toBe('400');
		expect(echo.received).toHaveLength(1);
	});

	it('every item fails alone with Continue On Fail, and none is sent', async () => {
		const result = await runWorkflow({
			nodes: { type: new LoftyLead(), parameters: getLead, continueOnFail: true },
			items: [{}, {}],
			credentials: credentialsFor('loftyApi', 'http://example.com'),
		});
		expect(result.status).toBe('success');
		expect(result.items.map((item: IDataObject) => item.error)).toEqual([
			'The credential\'s "Base URL" must start with https://',
			'The credential\'s "Base URL" must start with https://',
		]);
		expect(echo.received).toEqual([]);
	});
});
