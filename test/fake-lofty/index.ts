/**
 * Fake Lofty Open API server for tests and the demo sandbox.
 *
 *   const fake = new FakeLofty({ rateLimit: { limit: 5, windowMs: 300, resetStyle: 'remaining-ms' } });
 *   const baseUrl = await fake.start();
 *   fake.seedLeads(25);
 *   ... run nodes against baseUrl ...
 *   expect(fake.findRequests('GET', '/v1.0/leads')[0].query).toEqual({ limit: '10' });
 *   await fake.stop();
 *
 * See README.md in this folder for routes, response shapes and seeded defaults.
 */
export { FakeLofty, ROUTE_GROUPS, JSON_CONTENT_TYPE, USER_NOT_EXIST_CODE } from './server';
export type {
	ResetStyle,
	RateLimitConfig,
	Fault,
	RecordedRequest,
	FakeLoftyOptions,
	ResolvedOptions,
	TimeFormat,
} from './types';
export {
	FakeLoftyData,
	SEED_BASE_TIME,
	MINUTE_MS,
	TEAM_ID,
	CURRENT_USER_ID,
	LEAD_ID_BASE,
	LEAD_USER_ID_OFFSET,
	TRANSACTION_ID_BASE,
	CALL_ID_BASE,
	EMAIL_ID_BASE,
	TEXT_ID_BASE,
	SYSTEM_LOG_ID_BASE,
	LISTING_ID_BASE,
	AGENT_COMMUNICATION_ID_BASE,
	SEED_FIRST_NAMES,
	SEED_LAST_NAMES,
	seededLeadEmail,
	seededLeadPhone,
	seededLeadTags,
	seededLeadSegments,
} from './data';
export type {
	LeadRecord,
	MemberRecord,
	TagRecord,
	SegmentRecord,
	StageRecord,
	NewLeadInput,
	TransactionRecord,
} from './data';
export { UNLIMITED } from './rate-limit';
export { LoftyError } from './errors';
export { Router } from './router';
export type { RouteContext, RouteHandler, RouteResponse, RouteOptions } from './router';
export { toUtcMinus7, parseUtcMinus7, toIsoSeconds } from './time';
export {
	OAUTH_TOKEN_PATH,
	OAUTH_CLIENT_ID,
	OAUTH_CLIENT_SECRET,
	OAUTH_CODE,
	OAUTH_REFRESH_TOKEN,
	CONSENT_PAGE_PATH,
	OAUTH_TOKEN_LIFETIME_S,
	OAuthState,
	basicCredentials,
	oauthOf,
} from './routes-oauth';
export type { OAuthClient } from './routes-oauth';
export { RANGE_TOO_LONG_MESSAGE, MAX_AGENT_COMMUNICATION_RANGE_MS } from './routes-communication';
