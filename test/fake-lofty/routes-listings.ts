/**
 * Listings: GET /v1.0/listing with an opaque nextPageKey cursor, and the published
 * listings feed GET /v1.0/getPublishedListings (XML, or JSON when a test asks for it).
 */
import type { FakeLoftyData, ListingRecord } from './data';
import type { RouteContext, Router } from './router';
import type { TimeFormat } from './types';
import { badRequest, LIMIT_NOT_VALID, LoftyError } from './errors';
import { formatTime, toIsoSeconds } from './time';

export const MAX_LISTING_LIMIT = 100;

/** The cursor is base64url JSON `{"after": <last listing id>}`; clients must treat it as opaque. */
function encodeKey(lastId: number): string {
	return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

function decodeKey(key: string): number {
	try {
		const parsed: unknown = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
		if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { after?: unknown }).after === 'number') {
			return (parsed as { after: number }).after;
		}
	} catch {
		// fall through
	}
	throw badRequest(`nextPageKey is not valid: '${key}'`);
}

/** The reference gives no schema: a plausible listing object. */
function renderListing(l: ListingRecord, f: TimeFormat): Record<string, unknown> {
	return {
		id: l.id,
		listingId: l.listingId,
		mlsListingId: l.mlsListingId,
		userId: l.userId,
		streetAddress: l.streetAddress,
		city: l.city,
		state: l.state,
		zipCode: l.zipCode,
		price: l.price,
		bedrooms: l.bedrooms,
		bathrooms: l.bathrooms,
		squareFeet: l.squareFeet,
		propertyType: l.propertyType,
		listingStatus: l.listingStatus,
		buildingName: l.buildingName,
		listDate: formatTime(l.listDate, f),
		pictureUrl: `https://example.com/photos/${l.listingId}.jpg`,
		siteListingUrl: `https://example.com/listing/${l.listingId}`,
	};
}

/**
 * 5.15.2 GET /v1.0/listing -> `{"listings": [...], "nextPageKey": "<opaque>" | null}`
 * in ascending id order. limit default 10, 1..100 (else LIMIT_NOT_VALID). nextPageKey is
 * null exactly when no listing follows the page. Filters: userId, listingId,
 * mlsListingIds (comma-separated), street (substring of streetAddress, case-insensitive),
 * buildingName, buildingAddress (same as street). Other parameters are accepted.
 */
export function registerListingRoutes(router: Router): void {
	registerPublishedListingRoutes(router);
	router.get('/v1.0/listing', (ctx) => {
		const { query, data, options } = ctx;
		const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
		if (limit < 1 || limit > MAX_LISTING_LIMIT) throw badRequest(LIMIT_NOT_VALID);
		const key = query.str('nextPageKey');
		const after = key === undefined ? undefined : decodeKey(key);
		const userId = query.int('userId');
		const listingId = query.str('listingId');
		const mls = query.str('mlsListingIds')?.split(',').map((s) => s.trim()).filter(Boolean);
		const street = (query.str('street') ?? query.str('buildingAddress'))?.toLowerCase();
		const buildingName = query.str('buildingName');
		for (const flag of ['agentListings', 'officeListings', 'showCondition']) query.bool(flag);
		const list = data.listings
			.filter((l) => userId === undefined || l.userId === userId)
			.filter((l) => listingId === undefined || l.listingId === listingId)
			.filter((l) => mls === undefined || mls.includes(l.mlsListingId))
			.filter((l) => street === undefined || l.streetAddress.toLowerCase().includes(street))
			.filter((l) => buildingName === undefined || l.buildingName === buildingName)
			.sort((a, b) => a.id - b.id);
		const rest = after === undefined ? list : list.filter((l) => l.id > after);
		const page = rest.slice(0, limit);
		const more = rest.length > page.length;
		return {
			body: {
				listings: page.map((l) => renderListing(l, options.timeFormat)),
				nextPageKey: more ? encodeKey(page[page.length - 1].id) : null,
			},
		};
	});
}

// ------------------------------------------------------------------ published listings feed

/** The feed types the reference names for GET /v1.0/getPublishedListings `type`. */
export const PUBLISHED_FEED_TYPES = ['LuxVT', 'AptCom', 'AllOnMarket'] as const;
export type PublishedFeedType = (typeof PUBLISHED_FEED_TYPES)[number];
/** LuxVT (chosen): listings at or above this price. */
export const LUXURY_MIN_PRICE = 320_000;
export const XML_CONTENT_TYPE = 'application/xml;charset=UTF-8';
export const NOT_ACCEPTABLE_MESSAGE = 'Could not find acceptable representation';

/**
 * How the feed answers: 'xml' as the reference says (default), 'json' as Lofty might after
 * all, or 'json-string' (the XML document as a JSON string, the reference's "string" schema).
 */
export type PublishedListingsFormat = 'xml' | 'json' | 'json-string';
const publishedFormats = new WeakMap<FakeLoftyData, PublishedListingsFormat>();

/** Tests switch the feed's answer format per data instance (`env.fake.data`). */
export function setPublishedListingsFormat(data: FakeLoftyData, format: PublishedListingsFormat): void {
	publishedFormats.set(data, format);
}

export function publishedListingsFormat(data: FakeLoftyData): PublishedListingsFormat {
	return publishedFormats.get(data) ?? 'xml';
}

/** Which listings a feed type publishes (chosen: the reference does not say). */
export function inPublishedFeed(listing: ListingRecord, type: PublishedFeedType): boolean {
	if (listing.listingStatus !== 'Active') return false;
	if (type === 'LuxVT') return listing.price >= LUXURY_MIN_PRICE;
	if (type === 'AptCom') return listing.propertyType === 'Condo';
	return true;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function publishedDescription(l: ListingRecord): string {
	return `Bright ${l.bedrooms}-bedroom home at ${l.streetAddress} & <b>close to downtown</b>`;
}

function publishedTitle(l: ListingRecord): string {
	return `${l.streetAddress}, ${l.city} – ${l.bedrooms} bd & ${l.bathrooms} ba`;
}

function photoUrls(l: ListingRecord): string[] {
	return [1, 2].map((n) => `https://example.com/photos/${l.listingId}-${n}.jpg`);
}

function feedUrl(l: ListingRecord, type: string): string {
	return `https://example.com/listing/${l.listingId}?ref=feed&type=${type}`;
}

/** A plausible syndication feed entry: attributes, entities, CDATA, repeats, self-closing tags. */
function renderPublishedXml(data: FakeLoftyData, l: ListingRecord, type: string): string {
	const agent = data.member(l.userId);
	const lines = [
		`  <listing id="${l.id}">`,
		`    <listingId>${escapeXml(l.listingId)}</listingId>`,
		`    <mlsListingId>${escapeXml(l.mlsListingId)}</mlsListingId>`,
		`    <status>${escapeXml(l.listingStatus)}</status>`,
		`    <title>${escapeXml(publishedTitle(l))}</title>`,
		`    <price currency="USD">${l.price}</price>`,
		'    <address>',
		`      <street>${escapeXml(l.streetAddress)}</street>`,
		`      <city>${escapeXml(l.city)}</city>`,
		`      <state>${escapeXml(l.state)}</state>`,
		`      <zipCode>${escapeXml(l.zipCode)}</zipCode>`,
		'    </address>',
		`    <details bedrooms="${l.bedrooms}" bathrooms="${l.bathrooms}" squareFeet="${l.squareFeet}">`,
		`      <propertyType>${escapeXml(l.propertyType)}</propertyType>`,
		'    </details>',
		l.buildingName === null ? '    <buildingName/>' : `    <buildingName>${escapeXml(l.buildingName)}</buildingName>`,
		`    <description><![CDATA[${publishedDescription(l)}]]></description>`,
		agent
			? `    <agent id="${agent.id}"><name>${escapeXml(`${agent.firstName} ${agent.lastName}`)}</name><email>${escapeXml(agent.email)}</email></agent>`
			: '    <agent/>',
		'    <photos>',
		...photoUrls(l).map((url) => `      <photo>${escapeXml(url)}</photo>`),
		'    </photos>',
		`    <url>${escapeXml(feedUrl(l, type))}</url>`,
		`    <listDate>${toIsoSeconds(l.listDate)}</listDate>`,
		'  </listing>',
	];
	return lines.join('\n');
}

function renderPublishedJson(data: FakeLoftyData, l: ListingRecord, type: string): Record<string, unknown> {
	const agent = data.member(l.userId);
	return {
		id: l.id,
		listingId: l.listingId,
		mlsListingId: l.mlsListingId,
		status: l.listingStatus,
		title: publishedTitle(l),
		price: l.price,
		currency: 'USD',
		address: { street: l.streetAddress, city: l.city, state: l.state, zipCode: l.zipCode },
		details: { bedrooms: l.bedrooms, bathrooms: l.bathrooms, squareFeet: l.squareFeet, propertyType: l.propertyType },
		buildingName: l.buildingName,
		description: publishedDescription(l),
		agent: agent ? { id: agent.id, name: `${agent.firstName} ${agent.lastName}`, email: agent.email } : null,
		photos: photoUrls(l),
		url: feedUrl(l, type),
		listDate: toIsoSeconds(l.listDate),
	};
}

/** Whether an Accept header allows an XML answer (absent = anything goes, as in Spring). */
function acceptsXml(accept: string | undefined): boolean {
	if (accept === undefined || accept.trim() === '') return true;
	return accept.split(',').some((range) => {
		const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
		const q = params.find((param) => param.startsWith('q='));
		if (q !== undefined && Number(q.slice(2)) <= 0) return false;
		return ['application/xml', 'text/xml', 'application/*', 'text/*', '*/*'].includes(type);
	});
}

/**
 * 5.15.1 GET /v1.0/getPublishedListings?type=LuxVT|AptCom|AllOnMarket -> the feed as
 * `application/xml` (chosen shape): `<listings type count>` with one `<listing id>` per
 * published listing in ascending id order. `type` defaults to AllOnMarket; another value
 * -> 400. Spring-like content negotiation: an Accept header that allows no XML type -> 406.
 * The format can be switched to JSON `{type, count, listings: [...]}` or to the XML inside
 * a JSON string with `setPublishedListingsFormat` (then Accept is not checked).
 */
export function registerPublishedListingRoutes(router: Router): void {
	router.get('/v1.0/getPublishedListings', (ctx: RouteContext) => {
		const { query, data } = ctx;
		const type = query.str('type') ?? 'AllOnMarket';
		if (!(PUBLISHED_FEED_TYPES as readonly string[]).includes(type)) throw badRequest(`type is not valid: ${type}`);
		const listings = data.listings
			.filter((l) => inPublishedFeed(l, type as PublishedFeedType))
			.sort((a, b) => a.id - b.id);
		const format = publishedListingsFormat(data);
		if (format === 'json') {
			return { body: { type, count: listings.length, listings: listings.map((l) => renderPublishedJson(data, l, type)) } };
		}
		const accept = ctx.headers.accept;
		if (format === 'xml' && !acceptsXml(Array.isArray(accept) ? accept.join(',') : accept)) {
			throw new LoftyError(406, { code: 406, message: NOT_ACCEPTABLE_MESSAGE });
		}
		const root =
			listings.length === 0
				? `<listings type="${escapeXml(type)}" count="0"/>`
				: [
						`<listings type="${escapeXml(type)}" count="${listings.length}">`,
						...listings.map((l) => renderPublishedXml(data, l, type)),
						'</listings>',
					].join('\n');
		const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Published listings feed -->\n${root}\n`;
		if (format === 'json-string') return { body: xml };
		return { rawBody: xml, contentType: XML_CONTENT_TYPE };
	});
}
