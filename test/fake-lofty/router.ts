/**
 * A small router: method + path pattern with `{param}` segments -> handler.
 * When several patterns match, the one with the most literal segments wins, so
 * `/v1.0/leads/createTime` beats `/v1.0/leads/{leadId}`.
 */
import type { IncomingHttpHeaders } from '../support/node';
import type { FakeLoftyData } from './data';
import type { ResolvedOptions } from './types';
import { badRequest } from './errors';
import { QueryReader } from './validate';

/** How the route reads its request body. */
export type BodyMode =
	| 'none' // body ignored
	| 'json' // JSON body required (application/json, not empty, valid)
	| 'json-optional' // JSON body allowed, may be empty
	| 'form'; // raw text handed over (OAuth token endpoint)

/** Which authentication the route needs. */
export type AuthMode = 'lofty' | 'none';

export interface RouteContext {
	method: string;
	path: string;
	params: Record<string, string>;
	query: QueryReader;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body ('json' routes), undefined when empty. */
	body: unknown;
	rawBody: string;
	/** Authenticated identity ('api-key' or 'oauth'); undefined for open routes. */
	identity: string | undefined;
	data: FakeLoftyData;
	options: ResolvedOptions;
	/** Hooks into the server for routes that change its state (OAuth token rotation). */
	server: ServerHooks;
}

export interface ServerHooks {
	rotateAccessToken(): string;
}

export interface RouteResponse {
	status?: number;
	/** JSON-encoded. */
	body?: unknown;
	/** Sent verbatim instead of body. */
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResponse;

export interface RouteOptions {
	body?: BodyMode;
	auth?: AuthMode;
}

export interface Route {
	method: string;
	pattern: string;
	handler: RouteHandler;
	body: BodyMode;
	auth: AuthMode;
	segments: Array<{ literal: string } | { param: string }>;
	literalCount: number;
}

export type MatchResult =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[]; auth: AuthMode }
	| { kind: 'not-found' };

function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s !== '');
}

export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: RouteHandler, opts: RouteOptions = {}): this {
		const segments = splitPath(pattern).map((seg) => {
			const m = /^\{(\w+)\}$/.exec(seg);
			return m ? { param: m[1] } : { literal: seg };
		});
		this.routes.push({
			method: method.toUpperCase(),
			pattern,
			handler,
			body: opts.body ?? 'none',
			auth: opts.auth ?? 'lofty',
			segments,
			literalCount: segments.filter((s) => 'literal' in s).length,
		});
		return this;
	}

	get(pattern: string, handler: RouteHandler, opts?: RouteOptions): this {
		return this.add('GET', pattern, handler, opts);
	}

	post(pattern: string, handler: RouteHandler, opts?: RouteOptions): this {
		return this.add('POST', pattern, handler, { body: 'json', ...opts });
	}

	put(pattern: string, handler: RouteHandler, opts?: RouteOptions): this {
		return this.add('PUT', pattern, handler, { body: 'json', ...opts });
	}

	delete(pattern: string, handler: RouteHandler, opts?: RouteOptions): this {
		return this.add('DELETE', pattern, handler, opts);
	}

	/** All registered routes (for documentation and coverage checks). */
	list(): Array<{ method: string; pattern: string }> {
		return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
	}

	match(method: string, path: string): MatchResult {
		const parts = splitPath(path);
		let best: { route: Route; params: Record<string, string> } | undefined;
		const otherMethods = new Set<string>();
		let otherAuth: AuthMode = 'lofty';
		for (const route of this.routes) {
			const params = matchSegments(route, parts);
			if (!params) continue;
			if (route.method !== method) {
				otherMethods.add(route.method);
				otherAuth = route.auth;
				continue;
			}
			if (!best || route.literalCount > best.route.literalCount) best = { route, params };
		}
		if (best) return { kind: 'found', ...best };
		if (otherMethods.size > 0) return { kind: 'method-not-allowed', allowed: [...otherMethods], auth: otherAuth };
		return { kind: 'not-found' };
	}
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
	if (route.segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const seg = route.segments[i];
		if ('literal' in seg) {
			if (seg.literal !== parts[i]) return undefined;
		} else {
			let value: string;
			try {
				value = decodeURIComponent(parts[i]);
			} catch {
				return undefined;
			}
			params[seg.param] = value;
		}
	}
	return params;
}

/** A path parameter declared integer(int64): anything else is a 400 naming it. */
export function pathId(ctx: RouteContext, name: string): number {
	const text = ctx.params[name];
	if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
		throw badRequest(`${name} is not valid: ${text ?? ''}`);
	}
	return Number(text);
}
