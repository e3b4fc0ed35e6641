/**
 * FakeLofty: an in-process HTTP server that imitates the Lofty Open API for tests.
 *
 * Request pipeline: record -> fault injection -> authentication (/v1.0 paths) ->
 * rate limiting (/v1.0 paths) -> routing -> body parsing -> handler.
 */
import type { AddressInfo, HttpServer, IncomingMessage, ServerResponse, Socket } from '../support/node';
import { http } from '../support/node';
import { FakeLoftyData } from './data';
import { LoftyError } from './errors';
import { RateLimiter } from './rate-limit';
import { Router, RouteContext, RouteResponse } from './router';
import { registerAccountRoutes } from './routes-accounts';
import { registerAgentProfileRoutes } from './routes-agent-profile';
import { registerBrokerRoutes } from './routes-broker';
import { registerCallRoutes } from './routes-calls';
import { registerLogTypeRoutes } from './routes-log-types';
import { registerNoteRoutes } from './routes-notes';
import { registerOpportunityRoutes } from './routes-opportunity';
import { registerOrganizationRoutes } from './routes-organization';
import { registerRoutingRoutes } from './routes-routing';
import { registerTaskRoutes } from './routes-tasks';
import { registerTeamFeatureRoutes } from './routes-team-features';
import { registerVendorRoutes } from './routes-vendor';
import { registerWebhookRoutes } from './routes-webhooks';
import { registerCommunicationRoutes } from './routes-communication';
import { registerLeadRoutes } from './routes-leads';
import { registerListingRoutes } from './routes-listings';
import { registerMemberRoutes } from './routes-members';
import { OAUTH_REFRESH_TOKEN, OAuthState, oauthOf, registerOAuthRoutes } from './routes-oauth';
import { registerSystemLogRoutes } from './routes-system-logs';
import type { Fault, FakeLoftyOptions, RateLimitConfig, RecordedRequest, ResolvedOptions } from './types';
import { QueryReader, RawQuery } from './validate';

/** Route groups registered on every server. Add new resource files here. */
export const ROUTE_GROUPS: Array<(router: Router) => void> = [
	registerOAuthRoutes,
	registerMemberRoutes,
	registerLeadRoutes,
	registerCommunicationRoutes,
	registerSystemLogRoutes,
	registerListingRoutes,
	registerAccountRoutes,
	registerAgentProfileRoutes,
	registerBrokerRoutes,
	registerCallRoutes,
	registerLogTypeRoutes,
	registerNoteRoutes,
	registerOpportunityRoutes,
	registerOrganizationRoutes,
	registerRoutingRoutes,
	registerTaskRoutes,
	registerTeamFeatureRoutes,
	registerVendorRoutes,
	registerWebhookRoutes,
];

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
export const USER_NOT_EXIST_CODE = 200058;

interface ActiveFault {
	fault: Fault;
	remaining: number;
}

interface Reply {
	status: number;
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

function parseQuery(url: URL): RawQuery {
	const out: RawQuery = {};
	for (const [key, value] of url.searchParams) {
		const prev = out[key];
		if (prev === undefined) out[key] = value;
		else if (Array.isArray(prev)) prev.push(value);
		else out[key] = [prev, value];
	}
	return out;
}

function parseRecordedBody(raw: string): unknown {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
	if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
	if (fault.path === undefined) return true;
	if (typeof fault.path === 'string') return fault.path === path;
	fault.path.lastIndex = 0;
	return fault.path.test(path);
}

export class FakeLofty {
	readonly options: ResolvedOptions;
	/** Every request received, in order (429s, faults and the token endpoint included). */
	requests: RecordedRequest[] = [];

	/** Called for every request before it is answered (tests use it to change data mid-run). */
	onRequest?: (request: RecordedRequest) => void;
	/** Lofty's clock for the Date header of every answer (epoch ms); the machine's clock when unset. */
	clock?: () => number;
	/** The in-memory store; tests may change it freely. */
	data: FakeLoftyData;
	/** The route table; later resource groups register here (see ROUTE_GROUPS). */
	readonly router = new Router();

	private server: HttpServer | undefined;
	private url = '';
	private readonly sockets = new Set<Socket>();
	private faults: ActiveFault[] = [];
	private readonly limiter: RateLimiter;

	constructor(options: FakeLoftyOptions = {}) {
		this.options = {
			apiKey: options.apiKey ?? 'test-api-key',
			accessToken: options.accessToken ?? 'test-access-token',
			currentIdInclusive: options.currentIdInclusive ?? false,
			wrapLeadEntries: options.wrapLeadEntries ?? false,
			wrapGetLead: options.wrapGetLead ?? false,
			timeFormat: options.timeFormat ?? 'iso',
			createVisibilityDelayMs: options.createVisibilityDelayMs ?? 0,
		};
		this.limiter = new RateLimiter(options.rateLimit);
		this.data = new FakeLoftyData();
		for (const register of ROUTE_GROUPS) register(this.router);
	}

	/** e.g. http://127.0.0.1:41234 (empty before start()). */
	get baseUrl(): string {
		return this.url;
	}

	/** The access token issued last (changes with every token grant). */
	get currentAccessToken(): string {
		return this.oauth.currentAccessToken;
	}

	/** OAuth clients, codes and tokens (add a client, expire the tokens). */
	get oauth(): OAuthState {
		return oauthOf(this.data, this.options.accessToken);
	}

	/** The rate limit in force (the unlimited default when none was set). */
	get rateLimit(): RateLimitConfig {
		return this.limiter.current;
	}

	start(): Promise<string> {
		if (this.server) return Promise.resolve(this.url);
		const server = http.createServer((req, res) => this.handle(req, res));
		server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server = server;
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				server.off('error', reject);
				const { port } = server.address() as AddressInfo;
				this.url = `http://127.0.0.1:${port}`;
				resolve(this.url);
			});
		});
	}

	/** Closes the server and destroys every open (also hanging) socket. */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.url = '';
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	/** Recorded requests filtered by method and/or path (string = exact pathname). */
	findRequests(method?: string, path?: string | RegExp): RecordedRequest[] {
		return this.requests.filter((r) => faultMatches({ method, path }, r.method, r.path));
	}

	/** Replaces the rate limit (undefined = unlimited) and resets all windows. */
	setRateLimit(cfg: RateLimitConfig | undefined): void {
		this.limiter.configure(cfg);
	}

	/** Faults are checked before auth and rate limiting, in insertion order. */
	injectFault(fault: Fault): void {
		this.faults.push({ fault, remaining: fault.times ?? 1 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Requests answered 429 (by the rate limiter or by an injected fault). */
	count429(): number {
		return this.requests.filter((r) => r.status === 429).length;
	}

	/** Registered routes, e.g. for coverage checks against lofty-endpoints.json. */
	listRoutes(): Array<{ method: string; pattern: string }> {
		return this.router.list();
	}

	// ------------------------------------------------------------ seeding helpers

	seedLeads(n: number): void {
		this.data.seedLeads(n);
	}
	seedActivities(leadId: number, n: number): void {
		this.data.seedActivities(leadId, n);
	}
	seedCallHistory(n: number): void {
		this.data.seedCallHistory(n);
	}
	seedSystemLogs(n: number): void {
		this.data.seedSystemLogs(n);
	}
	seedListings(n: number): void {
		this.data.seedListings(n);
	}
	seedAgentCommunication(n: number, startMs: number, endMs: number): void {
		this.data.seedAgentCommunication(n, startMs, endMs);
	}

	// ------------------------------------------------------------ request handling

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const at = Date.now();
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('error', () => undefined);
		res.on('error', () => undefined);
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			try {
				this.process(req, res, rawBody, at);
			} catch (err) {
				if (!res.headersSent) {
					res.writeHead(500, { 'Content-Type': JSON_CONTENT_TYPE });
					res.end(JSON.stringify({ code: 500, message: `fake-lofty internal error: ${(err as Error).message}` }));
				}
			}
		});
	}

	private process(req: IncomingMessage, res: ServerResponse, rawBody: string, at: number): void {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		const rawQuery = parseQuery(url);
		const record: RecordedRequest = {
			method,
			path,
			query: rawQuery,
			body: parseRecordedBody(rawBody),
			rawBody,
			headers: { ...req.headers },
			status: 0,
			at,
			remotePort: req.socket.remotePort,
		};
		this.requests.push(record);
		this.onRequest?.(record);
		const send = (reply: Reply) => {
			record.status = reply.status;
			this.write(res, reply);
		};

		// 1. faults
		const active = this.faults.find((f) => faultMatches(f.fault, method, path));
		if (active) {
			active.remaining -= 1;
			if (active.remaining <= 0) this.faults = this.faults.filter((f) => f !== active);
			const { fault } = active;
			if (fault.kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'hang') return; // never answered; stop() destroys the socket
			const status = fault.status ?? 500;
			send({
				status,
				body: fault.rawBody === undefined ? (fault.body !== undefined ? fault.body : { code: status, message: http.STATUS_CODES[status] ?? 'Error' }) : undefined,
				rawBody: fault.rawBody,
				contentType: fault.contentType,
				headers: fault.headers,
			});
			return;
		}

		const match = this.router.match(method, path);
		const needsAuth = match.kind === 'found' ? match.route.auth === 'lofty' : path === '/v1.0' || path.startsWith('/v1.0/');

		// 2. authentication and 3. rate limiting
		let identity: string | undefined;
		let rateHeaders: Record<string, string> = {};
		if (needsAuth) {
			const auth = this.authenticate(req.headers.authorization);
			if ('reply' in auth) {
				send(auth.reply);
				return;
			}
			identity = auth.identity;
			const decision = this.limiter.take(identity, Date.now());
			rateHeaders = decision.headers;
			record.rateWindow = decision.windowStart;
			if (!decision.allowed) {
				send({ status: 429, body: { message: 'Too Many Requests' }, headers: rateHeaders });
				return;
			}
		}

		// 4. routing
		if (match.kind === 'not-found') {
			send({ status: 404, body: { message: 'Not Found' }, headers: rateHeaders });
			return;
		}
		if (match.kind === 'method-not-allowed') {
			send({
				status: 405,
				body: { code: 405, message: `Request method '${method}' not supported` },
				headers: { ...rateHeaders, Allow: match.allowed.join(', ') },
			});
			return;
		}

		// 5. body and handler
		const { route, params } = match;
		let reply: Reply;
		try {
			let body: unknown;
			if (route.body === 'json' || route.body === 'json-optional') {
				body = this.parseJsonBody(req, rawBody, route.body === 'json');
			}
			const ctx: RouteContext = {
				method,
				path,
				params,
				query: new QueryReader(rawQuery),
				headers: req.headers,
				body,
				rawBody,
				identity,
				data: this.data,
				options: this.options,
				server: { rotateAccessToken: () => this.rotateAccessToken() },
			};
			const out: RouteResponse = route.handler(ctx);
			reply = { status: out.status ?? 200, body: out.body, rawBody: out.rawBody, contentType: out.contentType, headers: out.headers };
		} catch (err) {
			if (err instanceof LoftyError) reply = { status: err.status, body: err.body };
			else reply = { status: 500, body: { code: 500, message: `Internal Server Error: ${(err as Error).message}` } };
		}
		send({ ...reply, headers: { ...rateHeaders, ...reply.headers } });
	}

	private authenticate(header: string | undefined): { identity: string } | { reply: Reply } {
		const unauthorized: Reply = { status: 401, body: { code: 401, message: 'Unauthorized' } };
		const m = /^(\S+)\s+(\S+)\s*$/.exec(header ?? '');
		if (!m) return { reply: unauthorized };
		const scheme = m[1].toLowerCase();
		const credential = m[2];
		if (scheme === 'token' && credential === this.options.apiKey) return { identity: 'api-key' };
		if (scheme === 'bearer') {
			if (this.oauth.accepts(credential)) return { identity: 'oauth' };
			if (credential === this.options.apiKey) {
				return { reply: { status: 400, body: { code: USER_NOT_EXIST_CODE, message: 'User in token does not exist.' } } };
			}
		}
		return { reply: unauthorized };
	}

	private parseJsonBody(req: IncomingMessage, rawBody: string, required: boolean): unknown {
		if (rawBody.trim() === '') {
			if (required) throw new LoftyError(400, { code: 400, message: 'Required request body is missing' });
			return undefined;
		}
		const contentType = String(req.headers['content-type'] ?? '');
		if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
			throw new LoftyError(415, { code: 415, message: `Content type '${contentType || 'application/octet-stream'}' not supported` });
		}
		let problem: Error;
		try {
			return JSON.parse(rawBody);
		} catch (err) {
			problem = err as Error;
		}
		throw new LoftyError(400, { code: 400, message: `JSON parse error: ${problem.message}` });
	}

	/** A new access token for the standing refresh token (the vendor route hands one out). */
	private rotateAccessToken(): string {
		return this.oauth.issue(OAUTH_REFRESH_TOKEN).accessToken;
	}

	private write(res: ServerResponse, reply: Reply): void {
		let payload = '';
		if (reply.rawBody !== undefined) payload = reply.rawBody;
		else if (reply.body !== undefined) payload = JSON.stringify(reply.body);
		const headers: Record<string, string | number> = { ...reply.headers };
		if (payload !== '' || reply.rawBody !== undefined) headers['Content-Type'] = reply.contentType ?? JSON_CONTENT_TYPE;
		headers['Content-Length'] = Buffer.byteLength(payload);
		if (this.clock) headers.Date = new Date(this.clock()).toUTCString();
		res.writeHead(reply.status, headers);
		res.end(payload);
	}
}
