import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { 
	decodeBytes,
	listFromJson,
	listingElements,
	listingPage,
	listingsFromXml,
	readFeedBody,
} from '../nodes/LoftyListing/LoftyListingFunctions';
import { LoftyListing } from '../nodes/LoftyListing/LoftyListing.node';
import { MAX_DEPTH, parseXml, textOf, XmlSyntaxError } from '../nodes/LoftyListing/xml';
import { elementToJson, xmlToJson } from '../nodes/LoftyListing/xmlJson';
import { 
	LUXURY_MIN_PRICE,
	NOT_ACCEPTABLE_MESSAGE,
	setPublishedListingsFormat,
	XML_CONTENT_TYPE,
} from './fake-lofty/routes-listings';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyListing();
const { runOk } = nodeRunner(env, node, { resource: 'listing' });
const NODE_NAME = 'Lofty Listing';
const LISTINGS = 250;

beforeAll(() => env.fake.seedListings(LISTINGS));
afterEach(() => setPublishedListingsFormat(env.fake.data, 'xml'));

async function runFailing(parameters: INodeParameters) {
	const result = await env.run(node(), { resource: 'listing', ...parameters });
	expect(result.status).toBe('error');
	return result.error!;
}

const ids = (items: IDataObject[], key = 'id') => items.map((item) => String(item[key]));

/** GET on the fake with this test file's API key, outside the node. */
async function fetchFake(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${env.fake.baseUrl}${path}`, { headers: { Authorization: 'token test-api-key', ...headers } });
	return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

describe('Lofty Listing: Get Many (GET /v1.0/listing, nextPageKey)', () => {
	it('returns all listings over several pages, following the cursor, without duplicates', async () => {
		const result = await runOk({ operation: 'getAll', returnAll: true });
		const requests = env.apiRequests();
		expect(requests).toHaveLength(3);
		expect(requests.map((r) => [r.method, r.path])).toEqual(Array(3).fill(['GET', '/v1.0/listing']));
		expect(requests[0].query).toEqual({ limit: '100' });
		expect(requests[1].query).toEqual({ limit: '100', nextPageKey: expect.any(String) });
		expect(requests[2].query).toEqual({ limit: '100', nextPageKey: expect.any(String) });
		expect(requests[2].query.nextPageKey).not.toBe(requests[1].query.nextPageKey);
		expect(result.items).toHaveLength(LISTINGS);
		expect(new Set(ids(result.items)).size).toBe(LISTINGS);
		expect(ids(result.items)).toEqual(Array.from({ length: LISTINGS }, (_, i) => String(5000001 + i)));
		expect(result.items[0]).toMatchObject({
			id: 5000001,
			listingId: '5000001',
			mlsListingId: 'MLS100001',
			userId: 700001,
			streetAddress: '101 Main St',
			price: 301000,
		});
		expect(result.items[0]).not.toHaveProperty('nextPageKey');
	});

	it('stops exactly at Limit, asking only for what is still needed', async () => {
		const result = await runOk({ operation: 'getAll', returnAll: false, limit: 150 });
		const requests = env.apiRequests();
		expect(requests.map((r) => r.query.limit)).toEqual(['100', '50']);
		expect(result.items).toHaveLength(150);
		expect(ids(result.items).slice(-1)).toEqual(['5000150']);

		env.fake.clearRequests();
		const small = await runOk({ operation: 'getAll', returnAll: false, limit: 7 });
		expect(env.apiRequests().map((r) => r.query)).toEqual([{ limit: '7' }]);
		expect(small.items).toHaveLength(7);
	});

	it('sends every query filter', async () => {
		await runOk({
			operation: 'getAll',
			returnAll: true,
			filters: {
				agentListings: true,
				officeListings: false,
				showCondition: true,
				buildingAddress: '500 Congress Ave',
				buildingName: 'The Towers',
				listingId: '5000004',
				mlsListingIds: ' MLS100004, ,MLS100008 ',
				soldListingId: '9000001',
				street: 'Main St',
				userId: '700001',
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'GET',
				path: '/v1.0/listing',
				query: {
					agentListings: 'true',
					officeListings: 'false',
					showCondition: 'true',
					buildingAddress: '500 Congress Ave',
					buildingName: 'The Towers',
					listingId: '5000004',
					mlsListingIds: 'MLS100004,MLS100008',
					soldListingId: '9000001',
					street: 'Main St',
					userId: '700001',
					limit: '100',
				},
				body: undefined,
			},
		]);
	});

	it('leaves out MLS Listing IDs that hold only commas and spaces', async () => {
		await runOk({ operation: 'getAll', returnAll: true, filters: { mlsListingIds: ' , ,', street: '11' } });
		expect(env.apiRequests()[0].query).toEqual({ street: '11', limit: '100' });
	});

	it('filters by agent and street: the fake answers only matching listings', async () => {
		const result = await runOk({ operation: 'getAll', returnAll: true, filters: { userId: '700002', street: '11' } });
		expect(env.apiRequests()[0].query).toEqual({ userId: '700002', street: '11', limit: '100' });
		expect(result.items.length).toBeGreaterThan(0);
		for (const listing of result.items) {
			expect(listing.userId).toBe(700002);
			expect(String(listing.streetAddress)).toContain('11');
		}
	});

	it('refuses an agent that is not a Lofty ID before sending anything', async () => {
		const error = await runFailing({ operation: 'getAll', returnAll: true, filters: { userId: 'Blake' } });
		expect(error.message).toBe('"Agent" must be a numeric Lofty ID, got "Blake"');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('refuses a Limit of 0 before sending anything', async () => {
		const error = await runFailing({ operation: 'getAll', returnAll: false, limit: 0 });
		expect(error.message).toContain('"Limit" must be a whole number of at least 1');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('reads other envelopes: {data: {...}}, _metadata cursor, a JSON string, a bare array', async () => {
		const listing = (id: number) => ({ id, listingId: String(id), price: 1 });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { data: { listings: [listing(1), listing(2)], nextPageKey: 'p2' } } });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { _metadata: { nextPageKey: 'p3' }, listings: [{ listing: listing(3) }] } });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: JSON.stringify({ listings: [listing(4)], nextPageKey: 'p4' }) });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: [listing(5)] });
		const result = await runOk({ operation: 'getAll', returnAll: true });
		expect(env.apiRequests().map((r) => r.query.nextPageKey)).toEqual([undefined, 'p2', 'p3', 'p4']);
		expect(ids(result.items)).toEqual(['1', '2', '3', '4', '5']);
	});

	it('drops listings already emitted, and fails naming the endpoint when a cursor comes back', async () => {
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { listings: [{ id: 1 }, { id: 2 }], nextPageKey: 'p2' } });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { listings: [{ id: 2 }, { id: 3 }], nextPageKey: null } });
		expect(ids((await runOk({ operation: 'getAll', returnAll: true })).items)).toEqual(['1', '2', '3']);

		env.fake.clearRequests();
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { listings: [{ id: 1 }, { id: 2 }], nextPageKey: 'same' } });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { listings: [{ id: 2 }, { id: 3 }], nextPageKey: 'same' } });
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, body: { listings: [{ id: 4 }], nextPageKey: null }, times: 5 });
		const error = await runFailing({ operation: 'getAll', returnAll: true });
		expect(env.apiRequests()).toHaveLength(2);
		expect(error.message).toBe('Lofty\'s list at GET /v1.0/listing repeated itself: page 2 (nextPageKey "same") led to the nextPageKey "same" already followed');
		expect(error.description).toBe(
			'2 requests were sent and the 3 records received are not output, as the list would be incomplete. ' +
				'Paging stopped there so that the run cannot loop forever. Try again later.',
		);
		env.fake.clearFaults();
	});

	it('names the operation when the answer cannot be read', async () => {
		env.fake.injectFault({ path: '/v1.0/listing', status: 200, rawBody: '{"listings": [', contentType: 'application/json' });
		const error = await runFailing({ operation: 'getAll', returnAll: true });
		// The shared transport refuses a JSON answer that does not parse, before the node reads it.
		expect(error.message).toBe('Lofty answered with malformed JSON');
	});
});

describe('Lofty Listing: Get Published Listings (GET /v1.0/getPublishedListings, XML)', () => {
	const firstListing = {
		id: '5000001',
		listingId: '5000001',
		mlsListingId: 'MLS100001',
		status: 'Active',
		title: '101 Main St, Austin – 2 bd & 1.5 ba',
		price: { currency: 'USD', '#text': '301000' },
		address: { street: '101 Main St', city: 'Austin', state: 'TX', zipCode: '78701' },
		details: { bedrooms: '2', bathrooms: '1.5', squareFeet: '1010', propertyType: 'Single Family Home' },
		buildingName: '',
		description: 'Bright 2-bedroom home at 101 Main St & <b>close to downtown</b>',
		agent: { id: '700001', name: 'Alex Morgan', email: 'alex.morgan@example.com' },
		photos: { photo: ['https://example.com/photos/5000001-1.jpg', 'https://example.com/photos/5000001-2.jpg'] },
		url: 'https://example.com/listing/5000001?ref=feed&type=AllOnMarket',
		listDate: '2024-01-01T00:01:00Z',
	};

	it('parses the XML feed into one item per listing, asking for XML', async () => {
		const result = await runOk({ operation: 'getPublished', feedType: 'AllOnMarket', returnAll: true });
		const requests = env.apiRequests();
		expect(requests.map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/getPublishedListings', query: { type: 'AllOnMarket' }, body: undefined },
		]);
		expect(requests[0].status).toBe(200);
		expect(String(requests[0].headers.accept)).toMatch(/^application\/xml\b/);
		expect(result.items).toHaveLength(LISTINGS);
		expect(result.items[0]).toEqual(firstListing);
		expect(result.items[3]).toMatchObject({ buildingName: 'The Towers', details: { propertyType: 'Condo' } });
		expect(new Set(ids(result.items)).size).toBe(LISTINGS);
	});

	it('sends the feed type and cuts the list at Limit', async () => {
		const lux = await runOk({ operation: 'getPublished', feedType: 'LuxVT', returnAll: true });
		expect(env.apiRequests()[0].query).toEqual({ type: 'LuxVT' });
		const expected = Array.from({ length: LISTINGS }, (_, i) => i + 1).filter((k) => 300000 + 1000 * k >= LUXURY_MIN_PRICE);
		expect(ids(lux.items)).toEqual(expected.map((k) => String(5000000 + k)));

		env.fake.clearRequests();
		const apt = await runOk({ operation: 'getPublished', feedType: 'AptCom', returnAll: false, limit: 3 });
		expect(env.apiRequests()).toHaveLength(1);
		expect(ids(apt.items)).toEqual(['5000004', '5000008', '5000012']);
	});

	it('runs once per input item, the feed type taken from each item', async () => {
		const result = await runOk(
			{ operation: 'getPublished', feedType: '={{ $json.feed }}', returnAll: false, limit: 1 },
			[{ feed: 'LuxVT' }, { feed: 'AptCom' }],
		);
		expect(env.apiRequests().map((r) => r.query.type).sort()).toEqual(['AptCom', 'LuxVT']);
		expect(ids(result.items)).toEqual(['5000020', '5000004']);
	});

	it('returns the raw XML as binary data in the named field', async () => {
		const direct = await fetchFake('/v1.0/getPublishedListings?type=AptCom', { Accept: 'application/xml' });
		env.fake.clearRequests();
		const result = await runOk({ operation: 'getPublished', feedType: 'AptCom', output: 'binary', binaryPropertyName: 'feed' });
		expect(env.apiRequests()).toHaveLength(1);
		const [item] = result.output[NODE_NAME];
		expect(item.json).toEqual({
			feedType: 'AptCom',
			format: 'xml',
			fileName: 'published-listings-AptCom.xml',
			mimeType: 'application/xml',
			bytes: Buffer.byteLength(direct.text),
		});
		expect(Object.keys(item.binary ?? {})).toEqual(['feed']);
		const binary = item.binary!.feed;
		expect(binary).toMatchObject({ mimeType: 'application/xml', fileName: 'published-listings-AptCom.xml', fileExtension: 'xml' });
		expect(Buffer.from(binary.data, 'base64').toString('utf8')).toBe(direct.text);
	});

	it('puts the file in "data" by default and refuses an empty field name before sending', async () => {
		const result = await runOk({ operation: 'getPublished', output: 'binary' });
		expect(Object.keys(result.output[NODE_NAME][0].binary ?? {})).toEqual(['data']);
		expect(env.apiRequests()[0].query).toEqual({ type: 'AllOnMarket' });

		env.fake.clearRequests();
		const error = await runFailing({ operation: 'getPublished', output: 'binary', binaryPropertyName: '  ' });
		expect(error.message).toBe('"Put Output File in Field" is required');
		expect(env.apiRequests()).toHaveLength(0);
	});

	it('reads a JSON answer when Lofty sends JSON after all', async () => {
		setPublishedListingsFormat(env.fake.data, 'json');
		const result = await runOk({ operation: 'getPublished', feedType: 'AllOnMarket', returnAll: false, limit: 2 });
		expect(result.items).toHaveLength(2);
		expect(result.items[0]).toMatchObject({
			id: 5000001,
			listingId: '5000001',
			price: 301000,
			address: { street: '101 Main St', city: 'Austin', state: 'TX', zipCode: '78701' },
			photos: ['https://example.com/photos/5000001-1.jpg', 'https://example.com/photos/5000001-2.jpg'],
		});

		const binary = await runOk({ operation: 'getPublished', output: 'binary' });
		expect(binary.output[NODE_NAME][0].json).toMatchObject({ format: 'json', mimeType: 'application/json', fileName: 'published-listings-AllOnMarket.json' });
	});

	it('reads the XML when it comes inside a JSON string', async () => {
		setPublishedListingsFormat(env.fake.data, 'json-string');
		const result = await runOk({ operation: 'getPublished', returnAll: true });
		expect(result.items).toHaveLength(LISTINGS);
		expect(result.items[0]).toEqual(firstListing);
	});

	it('names the operation when the feed is not well-formed XML', async () => {
		env.fake.injectFault({
			path: '/v1.0/getPublishedListings',
			status: 200,
			rawBody: '<?xml version="1.0"?>\n<listings>\n  <listing><price>1</listing>\n</listings>',
			contentType: XML_CONTENT_TYPE,
		});
		const error = await runFailing({ operation: 'getPublished', returnAll: true });
		expect(error.message).toBe(
			"Get Published Listings: could not read Lofty's feed: it is not well-formed XML: " +
				'closing tag </listing> does not match the open element <price> (line 3, column 20)',
		);
		expect(error.description).toContain('Raw XML File');
	});

	it('refuses a JSON feed nested a million levels deep, naming the limit, instead of overflowing the stack', async () => {
		const depth = 1_000_000;
		env.fake.injectFault({ path: '/v1.0/getPublishedListings', status: 200, rawBody: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: 'application/json' });
		const error = await runFailing({ operation: 'getPublished', returnAll: true });
		expect(error.message).toBe(`Get Published Listings: could not read Lofty's feed: it is nested deeper than ${MAX_DEPTH} levels`);
		expect(env.apiRequests()).toHaveLength(1);
	});

	it('keeps 64-bit listing ids of a JSON feed exact', async () => {
		env.fake.injectFault({ path: '/v1.0/getPublishedListings', status: 200, rawBody: '{"listings":[{"id":9007199254740993,"price":1}]}', contentType: 'application/json' });
		expect((await runOk({ operation: 'getPublished', returnAll: true })).items).toEqual([{ id: '9007199254740993', price: 1 }]);
	});

	it('gives no items for an empty feed or an empty answer', async () => {
		env.fake.injectFault({ path: '/v1.0/getPublishedListings', status: 200, rawBody: '<listings type="LuxVT" count="0"/>', contentType: XML_CONTENT_TYPE });
		expect((await runOk({ operation: 'getPublished', returnAll: true })).items).toEqual([]);
		env.fake.injectFault({ path: '/v1.0/getPublishedListings', status: 200, rawBody: '', contentType: XML_CONTENT_TYPE });
		expect((await runOk({ operation: 'getPublished', returnAll: true })).items).toEqual([]);
	});

	it('uses the List Element option to pick the listing elements', async () => {
		const result = await runOk({ operation: 'getPublished', returnAll: true, options: { listElement: 'agent' } });
		expect(result.items).toHaveLength(LISTINGS);
		expect(result.items.slice(0, 3)).toEqual([
			{ id: '700001', name: 'Alex Morgan', email: 'alex.morgan@example.com' },
			{ id: '700002', name: 'Blake Rivera', email: 'blake.rivera@example.com' },
			{ id: '700003', name: 'Casey Lee', email: 'casey.lee@example.com' },
		]);
	});

	it('waits out a 429 on the shared throttle and then reads the feed', async () => {
		env.fake.injectFault({
			path: '/v1.0/getPublishedListings',
			status: 429,
			body: { message: 'Too Many Requests' },
			headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '300' },
		});
		const result = await runOk({ operation: 'getPublished', returnAll: false, limit: 2 });
		expect(env.apiRequests().map((r) => r.status)).toEqual([429, 200]);
		expect(ids(result.items)).toEqual(['5000001', '5000002']);
	});

	it('surfaces a Lofty error answer', async () => {
		env.fake.injectFault({ path: '/v1.0/getPublishedListings', status: 403, body: { code: 403, message: 'Forbidden' } });
		const error = await runFailing({ operation: 'getPublished', returnAll: true });
		expect(error.message).toBe('Forbidden');
		expect(error.httpCode).toBe('403');
	});
});

describe('fake Lofty: GET /v1.0/getPublishedListings', () => {
	it('answers application/xml, defaults the type, refuses unknown types and non-XML Accept', async () => {
		const plain = await fetchFake('/v1.0/getPublishedListings');
		expect(plain.status).toBe(200);
		expect(plain.contentType).toBe(XML_CONTENT_TYPE);
		expect(plain.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
		expect(plain.text).toContain(`<listings type="AllOnMarket" count="${LISTINGS}">`);

		const bad = await fetchFake('/v1.0/getPublishedListings?type=Everything');
		expect(bad.status).toBe(400);
		expect(JSON.parse(bad.text)).toEqual({ code: 400, message: 'type is not valid: Everything' });

		const jsonOnly = await fetchFake('/v1.0/getPublishedListings', { Accept: 'application/json' });
		expect(jsonOnly.status).toBe(406);
		expect(JSON.parse(jsonOnly.text)).toEqual({ code: 406, message: NOT_ACCEPTABLE_MESSAGE });
		expect((await fetchFake('/v1.0/getPublishedListings', { Accept: 'application/json, */*;q=0.1' })).status).toBe(200);
	});

	it('switches to JSON with setPublishedListingsFormat', async () => {
		setPublishedListingsFormat(env.fake.data, 'json');
		const answer = await fetchFake('/v1.0/getPublishedListings?type=AptCom', { Accept: 'application/json' });
		expect(answer.status).toBe(200);
		const body = JSON.parse(answer.text);
		expect(body).toMatchObject({ type: 'AptCom', count: 62 });
		expect(body.listings).toHaveLength(62);
	});
});

describe('XML converter (nodes/LoftyListing/xml.ts)', () => {
	it('converts attributes, text, nested repeats and self-closing tags', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed version="2">
  <listing id="1" status="Active">
    <price currency="USD">500000</price>
    <photos><photo>a.jpg</photo><photo>b.jpg</photo><photo>c.jpg</photo></photos>
    <rooms><room type="bed"><size>12x12</size></room><room type="bath"/></rooms>
    <garage/>
    <empty></empty>
  </listing>
</feed>`;
		expect(xmlToJson(xml)).toEqual({
			feed: {
				version: '2',
				listing: {
					id: '1',
					status: 'Active',
					price: { currency: 'USD', '#text': '500000' },
					photos: { photo: ['a.jpg', 'b.jpg', 'c.jpg'] },
					rooms: { room: [{ type: 'bed', size: '12x12' }, { type: 'bath' }] },
					garage: '',
					empty: '',
				},
			},
		});
	});

	it('keeps an attribute and a child element of the same name apart', () => {
		expect(xmlToJson('<listing id="a"><id>b</id><id>c</id></listing>')).toEqual({ listing: { '@id': 'a', id: ['b', 'c'] } });
	});

	it('decodes entities and character references, keeps CDATA verbatim', () => {
		const xml =
			'<a t="x &amp; y &lt;&gt; &quot;q&quot; &apos;s&apos;&#10;z">' +
			'<e>Tom &amp; Jerry &#169; &#xE9;&#x1F3E0;</e>' +
			'<c><![CDATA[  <b>raw & unescaped</b> &amp;  ]]></c>' +
			'<m>  before <![CDATA[ inside ]]> after  </m>' +
			'<w>\n   spaced out \n</w></a>';
		expect(xmlToJson(xml)).toEqual({
			a: {
				t: 'x & y <> "q" \'s\'\nz',
				e: 'Tom & Jerry © é🏠',
				c: '  <b>raw & unescaped</b> &amp;  ',
				m: 'before  inside  after',
				w: 'spaced out',
			},
		});
	});

	it('normalises whitespace in attributes and line ends in text', () => {
		expect(xmlToJson('<a x="1\t2\r\n3"><b>line1\r\nline2\rline3</b></a>')).toEqual({ a: { x: '1 2 3', b: 'line1\nline2\nline3' } });
	});

	it('keeps mixed content text as #text', () => {
		expect(xmlToJson('<p>Hello <b>big</b> world</p>')).toEqual({ p: { b: 'big', '#text': 'Hello  world' } });
	});

	it('skips the declaration, comments, processing instructions, a DOCTYPE and a BOM', () => {
		const xml =
			'\uFEFF<?xml version="1.0"?>\n<!DOCTYPE listings [ <!ENTITY x "boom"> <!ELEMENT listings ANY> ]>\n' +
			'<!-- head --><?xml-stylesheet href="a.xsl"?><listings><!-- inside --><?pi data?><n>1</n></listings><!-- tail -->\n';
		expect(xmlToJson(xml)).toEqual({ listings: { n: '1' } });
	});

	it('keeps namespace prefixes and unusual names as plain keys', () => {
		const value = xmlToJson('<g:feed xmlns:g="urn:g"><g:price>1</g:price><__proto__>p</__proto__><constructor>c</constructor><toString>t</toString></g:feed>');
		const feed = (value as IDataObject)['g:feed'] as IDataObject;
		expect(Object.keys(value as IDataObject)).toEqual(['g:feed']);
		expect(Object.keys(feed)).toEqual(['xmlns:g', 'g:price', '__proto__', 'constructor', 'toString']);
		expect(Object.getOwnPropertyDescriptor(feed, '__proto__')?.value).toBe('p');
		expect([feed.constructor, feed.toString, feed['g:price']]).toEqual(['c', 't', '1']);
		expect(Object.getPrototypeOf(feed)).toBe(Object.prototype);
		expect(({} as IDataObject).p).toBeUndefined();
	});

	it('gives undefined for an empty document', () => {
		expect(parseXml('')).toBeUndefined();
		expect(xmlToJson('  \n\t ')).toBeUndefined();
		expect(xmlToJson('<?xml version="1.0"?>\n<!-- nothing -->\n')).toBeUndefined();
	});

	it('exposes the element tree and text helpers', () => {
		const root = parseXml('<a k="v"> x <b/> y </a>')!;
		expect(root.name).toBe('a');
		expect(root.attributes).toEqual([['k', 'v']]);
		expect(textOf(root)).toBe('x  y');
		expect(elementToJson(root)).toEqual({ k: 'v', b: '', '#text': 'x  y' });
	});

	it.each([
		['<a><b></a>', 'closing tag </a> does not match the open element <b> (line 1, column 7)'],
		['<a>\n  <b>\n</a>', 'closing tag </a> does not match the open element <b> (line 3, column 1)'],
		['<a><b>', 'element <b> is never closed (line 1, column 7)'],
		['</a>', 'closing tag without a matching opening tag (line 1, column 1)'],
		['<a/><b/>', 'a document has only one root element; found a second one (line 1, column 5)'],
		['hello', 'text before the root element (line 1, column 1)'],
		['<a/>trailing', 'text after the root element (line 1, column 5)'],
		['<a x=1/>', 'the value of attribute "x" must be quoted (line 1, column 6)'],
		['<a x="1" x="2"/>', 'attribute "x" appears twice (line 1, column 10)'],
		['<a x="1"y="2"/>', 'expected whitespace, ">" or "/>" after the tag name or attribute (line 1, column 9)'],
		['<a x="<"/>', '"<" is not allowed in an attribute value (line 1, column 7)'],
		['<a x="1/>', 'unterminated value of attribute "x" (line 1, column 6)'],
		['<a>&nbsp;</a>', 'unknown entity &nbsp; (only &lt; &gt; &amp; &quot; &apos; and character references are allowed) (line 1, column 4)'],
		['<a>Tom & Jerry</a>', '"&" must start a reference such as &amp; or &#38; (line 1, column 8)'],
		['<a>&#0;</a>', 'character reference &#0; is not an allowed XML character (line 1, column 4)'],
		['<a>&#xD800;</a>', 'character reference &#xD800; is not an allowed XML character (line 1, column 4)'],
		['<a>x]]>y</a>', '"]]>" is not allowed in text (line 1, column 5)'],
		['<a>\u0001</a>', 'character U+0001 is not allowed in XML (line 1, column 4)'],
		[' <?xml version="1.0"?><a/>', 'the XML declaration is only allowed at the very start of the document (line 1, column 2)'],
		['<a><!-- never closed </a>', 'unterminated comment (line 1, column 4)'],
		['<a><!-- a -- b --></a>', '"--" is not allowed inside a comment (line 1, column 4)'],
		['<a><![CDATA[ open </a>', 'unterminated CDATA section (line 1, column 4)'],
		['<1a/>', 'expected an element name after "<" (line 1, column 2)'],
		['<a><!ELEMENT x></a>', 'unexpected "<!" inside an element (line 1, column 4)'],
		['<a/><!DOCTYPE a>', 'a DOCTYPE must come once, before the root element (line 1, column 5)'],
		['<a', 'unterminated start tag (line 1, column 3)'],
	])('refuses malformed XML %j', (xml, message) => {
		let caught: unknown;
		try {
			parseXml(xml);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(XmlSyntaxError);
		expect((caught as Error).message).toBe(message);
	});

	it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
		const deep = `${'<a>'.repeat(MAX_DEPTH + 1)}${'</a>'.repeat(MAX_DEPTH + 1)}`;
		expect(() => parseXml(deep)).toThrow(`elements are nested deeper than ${MAX_DEPTH} levels`);
		const ok = `${'<a>'.repeat(MAX_DEPTH)}x${'</a>'.repeat(MAX_DEPTH)}`;
		expect(parseXml(ok)?.name).toBe('a');
	});

	it('parses a large feed quickly', () => {
		const entries = Array.from({ length: 5000 }, (_, i) => `<listing id="${i}"><price>${i}</price><photo>a</photo><photo>b</photo></listing>`);
		const started = Date.now();
		const items = listingsFromXml(`<listings>${entries.join('\n')}</listings>`);
		expect(items).toHaveLength(5000);
		expect(items[4999]).toEqual({ id: '4999', price: '4999', photo: ['a', 'b'] });
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('published feed: which elements are listings', () => {
	const names = (xml: string, listElement?: string) =>
		listingElements(parseXml(xml)!, listElement).map((element) => elementToJson(element));

	it('takes the repeated element under wrapper elements', () => {
		expect(names('<rss><channel><item><t>1</t></item><item><t>2</t></item></channel></rss>')).toEqual([{ t: '1' }, { t: '2' }]);
		expect(names('<feed><updated>now</updated><listing id="1"/><listing id="2"/></feed>')).toEqual([{ id: '1' }, { id: '2' }]);
	});

	it('treats a lone <listing> (any prefix) as a list of one, with or without metadata beside it', () => {
		expect(names('<listings><listing><id>1</id></listing></listings>')).toEqual([{ id: '1' }]);
		expect(names('<feed><updated>now</updated><g:listing><id>1</id></g:listing></feed>')).toEqual([{ id: '1' }]);
	});

	it('keeps a single-listing document whole, repeated photos included', () => {
		expect(names('<listing><id>1</id><photo>a</photo><photo>b</photo></listing>')).toEqual([{ id: '1', photo: ['a', 'b'] }]);
		expect(names('<Home><id>1</id><photo>a</photo><photo>b</photo></Home>')).toEqual([{ id: '1', photo: ['a', 'b'] }]);
	});

	it('lists text-only elements when they are all the root holds', () => {
		expect(listingsFromXml('<ids><id>1</id><id>2</id></ids>')).toEqual([{ id: '1' }, { id: '2' }]);
	});

	it('finds no listing in an empty container', () => {
		expect(names('<listings count="0"/>')).toEqual([]);
		expect(names('<listings></listings>')).toEqual([]);
		expect(names('<properties><updated>now</updated></properties>')).toEqual([]);
	});

	it('uses List Element when given, with or without brackets or prefix', () => {
		const xml = '<a><b><Property>1</Property></b><c><Property><x>2</x></Property></c></a>';
		expect(listingsFromXml(xml, 'Property')).toEqual([{ Property: '1' }, { x: '2' }]);
		expect(listingsFromXml(xml, '<Property>')).toEqual([{ Property: '1' }, { x: '2' }]);
		expect(listingsFromXml('<a><g:item>1</g:item></a>', 'item')).toEqual([{ 'g:item': '1' }]);
		expect(listingsFromXml(xml, 'missing')).toEqual([]);
		const nested = '<a><b><x><Property>1</Property></x></b><Property>2</Property><Property><Property>3</Property></Property></a>';
		expect(listingsFromXml(nested, 'Property')).toEqual([{ Property: '1' }, { Property: '2' }, { Property: '3' }]);
	});
});

describe('published feed: every reading of the answer body', () => {
	const xml = '<?xml version="1.0"?><listings><listing id="1"/><listing id="2"/></listings>';

	it('bytes, a string, a JSON string holding XML, parsed JSON, JSON bytes', () => {
		expect(readFeedBody(Buffer.from(xml))).toMatchObject({ format: 'xml', text: xml });
		expect(readFeedBody(new Uint8Array(Buffer.from(xml)))).toMatchObject({ format: 'xml', text: xml });
		expect(readFeedBody(`\n  ${xml}\n`)).toMatchObject({ format: 'xml', text: xml });
		const wrapped = readFeedBody(JSON.stringify(xml));
		expect(wrapped).toMatchObject({ format: 'xml', text: xml });
		expect(wrapped.bytes.toString('utf8')).toBe(xml);
		expect(readFeedBody({ listings: [{ id: 1 }] })).toMatchObject({ format: 'json', value: { listings: [{ id: 1 }] } });
		expect(readFeedBody(Buffer.from('[{"id": 1}]'))).toMatchObject({ format: 'json', value: [{ id: 1 }] });
		expect(readFeedBody(undefined)).toMatchObject({ format: 'empty' });
		expect(readFeedBody(Buffer.alloc(0))).toMatchObject({ format: 'empty' });
		expect(readFeedBody('OK')).toMatchObject({ format: 'invalid', reason: 'it is neither XML nor JSON: "OK"' });
		expect(readFeedBody('{oops')).toMatchObject({ format: 'invalid' });
	});

	it('decodes bytes by BOM, HTTP charset, then XML declaration', () => {
		const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Caf\u00e9</a>', 'latin1');
		expect(decodeBytes(latin1)).toContain('<a>Café</a>');
		expect(decodeBytes(Buffer.from('<a>Café</a>', 'latin1'), 'application/xml; charset=ISO-8859-1')).toBe('<a>Café</a>');
		expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>é</a>', 'utf16le')]))).toBe('<a>é</a>');
		expect(decodeBytes(Buffer.from('\uFEFF<a>é</a>', 'utf8'))).toBe('<a>é</a>');
		expect(decodeBytes(Buffer.from('<a>é</a>', 'utf8'), 'text/xml; charset=made-up')).toBe('<a>é</a>');
		expect(listingsFromXml(decodeBytes(latin1))).toEqual([{ a: 'Café' }]);
	});

	it('finds the listings in JSON envelopes', () => {
		expect(listFromJson([{ id: 1 }, 2])).toEqual([{ id: 1 }, { value: 2 }]);
		expect(listFromJson({ listings: [{ id: 1 }], total: 1 })).toEqual([{ id: 1 }]);
		expect(listFromJson({ Listings: { Listing: [{ id: 1 }, { id: 2 }] } })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(listFromJson({ listings: { listing: { id: 1 } } })).toEqual([{ id: 1 }]);
		expect(listFromJson({ data: { listings: [{ id: 1 }], nextPageKey: 'k' } })).toEqual([{ id: 1 }]);
		expect(listFromJson({ _metadata: { collection: 'homes' }, homes: [{ id: 1 }] })).toEqual([{ id: 1 }]);
		expect(listFromJson({ feed: { entries: [{ id: 1 }] } })).toEqual([{ id: 1 }]);
		expect(listFromJson({ listingId: '1', photos: [{ url: 'a' }] })).toEqual([{ listingId: '1', photos: [{ url: 'a' }] }]);
		expect(listFromJson({ listings: [], nextPageKey: null })).toEqual([]);
		expect(listFromJson({ listings: null })).toEqual([]);
		expect(listFromJson([{ listing: { id: 1 } }])).toEqual([{ id: 1 }]);
		expect(listFromJson(null)).toEqual([]);
	});

	it('reads a Get Many page sent as XML', () => {
		const page = listingPage(
			Buffer.from('<result><listing><id>1</id></listing><listing><id>2</id></listing><nextPageKey>k2</nextPageKey></result>'),
		);
		expect(page).toEqual({ listings: [{ id: '1' }, { id: '2' }], nextPageKey: 'k2' });
		expect(listingPage('<a><b>').invalid).toBe('it is not well-formed XML: element <b> is never closed (line 1, column 7)');
	});
});
