import { createHash } from 'crypto';
import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { BaseUrlRefusal, HttpFailure } from './apiErrors';
import { apiError, baseUrlRefusal, describeFailure, redirectError, secretsOf, serverText } from './apiErrors';
import { API_KEY_CREDENTIAL, OAUTH2_CREDENTIAL } from './credentialTypes';
import { parseLoftyBody, stringifyLoftyJson } from './json';
import type { WaitBound } from './throttle';
import { DEFAULT_MAX_WAIT_MS, RateLimitWaitError, budgetFor, formatWait, readRateLimitHeaders } from './throttle';
import { splitCommaList, withoutTrailingSlashes } from './text';

export { API_KEY_CREDENTIAL, OAUTH2_CREDENTIAL } from './credentialTypes';
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
	refusal?: BaseUrlRefusal;
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
