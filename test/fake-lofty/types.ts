/**
 * Public types of the fake Lofty server (see index.ts for the entry point).
 */

/** How `X-RateLimit-Reset` is written. */
export type ResetStyle = 'remaining-ms' | 'epoch-seconds' | 'epoch-ms' | 'none';

export interface RateLimitConfig {
	/** Requests allowed per window and per authenticated identity. */
	limit: number;
	/** Window length; a window starts with the first request after the previous one ended. */
	windowMs: number;
	/** Format of `X-RateLimit-Reset` ('none' = send no rate-limit headers, but still limit). */
	resetStyle: ResetStyle;
}

export interface Fault {
	/** Match on the method (uppercase); any method when absent. */
	method?: string;
	/** Match on the pathname (a string must be equal); any path when absent. */
	path?: string | RegExp;
	/** How many matching requests it hits (default 1). */
	times?: number;
	/** HTTP status to answer with (default 500). */
	status?: number;
	/** JSON-encoded body (a string here becomes a bare JSON string like "\"boom\""). */
	body?: unknown;
	/** Sent verbatim instead of `body` (an HTML page, malformed JSON, ...). */
	rawBody?: string;
	/** Default application/json. */
	contentType?: string;
	headers?: Record<string, string>;
	/** 'reset' destroys the socket without answering; 'hang' never answers. Default 'http'. */
	kind?: 'http' | 'reset' | 'hang';
}

export interface RecordedRequest {
	method: string;
	/** Pathname only. */
	path: string;
	/** Repeated keys (tags=a&tags=b) become arrays. */
	query: Record<string, string | string[]>;
	/** Parsed JSON, or the raw string when it is not JSON, or undefined when empty. */
	body: unknown;
	/** The body exactly as sent (JSON numbers keep every digit here). */
	rawBody: string;
	headers: Record<string, string | string[] | undefined>;
	/** Status the fake answered (0 for reset/hang). */
	status: number;
	/** Date.now() when received. */
	at: number;
	/** The client's TCP port (tells the sending process apart when several share the fake). */
	remotePort?: number;
	/** When the rate-limit window this request was counted in began (rate-limited routes only). */
	rateWindow?: number;
}

/** Format of the date-time strings the fake writes (lead createTime, call createTime, ...). */
export type TimeFormat = 'iso' | 'utc-7';

export interface FakeLoftyOptions {
	/** Accepted as `Authorization: token <apiKey>`. Default 'test-api-key'. */
	apiKey?: string;
	/** Accepted as `Authorization: Bearer <accessToken>`. Default 'test-access-token'. */
	accessToken?: string;
	/** Default: no limiting (headers still sent, with limit 1000000). */
	rateLimit?: RateLimitConfig;
	/** currentId paging: false = records with id > currentId, true = id >= currentId. Default false. */
	currentIdInclusive?: boolean;
	/** Wrap every lead of a lead search as `{lead: {...}}` (reference section 3 example). Default false. */
	wrapLeadEntries?: boolean;
	/** Wrap GET /v1.0/leads/{leadId} as `{lead: {...}}` (newer Lofty docs say so). Default false. */
	wrapGetLead?: boolean;
	/**
	 * Date-time strings in responses: 'iso' = `2024-01-01T00:00:00Z` (UTC),
	 * 'utc-7' = `2023-12-31 17:00:00` (wall time at UTC-7, the same form as the
	 * leadCreateTime/leadUpdateTime search parameters). Default 'iso'.
	 */
	timeFormat?: TimeFormat;
	/**
	 * Eventual consistency: GET /v1.0/leads/{leadId} answers 404 for a lead created through
	 * POST /v1.0/leads until this many ms have passed. Default 0.
	 */
	createVisibilityDelayMs?: number;
}

export interface ResolvedOptions {
	apiKey: string;
	accessToken: string;
	currentIdInclusive: boolean;
	wrapLeadEntries: boolean;
	wrapGetLead: boolean;
	timeFormat: TimeFormat;
	createVisibilityDelayMs: number;
}
