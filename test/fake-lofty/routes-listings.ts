/**
 * Listings: GET /v1.0/listing with an opaque nextPageKey cursor.
 */
import type { ListingRecord } from './data';
import type { Router } from './router';
import type { TimeFormat } from './types';
import { badRequest, LIMIT_NOT_VALID } from './errors';
import { formatTime } from './time';

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
