import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemContext } from '../shared/hooks';
import { sendHook } from '../shared/hooks';
import type { PagingOptions } from '../shared/pagination';
import { collectPages } from '../shared/pagination';
import { limitOf } from '../shared/send';
import { JsonTooDeepError, quoteUnsafeIntegers } from '../shared/json';
import { headerOf } from '../shared/objects';
import { clipped } from '../shared/text';
import { loftyRequest } from '../shared/transport';
import type { XmlElement } from './xml';
import { isElement, parseXml, textOf, XmlSyntaxError } from './xml';
import { elementToJson } from './xmlJson';

/** GET /v1.0/listing: `limit` 1..100 and an opaque `nextPageKey` cursor. */
export const LISTING_PAGE_SIZE = 100;
const listingPaging: PagingOptions = { style: 'nextPageKey', pageSize: LISTING_PAGE_SIZE, records: 'listings' };

/** The feed answers XML (reference 5.15.1); JSON is accepted too in case Lofty sends it after all. */
export const FEED_ACCEPT = 'application/xml, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

const PUBLISHED_OPERATION = 'Get Published Listings';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}


// ---------------------------------------------------------------- body readings

/** Keys under which a JSON answer may hold its list of listings. */
const LIST_KEYS = ['listings', 'properties', 'data', 'list', 'records', 'items', 'results', 'result', 'rows', 'pageData'];
/** Keys that hold one listing (an XML feed turned into JSON with a single entry). */
const SINGLE_KEYS = ['listing', 'property'];
/** Fields that mark an object as a listing rather than an envelope. */
const RECORD_HINTS = ['id', 'listingId', 'mlsListingId', 'listingKey'];

function ownKey(value: IDataObject, name: string): string | undefined {
	const wanted = name.toLowerCase();
	return Object.keys(value).find((key) => key.toLowerCase() === wanted);
}

/** One listing record: `{listing: {...}}` wrappers are opened, scalars become `{value}`. */
function asRecord(entry: unknown): IDataObject {
	if (isObject(entry)) {
		const keys = Object.keys(entry);
		if (keys.length === 1 && SINGLE_KEYS.includes(keys[0].toLowerCase()) && isObject(entry[keys[0]])) {
			return entry[keys[0]] as IDataObject;
		}
		return entry;
	}
	return { value: entry as IDataObject[string] };
}

/**
 * The listings inside a JSON answer, whatever its envelope: a bare array; `{listings: [...]}`
 * or another list key (also named by `_metadata.collection`); wrappers such as
 * `{data: {listings: [...]}}` or `{feed: {...}}`; `{listing: {...}}` for a single listing;
 * an object with exactly one list of objects; otherwise the object itself is one listing.
 */
export function listFromJson(value: unknown, depth = 0): IDataObject[] {
	if (Array.isArray(value)) return value.map(asRecord);
	if (!isObject(value)) return value === undefined || value === null || value === '' ? [] : [asRecord(value)];
	if (depth > 6) return [value];

	const metadata = isObject(value._metadata) ? value._metadata : {};
	const collection = typeof metadata.collection === 'string' ? metadata.collection : undefined;
	for (const name of [collection, ...LIST_KEYS, ...SINGLE_KEYS]) {
		const key = name ? ownKey(value, name) : undefined;
		if (!name || !key) continue;
		const inner = value[key];
		if (Array.isArray(inner)) return inner.map(asRecord);
		if (inner === null || inner === '') return [];
		if (isObject(inner)) {
			return SINGLE_KEYS.includes(name) ? [inner] : listFromJson(inner, depth + 1);
		}
	}

	if (RECORD_HINTS.some((hint) => ownKey(value, hint) !== undefined)) return [value];
	const keys = Object.keys(value).filter((key) => key !== '_metadata');
	if (keys.length === 1 && (isObject(value[keys[0]]) || Array.isArray(value[keys[0]]))) {
		return listFromJson(value[keys[0]], depth + 1);
	}
	const lists = keys.filter((key) => Array.isArray(value[key]) && (value[key] as unknown[]).every(isObject));
	if (lists.length === 1) return (value[lists[0]] as unknown[]).map(asRecord);
	return [value];
}

/** Charset of a byte answer: BOM first, then the HTTP charset, then the XML declaration (RFC 7303). */
function charsetOf(bytes: Buffer, contentType: string): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	const header = /charset\s*=\s*"?([^;"\s]+)/i.exec(contentType);
	if (header) return header[1];
	const declaration = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 256).toString('latin1'));
	return declaration ? declaration[1] : 'utf-8';
}

export function decodeBytes(bytes: Buffer, contentType = ''): string {
	const charset = charsetOf(bytes, contentType);
	try {
		return new TextDecoder(charset).decode(bytes);
	} catch {
		// An unknown charset label: UTF-8 is what Lofty sends everywhere else.
		return bytes.toString('utf8');
	}
}

/** What Lofty's answer turned out to be, with its bytes for the raw file output. */
export type FeedBody =
	| { format: 'xml'; text: string; bytes: Buffer }
	| { format: 'json'; value: unknown; bytes: Buffer }
	| { format: 'empty'; bytes: Buffer }
	| { format: 'invalid'; reason: string; bytes: Buffer };

function classifyText(text: string, bytes: Buffer, nested: boolean): FeedBody {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') return { format: 'empty', bytes };
	if (trimmed.startsWith('<')) return { format: 'xml', text: trimmed, bytes };
	if (/^([[{"]|-?\d|true\b|false\b|null\b)/.test(trimmed)) {
		let value: unknown;
		try {
			// The shared reader: nesting past MAX_NESTING is refused, 64-bit ids keep every digit.
			value = JSON.parse(quoteUnsafeIntegers(trimmed));
		} catch (error) {
			if (error instanceof JsonTooDeepError) return { format: 'invalid', reason: error.message, bytes };
			return { format: 'invalid', reason: `it looks like JSON but is not valid JSON (${(error as Error).message})`, bytes };
		}
		// The reference types the answer as "string": the XML may come as a JSON string.
		if (typeof value === 'string' && !nested) return classifyText(value, Buffer.from(value, 'utf8'), true);
		return { format: 'json', value, bytes };
	}
	const preview = clipped(trimmed, 80);
	return { format: 'invalid', reason: `it is neither XML nor JSON: "${preview}"`, bytes };
}

/**
 * Reads Lofty's answer in every form n8n's request helper may hand it over: bytes (what this
 * node asks for), a string (an XML body when the helper decodes text), or a value the helper
 * already parsed as JSON.
 */
export function readFeedBody(body: unknown, contentType = ''): FeedBody {
	if (body === undefined || body === null) return { format: 'empty', bytes: Buffer.alloc(0) };
	if (Buffer.isBuffer(body) || body instanceof Uint8Array || body instanceof ArrayBuffer) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body instanceof ArrayBuffer ? new Uint8Array(body) : body);
		return classifyText(decodeBytes(bytes, contentType), bytes, false);
	}
	if (typeof body === 'string') return classifyText(body, Buffer.from(body, 'utf8'), false);
	return { format: 'json', value: body, bytes: Buffer.from(JSON.stringify(body), 'utf8') };
}

// ---------------------------------------------------------------- XML feed to items

const LISTING_NAME_RE = /^(listing|property)$/i;
const LIST_NAME_RE = /^(listings|properties)$/i;

function localName(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}

function hasContent(element: XmlElement): boolean {
	return element.attributes.length > 0 || element.children.some(isElement);
}

/** Every element with this name (or local name) in document order, not looking inside a match. */
function elementsNamed(root: XmlElement, name: string): XmlElement[] {
	const found: XmlElement[] = [];
	const pending: XmlElement[] = [root];
	while (pending.length) {
		const element = pending.pop() as XmlElement;
		if (element.name === name || localName(element.name) === name) found.push(element);
		else pending.push(...element.children.filter(isElement).reverse());
	}
	return found;
}

/**
 * The elements that are listings in a parsed feed. With `listElement` those elements;
 * otherwise: walk down through wrapper elements (one child element that has content of its
 * own) and take the most repeated child element name there; a lone <listing>/<property>
 * (any namespace prefix) is a list of one; <listings>/<properties> without listings, or an
 * element with neither child elements nor text, is no listing; anything else is one record.
 */
export function listingElements(root: XmlElement, listElement = ''): XmlElement[] {
	const wanted = listElement.trim().replace(/^<|\/?>$/g, '');
	if (wanted) return elementsNamed(root, wanted);

	let current = root;
	for (;;) {
		if (LISTING_NAME_RE.test(localName(current.name))) return [current];
		const children = current.children.filter(isElement);
		const groups = new Map<string, XmlElement[]>();
		for (const child of children) {
			const group = groups.get(child.name);
			if (group) group.push(child);
			else groups.set(child.name, [child]);
		}
		let best: XmlElement[] | undefined;
		for (const group of groups.values()) {
			// Repeated text-only fields (<photo>url</photo>) make a list only when nothing else is there.
			const isList = group.length > 1 && (group.some(hasContent) || groups.size === 1);
			if (isList && (!best || group.length > best.length)) best = group;
		}
		if (best) return best;
		const named = children.filter((child) => LISTING_NAME_RE.test(localName(child.name)));
		if (named.length) return named;
		if (children.length === 1 && hasContent(children[0])) {
			current = children[0];
			continue;
		}
		// A list container with no listings in it (e.g. <listings count="0"/>) is an empty feed.
		if (LIST_NAME_RE.test(localName(current.name)) || (children.length === 0 && textOf(current) === '')) return [];
		return [current];
	}
}

/** One item per listing element: its JSON form, or `{<name>: text}` for a text-only element. */
export function listingsFromXml(text: string, listElement = ''): IDataObject[] {
	const root = parseXml(text);
	if (!root) return [];
	return listingElements(root, listElement).map((element) => {
		const value = elementToJson(element);
		return typeof value === 'string' ? { [element.name]: value } : value;
	});
}

// ---------------------------------------------------------------- Get Many (GET /v1.0/listing)

/** The parsed root element, or why the text is not well-formed XML. */
function parseXmlOrReason(text: string): XmlElement | undefined | string {
	try {
		return parseXml(text);
	} catch (error) {
		if (error instanceof XmlSyntaxError) return `it is not well-formed XML: ${error.message}`;
		return (error as Error).message;
	}
}

function cursorIn(value: unknown): string | undefined {
	if (!isObject(value)) return undefined;
	for (const holder of [value, value._metadata, value.data]) {
		if (!isObject(holder)) continue;
		const raw = holder.nextPageKey;
		if (typeof raw === 'string' && raw.trim() !== '') return raw;
		if (typeof raw === 'number') return String(raw);
	}
	return undefined;
}

/**
 * Turns one answer of GET /v1.0/listing into `{listings, nextPageKey}` for the shared
 * paginator, which also refuses a cursor Lofty already gave and drops listings already
 * emitted. The reference types the answer as "string", so a JSON document inside a JSON
 * string is read too.
 */
export function listingPage(body: unknown): { listings: IDataObject[]; nextPageKey: string | null; invalid?: string } {
	const feed = readFeedBody(body);
	if (feed.format === 'invalid') return { listings: [], nextPageKey: null, invalid: feed.reason };
	let value: unknown;
	if (feed.format === 'json') value = feed.value;
	else if (feed.format === 'xml') {
		// Documented as JSON; should it come as XML, its root element is read as the envelope.
		const root = parseXmlOrReason(feed.text);
		if (typeof root === 'string') return { listings: [], nextPageKey: null, invalid: root };
		value = root ? elementToJson(root) : undefined;
	}
	return { listings: listFromJson(value), nextPageKey: cursorIn(value) ?? null };
}

/** Get Many: the shared nextPageKey paginator over `listingPage`, on the shared throttle. */
export const getManyListings = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const maxResults = limitOf(this);
	const send = async (options: IHttpRequestOptions) => {
		const page = listingPage((await loftyRequest(this, options, itemIndex)).body);
		if (page.invalid) {
			throw new NodeOperationError(this.getNode(), `Get Many: could not read Lofty's answer: ${page.invalid}`, { itemIndex });
		}
		return page;
	};
	const records = await collectPages(send, requestData.options as IHttpRequestOptions, listingPaging, maxResults, this.getNode(), itemIndex);
	return records.map((json) => ({ json }));
});

// ---------------------------------------------------------------- Get Published Listings

function withAccept(headers: IDataObject | undefined, accept: string): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== 'accept' && key.toLowerCase() !== 'content-type') out[key] = value;
	}
	out.Accept = accept;
	return out;
}

function unreadable(ctx: ItemContext, itemIndex: number, reason: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${PUBLISHED_OPERATION}: could not read Lofty's feed: ${reason}`, {
		itemIndex,
		description: 'Set "Output" to "Raw XML File" to get the feed exactly as Lofty sent it.',
	});
}

/**
 * Get Published Listings: GET /v1.0/getPublishedListings answers an XML feed. Asks for the
 * raw bytes, then either stores them as a binary file or converts the feed into one item per
 * listing; a JSON answer is read as well.
 */
export const getPublishedListings = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const output = this.getNodeParameter('output', 'items') as string;
	const feedType = String(this.getNodeParameter('feedType', '') ?? '');

	let binaryProperty = '';
	let maxResults: number | undefined;
	if (output === 'binary') {
		binaryProperty = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
		if (binaryProperty === '') {
			throw new NodeOperationError(this.getNode(), '"Put Output File in Field" is required', {
				itemIndex,
				description: 'Name the binary field the feed goes into, e.g. "data". Nothing was sent to Lofty.',
			});
		}
	} else {
		maxResults = limitOf(this);
	}

	const base = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(
		this,
		{ ...base, headers: withAccept(base.headers, FEED_ACCEPT), encoding: 'arraybuffer' },
		itemIndex,
	);
	const contentType = (headerOf(response.headers, 'content-type') ?? '');
	const feed = readFeedBody(response.body, contentType);

	if (output === 'binary') {
		const isJson = feed.format === 'json';
		const mimeType = isJson ? 'application/json' : contentType.split(';')[0].trim() || 'application/xml';
		const fileName = `published-listings${feedType ? `-${feedType}` : ''}.${isJson ? 'json' : 'xml'}`;
		const binary = await this.helpers.prepareBinaryData(feed.bytes, fileName, mimeType);
		return [
			{
				json: { feedType: feedType || null, format: feed.format, fileName, mimeType, bytes: feed.bytes.length },
				binary: { [binaryProperty]: binary },
			},
		];
	}

	let records: IDataObject[];
	switch (feed.format) {
		case 'empty':
			records = [];
			break;
		case 'invalid':
			throw unreadable(this, itemIndex, feed.reason);
		case 'json':
			records = listFromJson(feed.value);
			break;
		case 'xml': {
			const listElement = String(this.getNodeParameter('options.listElement', '') ?? '');
			try {
				records = listingsFromXml(feed.text, listElement);
			} catch (error) {
				if (error instanceof XmlSyntaxError) {
					throw unreadable(this, itemIndex, `it is not well-formed XML: ${error.message}`);
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			break;
		}
	}
	const kept = maxResults === undefined ? records : records.slice(0, maxResults);
	return kept.map((json) => ({ json }));
});
