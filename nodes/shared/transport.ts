import { createHash } from 'crypto';
import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { parseLoftyBody, stringifyLoftyJson } from './json';
import type { WaitBound } from './throttle';
import { DEFAULT_MAX_WAIT_MS, RateLimitWaitError, budgetFor, formatWait, readRateLimitHeaders } from './throttle';
import { clipped, splitCommaList, withoutTrailingSlashes } from './text';

export const API_KEY_CREDENTIAL = 'loftyApi';
export const OAUTH2_CREDENTIAL = 'loftyOAuth2Api';
export const DEFAULT_BASE_URL = 'https://api.lofty.com';
/** The Request Options entry that bounds how long one request waits for the rate limit, in minutes. */
export const MAX_WAIT_OPTION = 'maxRateLimitWait';

/** How many times one request may meet a 429 before the node gives up. */
const MAX_RATE_LIMIT_RETRIES = 8;
/** Back-off before each retry of a transient failure (502/503/504, a dropped connection). */
const TRANSIENT_BACKOFF_MS = [300, 1_000, 3_000];

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
/** The request was sent (or may have been) but the answer was lost. */
const LOST_ANSWER_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);
/** The request never left this machine or never reached Lofty: safe to send again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** How much of the server's own words an error repeats. */
const SERVER_TEXT_LIMIT = 200;
const HIDDEN = '[hidden]';

/**
 * What every Lofty call needs from n8n's function context. Action nodes, load-options
 * methods, triggers and hooks all provide it.
 */
export interface LoftyContext {
	getNode(): INode;
	getCredentials<T extends object = IDataObject>(type: string, itemIndex?: number): Promise<T>;
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
		): Promise<unknown>;
	};
	getExecutionCancelSignal?(): AbortSignal | undefined;
	/** Shared by every item of one node run: the key under which the run's endpoint is kept. */
	getExecuteData?(): object;
}

export interface LoftyResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

export function credentialTypeOf(node: INode): string {
	return node.parameters.authentication === 'oAuth2' ? OAUTH2_CREDENTIAL : API_KEY_CREDENTIAL;
}

function trimBaseUrl(url: unknown): string {
	const value = typeof url === 'string' && url.trim() !== '' ? url.trim() : DEFAULT_BASE_URL;
	return withoutTrailingSlashes(value);
}

/**
 * Requests that share a credential share one budget: saved credentials are told apart by id,
 * an unsaved one (a credential test) by a hash that does not keep its secret.
 */
function budgetKey(credentialType: string, credentials: IDataObject): string {
	const identity = credentialType === API_KEY_CREDENTIAL ? String(credentials.apiKey ?? '') : String(credentials.clientId ?? '');
	return createHash('sha256')
		.update(`${credentialType}|${trimBaseUrl(credentials.baseUrl)}|${identity}`)
		.digest('hex');
}

interface HttpFailure {
	status?: number;
	code?: string;
	headers?: Record<string, unknown>;
	data?: unknown;
}

/** Finds the HTTP response (or socket error code) inside whatever n8n's request helper threw. */
function describeFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	const found: HttpFailure = {};
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as {
			response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
			code?: unknown;
			cause?: unknown;
		};
		if (candidate.response && found.status === undefined) {
			found.status = candidate.response.status;
			found.headers = candidate.response.headers;
			found.data = candidate.response.data;
		}
		if (typeof candidate.code === 'string' && found.code === undefined) found.code = candidate.code;
		current = candidate.cause;
	}
	return found;
}

/** Lofty's own words from an error body: an object with message/errorMsg, or a bare string. */
export function loftyErrorText(data: unknown): { message?: string; code?: string } {
	if (data === undefined || data === null) return {};
	if (Buffer.isBuffer(data)) return loftyErrorText(data.toString('utf8'));
	if (typeof data === 'string') {
		const text = data.trim();
		if (text === '') return {};
		if (text.startsWith('{') || text.startsWith('"')) {
			try {
				return loftyErrorText(JSON.parse(text));
			} catch {
				// not JSON after all: fall through to the plain text
			}
		}
		if (/^<(!doctype|html)/i.test(text)) return { message: 'Lofty answered with an HTML page instead of JSON' };
		// Clipped by the caller, after the secrets are out: a cut could leave half a key behind.
		return { message: text };
	}
	if (typeof data === 'object') {
		const body = data as IDataObject;
		const nested = typeof body.error === 'object' && body.error !== null ? (body.error as IDataObject) : {};
		const message = [body.message, body.errorMsg, body.error_description, nested.message, body.msg, body.error].find(
			(value) => typeof value === 'string' && value.trim() !== '',
		) as string | undefined;
		const code = body.code ?? body.errorCode ?? nested.code;
		return { message, code: code === undefined || code === null ? undefined : String(code) };
	}
	return { message: String(data) };
}

/** The values a credential keeps secret, in the forms a server may echo them back. */
function secretsOf(credentials: IDataObject): string[] {
	const tokens = typeof credentials.oauthTokenData === 'object' && credentials.oauthTokenData !== null ? (credentials.oauthTokenData as IDataObject) : {};
	const values = [credentials.apiKey, credentials.vendorSecretKey, credentials.clientSecret, tokens.access_token, tokens.refresh_token, tokens.id_token]
		.map((value) => (typeof value === 'string' ? value.trim() : ''))
		// A very short "secret" would blank ordinary words; the auth-scheme rule below still applies.
		.filter((value) => value.length >= 4);
	return [...new Set(values.flatMap((value) => [value, encodeURIComponent(value)]))];
}

/**
 * A value after an auth scheme ("token …", "Bearer …", "Basic …") that looks like a credential:
 * 8+ characters with a digit or punctuation, so Lofty's "User in token does not exist." stays readable.
 */
const AUTH_VALUE = /\b(token|bearer|basic)(\s*[:=]\s*|\s+)([^\s"'`,;<>()[\]{}\\]{8,})/gi;

/**
 * The server's text as an error may quote it: the credential's secrets and anything sent as an
 * Authorization value taken out (a proxy that echoes request headers would show them), then clipped.
 */
function serverText(text: string, secrets: string[], limit = SERVER_TEXT_LIMIT): string {
	let scrubbed = text;
	for (const secret of secrets) scrubbed = scrubbed.split(secret).join(HIDDEN);
	scrubbed = scrubbed.replace(AUTH_VALUE, (match, scheme: string, gap: string, value: string) =>
		/[\d._~+/=-]/.test(value) ? `${scheme}${gap}${HIDDEN}` : match,
	);
	return clipped(scrubbed, limit);
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Lofty's API does not redirect, and a redirect would carry the key (and a POST's body) to
 * whatever host it names: the nodes never follow one. The error names the status and that host.
 */
function redirectError(node: INode, failure: HttpFailure, baseURL: string, secrets: string[], itemIndex?: number): NodeApiError {
	const status = failure.status as number;
	const location = header(failure.headers, 'location');
	let target: string | undefined;
	if (location) {
		try {
			target = new URL(location, baseURL).host || undefined;
		} catch {
			// an unreadable Location names no host
		}
	}
	const host = target ? serverText(target, secrets, 80) : undefined;
	const message = host ? `Lofty's endpoint answered HTTP ${status}, a redirect to ${host}` : `Lofty's endpoint answered HTTP ${status}, a redirect`;
	return new NodeApiError(node, { message, status } as JsonObject, {
		message,
		description:
			`Lofty's API does not redirect, so the Lofty nodes do not follow redirects: nothing was sent to ${host ?? 'the Location it named'}. ` +
			'Check the credential\'s "Base URL": it must be Lofty\'s API address (https://api.lofty.com) or a proxy that passes requests on.',
		httpCode: String(status),
		itemIndex,
	});
}

function apiError(
	node: INode,
	failure: HttpFailure,
	credentialType: string,
	fallback: string,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	const found = loftyErrorText(failure.data);
	const message = found.message === undefined ? undefined : serverText(found.message, secrets);
	const code = found.code === undefined ? undefined : serverText(found.code, secrets, 40);
	const status = failure.status;
	let text = message ?? (status ? `HTTP ${status}` : serverText(fallback, secrets));
	let description = status
		? `Lofty answered HTTP ${status}${code ? ` (code ${code})` : ''}`
		: `The request did not complete${failure.code ? ` (${failure.code})` : ''}`;
	if (status === 401 || code === '200058') {
		description +=
			credentialType === API_KEY_CREDENTIAL
				? '. Check your API key: copy it again from Lofty under Settings > Integrations > API.'
				: '. Reconnect the Lofty OAuth2 credential.';
	}
	if (status === 429) text = `Lofty kept refusing requests with 429 (${text})`;
	return new NodeApiError(
		node,
		{ message: text, status: status ?? null, code: code ?? failure.code ?? null } as JsonObject,
		{ message: text, description, httpCode: status ? String(status) : undefined, itemIndex },
	);
}

function mayRetryTransient(idempotent: boolean, failure: HttpFailure): boolean {
	if (failure.status === undefined && failure.code && NOT_SENT_CODES.has(failure.code)) return true;
	if (!idempotent) return false;
	if (failure.status !== undefined) return TRANSIENT_STATUSES.has(failure.status);
	return failure.code !== undefined && LOST_ANSWER_CODES.has(failure.code);
}

/** Where one credential's requests go, read from the credential once per node run. */
interface Endpoint {
	baseURL: string;
	/** OAuth2 only: the API-key credential adds its vendor key itself (authenticate). */
	vendorKey?: string;
	budgetKey: string;
	allowedDomains?: string;
	/** What errors must not quote (see serverText). */
	secrets: string[];
	/** Why the Base URL may not be used; every request of the run is refused with it. */
	refusal?: { message: string; description: string };
}

/**
 * Every item of a node run shares one endpoint. Resolving it here, rather than with
 * requestDefaults expressions, spares n8n evaluating three expressions for every item.
 */
const endpointsByRun = new WeakMap<object, Promise<Endpoint>>();

async function readEndpoint(ctx: LoftyContext, credentialType: string, itemIndex?: number): Promise<Endpoint> {
	const credentials = await ctx.getCredentials<IDataObject>(credentialType, itemIndex);
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id;
	const baseURL = trimBaseUrl(credentials.baseUrl);
	const refusal = baseUrlRefusal(baseURL);
	// The API-key credential's authenticate adds the vendor key; n8n never runs an OAuth2
	// credential's authenticate, so for OAuth2 the transport adds it.
	const vendorKey = credentialType === OAUTH2_CREDENTIAL ? String(credentials.vendorSecretKey ?? '').trim() : '';
	return {
		baseURL,
		vendorKey: vendorKey || undefined,
		budgetKey: credentialId ? `${credentialType}:${credentialId}@${baseURL}` : budgetKey(credentialType, credentials),
		allowedDomains: refusal ? undefined : allowedDomainsOf(credentials, baseURL),
		secrets: secretsOf(credentials),
		refusal,
	};
}

/** Hosts a plain http:// Base URL may name: this machine, where nothing crosses a network. */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why the credential's Base URL must not be used, if it must not. The value itself is not quoted:
 * it may hold a password.
 */
function baseUrlRefusal(baseURL: string): Endpoint['refusal'] {
	const field = 'The credential\'s "Base URL"';
	let url: URL;
	try {
		url = new URL(baseURL);
	} catch {
		return { message: `${field} is not a web address`, description: 'Use https://api.lofty.com, or the https:// address of your Lofty sandbox or proxy.' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { message: `${field} must start with https://`, description: `Lofty's API is reached over https://, not ${url.protocol}//.` };
	}
	if (url.username || url.password) {
		return {
			message: `${field} must not contain a user name or password`,
			description: 'With "user:password@" in the address, n8n\'s HTTP client sends them as Basic auth in place of the Lofty key or token. Remove that part.',
		};
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		return {
			message: `${field} must start with https://`,
			description: 'Plain http:// would send the API key or token unencrypted; it is allowed only for a server on this machine (localhost, 127.x.x.x or [::1]).',
		};
	}
	return undefined;
}

/**
 * n8n 2.x lets a credential be limited to some domains; a node's own endpoint is always among them.
 * Lofty's endpoint is the credential's base URL.
 */
function allowedDomainsOf(credentials: IDataObject, baseURL: string): string | undefined {
	if (credentials.allowedHttpRequestDomains !== 'domains') return undefined;
	return [...new Set([new URL(baseURL).hostname, ...splitCommaList(credentials.allowedDomains)])].join(', ');
}

async function endpointFor(ctx: LoftyContext, credentialType: string, itemIndex?: number): Promise<Endpoint> {
	const run = ctx.getExecuteData?.();
	if (!run) return await readEndpoint(ctx, credentialType, itemIndex);
	let endpoint = endpointsByRun.get(run);
	if (!endpoint) {
		endpoint = readEndpoint(ctx, credentialType, itemIndex);
		endpointsByRun.set(run, endpoint);
		// A failed read (e.g. a missing credential) is not kept: the next item tries again.
		endpoint.catch(() => endpointsByRun.delete(run));
	}
	return await endpoint;
}

export interface RequestBehaviour {
	/**
	 * Whether sending the request twice is harmless. Defaults to the method (GET, PUT, DELETE are);
	 * set false for a write Lofty routes through PUT that creates something (e.g. Add Office).
	 */
	idempotent?: boolean;
}

/**
 * Sends one request to Lofty through the credential's shared budget.
 * Waits out 429s, retries transient failures when that cannot duplicate a write,
 * and turns any other failure into a NodeApiError with Lofty's own message.
 */
export async function loftyRequest(
	ctx: LoftyContext,
	options: IHttpRequestOptions,
	itemIndex?: number,
	behaviour: RequestBehaviour = {},
): Promise<LoftyResponse> {
	const node = ctx.getNode();
	const credentialType = credentialTypeOf(node);
	const signal = ctx.getExecutionCancelSignal?.();
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const request: IHttpRequestOptions = {
		...options,
		method,
		json: true,
		returnFullResponse: true,
		// Read the answer as text and parse it here, so 64-bit ids keep every digit.
		encoding: options.encoding ?? 'text',
		// Lofty's list filters are "array(multi)": tags=a&tags=b
		arrayFormat: 'repeat',
	};
	// Written here, not by the HTTP client, so ids above 2^53 keep every digit. An empty body
	// stays an object: n8n sends none for it.
	const body = options.body;
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && Object.keys(body).length > 0) {
		request.body = stringifyLoftyJson(body);
		request.headers = { ...(options.headers ?? {}), 'Content-Type': 'application/json' };
	}
	const endpoint = await endpointFor(ctx, credentialType, itemIndex);
	if (endpoint.refusal) {
		throw new NodeOperationError(node, endpoint.refusal.message, {
			itemIndex,
			description: `${endpoint.refusal.description} Nothing was sent to Lofty.`,
		});
	}
	request.baseURL = endpoint.baseURL;
	// Lofty's API does not redirect: a 3xx becomes an error (redirectError) and nothing goes to the
	// host it names. The second option covers an n8n that would follow regardless.
	request.disableFollowRedirect = true;
	request.sendCredentialsOnCrossOriginRedirect = false;
	if (endpoint.vendorKey) request.qs = { ...(options.qs ?? {}), vendorKey: endpoint.vendorKey };
	// A credential limited to some domains (n8n 2.x) is held to them here, its own host included.
	if (endpoint.allowedDomains) request.allowedDomains = endpoint.allowedDomains;
	const budget = budgetFor(endpoint.budgetKey);

	const idempotent = behaviour.idempotent ?? IDEMPOTENT_METHODS.has(method);
	const bound: WaitBound = { since: Date.now(), maxMs: maxWaitOf(node) };
	return await sendWithRetries(ctx, request, budget, bound, credentialType, idempotent, itemIndex, signal, endpoint.secrets);
}

/** The secrets to keep out of an error: those read with the endpoint, and a token n8n refreshed since. */
async function currentSecrets(ctx: LoftyContext, credentialType: string, known: string[], itemIndex?: number): Promise<string[]> {
	// Only an OAuth2 credential changes during a run (n8n refreshes its token on a 401).
	if (credentialType !== OAUTH2_CREDENTIAL) return known;
	try {
		return [...new Set([...known, ...secretsOf(await ctx.getCredentials<IDataObject>(credentialType, itemIndex))])];
	} catch {
		return known;
	}
}

/** The node's Max Rate Limit Wait (Request Options); triggers and dropdowns use the default. */
function maxWaitOf(node: INode): number {
	const options = node.parameters.requestOptions;
	const minutes = typeof options === 'object' && options !== null ? Number((options as IDataObject)[MAX_WAIT_OPTION]) : NaN;
	return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : DEFAULT_MAX_WAIT_MS;
}

/** A throttle or back-off wait; it fails when the execution is canceled or the wait would be too long. */
async function wait<T>(node: INode, itemIndex: number | undefined, waiting: Promise<T>): Promise<T> {
	try {
		return await waiting;
	} catch (error) {
		if (error instanceof RateLimitWaitError) {
			const next = error.nextWindowInMs === undefined ? '' : ` and the next window opens in ${formatWait(error.nextWindowInMs)}`;
			throw new NodeOperationError(node, error.message, {
				itemIndex,
				description:
					`It waited ${formatWait(error.waitedMs)}${next}. Raise "Max Rate Limit Wait" under Request Options, ` +
					'send fewer items per run, or add a vendor key for a higher limit.',
			});
		}
		// n8n marks a run as canceled when the error says so.
		throw new NodeOperationError(node, 'The execution was canceled while waiting for Lofty', { itemIndex });
	}
}

async function sendWithRetries(
	ctx: LoftyContext,
	request: IHttpRequestOptions,
	budget: ReturnType<typeof budgetFor>,
	bound: WaitBound,
	credentialType: string,
	idempotent: boolean,
	itemIndex: number | undefined,
	signal: AbortSignal | undefined,
	knownSecrets: string[],
): Promise<LoftyResponse> {
	const node = ctx.getNode();
	let rateLimited = 0;
	let transient = 0;
	for (;;) {
		const ticket = await wait(node, itemIndex, budget.acquire(signal, bound));
		let response: LoftyResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
				...request,
				headers: { ...(request.headers ?? {}) },
			})) as LoftyResponse;
		} catch (error) {
			const failure = describeFailure(error);
			if (failure.status === 429) {
				budget.exhausted(readRateLimitHeaders(failure.headers), ticket);
				if (++rateLimited <= MAX_RATE_LIMIT_RETRIES) continue;
			} else {
				budget.release(readRateLimitHeaders(failure.headers), ticket);
				if (signal?.aborted) {
					throw new NodeOperationError(node, 'The execution was canceled while waiting for Lofty', { itemIndex });
				}
				if (failure.status !== undefined && failure.status >= 300 && failure.status < 400) {
					const secrets = await currentSecrets(ctx, credentialType, knownSecrets, itemIndex);
					throw redirectError(node, failure, String(request.baseURL), secrets, itemIndex);
				}
				if (transient < TRANSIENT_BACKOFF_MS.length && mayRetryTransient(idempotent, failure)) {
					await wait(node, itemIndex, sleep(TRANSIENT_BACKOFF_MS[transient++], signal));
					continue;
				}
			}
			const secrets = await currentSecrets(ctx, credentialType, knownSecrets, itemIndex);
			throw apiError(node, failure, credentialType, error instanceof Error ? error.message : 'Request failed', secrets, itemIndex);
		}
		budget.release(readRateLimitHeaders(response.headers), ticket);
		let body: unknown;
		try {
			body = parseLoftyBody(response.body);
		} catch (error) {
			// The reader refuses only answers nested too deep (JsonTooDeepError).
			throw new NodeApiError(node, { message: 'unreadable answer' } as JsonObject, {
				message: `Lofty's answer cannot be read: ${(error as Error).message}`,
				description: `HTTP ${response.statusCode}. No Lofty record nests that deep; the answer is not used.`,
				httpCode: String(response.statusCode),
				itemIndex,
			});
		}
		if (typeof body === 'string' && /^\s*[{[]/.test(body) && /json/i.test(String(response.headers?.['content-type'] ?? ''))) {
			throw new NodeApiError(node, { message: 'malformed JSON' } as JsonObject, {
				message: 'Lofty answered with malformed JSON',
				description: `HTTP ${response.statusCode}; the answer began: ${serverText(body.trim(), await currentSecrets(ctx, credentialType, knownSecrets, itemIndex), 120)}`,
				httpCode: String(response.statusCode),
				itemIndex,
			});
		}
		return { ...response, body };
	}
}

/** Convenience for code paths outside declarative routing (dropdowns, Create or Update, triggers). */
export async function loftyApiCall(
	ctx: LoftyContext,
	method: IHttpRequestMethods,
	url: string,
	extra: { qs?: IDataObject; body?: IDataObject | IDataObject[] } = {},
	itemIndex?: number,
): Promise<unknown> {
	const options: IHttpRequestOptions = { method, url };
	if (extra.qs && Object.keys(extra.qs).length) options.qs = extra.qs;
	if (extra.body !== undefined) options.body = extra.body;
	return (await loftyRequest(ctx, options, itemIndex)).body;
}
