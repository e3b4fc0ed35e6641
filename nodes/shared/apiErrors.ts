import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { API_KEY_CREDENTIAL } from './credentialTypes';
import { headerOf } from './objects';
import { clipped } from './text';

/**
 * Lofty's failures as node errors: Lofty's own words and status, never a secret of the
 * credential, and a Base URL refused before anything is sent to it.
 */

/** How much of the server's own words an error repeats. */
const SERVER_TEXT_LIMIT = 200;
const HIDDEN = '[hidden]';

/** Why a credential's Base URL must not be used. */
export interface BaseUrlRefusal {
	message: string;
	description: string;
}

export interface HttpFailure {
	status?: number;
	code?: string;
	headers?: Record<string, unknown>;
	data?: unknown;
}

/** Finds the HTTP response (or socket error code) inside whatever n8n's request helper threw. */
export function describeFailure(error: unknown): HttpFailure {
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
export function secretsOf(credentials: IDataObject): string[] {
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
export function serverText(text: string, secrets: string[], limit = SERVER_TEXT_LIMIT): string {
	let scrubbed = text;
	for (const secret of secrets) scrubbed = scrubbed.split(secret).join(HIDDEN);
	scrubbed = scrubbed.replace(AUTH_VALUE, (match, scheme: string, gap: string, value: string) =>
		/[\d._~+/=-]/.test(value) ? `${scheme}${gap}${HIDDEN}` : match,
	);
	return clipped(scrubbed, limit);
}

/**
 * Lofty's API does not redirect, and a redirect would carry the key (and a POST's body) to
 * whatever host it names: the nodes never follow one. The error names the status and that host.
 */
export function redirectError(node: INode, failure: HttpFailure, baseURL: string, secrets: string[], itemIndex?: number): NodeApiError {
	const status = failure.status as number;
	const location = headerOf(failure.headers, 'location')?.trim() || undefined;
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

export function apiError(
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

/** Hosts a plain http:// Base URL may name: this machine, where nothing crosses a network. */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why the credential's Base URL must not be used, if it must not. The value itself is not quoted:
 * it may hold a password.
 */
export function baseUrlRefusal(baseURL: string): BaseUrlRefusal | undefined {
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
