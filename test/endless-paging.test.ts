/**
 * Lofty misbehaving while a list is paged: a server on 127.0.0.1 that repeats the same page,
 * the same cursor or the same records forever, or that never stops giving new ones. Every run
 * ends within a stated number of requests, outputs no record twice, and a Return All or Limit
 * cut short fails naming the endpoint and what repeated.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { LoftyCommunication } from '../nodes/LoftyCommunication/LoftyCommunication.node';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyListing } from '../nodes/LoftyListing/LoftyListing.node';
import { MAX_PAGES_PER_DROPDOWN, MAX_PAGES_PER_RUN } from '../nodes/shared/pagination';
import { listSearch, loadOptions, runWorkflow } from './harness';
import { PagingProbe } from './support/PagingProbe';
import type { AddressInfo, HttpServer } from './support/node';
import { http } from './support/node';

interface Seen {
	path: string;
	query: Record<string, string>;
	body: IDataObject | undefined;
}

/** Answers request n (0-based) with `answer(n, request)`, as JSON; records every request. */
async function hostileServer(answer: (n: number, request: Seen) => unknown) {
	const requests: Seen[] = [];
	const server: HttpServer = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const raw = Buffer.concat(chunks).toString('utf8');
			const request: Seen = { path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? (JSON.parse(raw) as IDataObject) : undefined };
			requests.push(request);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(requests.length - 1, request)));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		requests,
		baseUrl,
		credentials: { type: 'loftyApi' as const, data: { apiKey: 'test-api-key', baseUrl } },
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

type Hostile = Awaited<ReturnType<typeof hostileServer>>;
let server: Hostile | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

async function runAgainst(answer: (n: number, request: Seen) => unknown, type: INodeType, parameters: INodeParameters) {
	server = await hostileServer(answer);
	const result = await runWorkflow({ nodes: { type, parameters }, credentials: server.credentials });
	return { result, requests: server.requests };
}

const records = (count: number, from = 1, key = 'id') => Array.from({ length: count }, (_, i) => ({ [key]: from + i, name: `r${from + i}` }));
const T0 = Date.UTC(2026, 0, 5);

/** One hostile answer per paging style: the same page (and cursor) on every request. */
const styles: Array<[style: string, parameters: INodeParameters, endpoint: string, repeated: string, answer: () => unknown]> = [
	['offset', { operation: 'leadsByOffset' }, 'GET /v1.0/leads', 'page 2 (offset 100) brought only records already received', () => ({ leads: records(100, 1, 'leadId') })],
	[
		'scroll',
		{ operation: 'leadsByScroll' },
		'GET /v1.0/leads',
		'page 2 (scrollId "s1") brought only records already received',
		() => ({ _metadata: { scrollId: 's1', total: 1_000_000 }, leads: records(100, 1, 'leadId') }),
	],
	['currentId', { operation: 'callHistory' }, 'GET /v1.0/communication/call', 'page 2 (currentId "1000") led to the currentId "1000" already followed', () => records(1000)],
	['curPage', { operation: 'activities' }, 'GET /v1.0/leads/1000001/activities', 'page 2 (curPage 1) brought only records already received', () => records(100)],
	['pageNumber', { operation: 'systemLogs' }, 'GET /v1.0/systemLogs', 'page 2 (pageNumber 1) brought only records already received', () => records(100)],
	[
		'nextPageKey',
		{ operation: 'listings' },
		'GET /v1.0/listing',
		'page 2 (nextPageKey "k1") led to the nextPageKey "k1" already followed',
		() => ({ listings: records(100), nextPageKey: 'k1' }),
	],
	[
		'bodyOffset',
		{ operation: 'agentCommunication', startTime: T0, endTime: T0 + 3_600_000 },
		'POST /v1.0/agent/communication',
		'page 2 (offset 1000) brought only records already received',
		() => ({ hasMore: true, pageData: records(1000) }),
	],
];

describe('a server that repeats the same page forever: every paging style stops after 2 requests', () => {
	it.each(styles)('%s, Return All: fails naming the endpoint and what repeated', async (_style, parameters, endpoint, repeated, answer) => {
		const { result, requests } = await runAgainst(answer, new PagingProbe(), { resource: 'probe', returnAll: true, ...parameters });
		expect(requests).toHaveLength(2);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Lofty's list at ${endpoint} repeated itself: ${repeated}`);
		expect(result.error?.description).toMatch(/^2 requests were sent and the \d+ records received are not output, as the list would be incomplete\./);
		expect(result.items).toEqual([]);
	});

	it.each(styles)('%s, Limit: fails the same way before Limit is reached', async (_style, parameters, endpoint, repeated, answer) => {
		const { result, requests } = await runAgainst(answer, new PagingProbe(), { resource: 'probe', returnAll: false, limit: 2500, ...parameters });
		expect(requests).toHaveLength(2);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Lofty's list at ${endpoint} repeated itself: ${repeated}`);
	});
});

describe('pages that overlap: each record is output once', () => {
	it('offset: pages that each repeat half of the page before give 300 records, each once', async () => {
		// Lofty answers from 50 records before the offset asked for: a list shifting under the run.
		const { result, requests } = await runAgainst(
			(_n, request) => {
				const from = Math.max(0, Number(request.query.offset) - 50);
				return { _metadata: { total: 300 }, leads: records(Math.min(100, 300 - from), from + 1, 'leadId') };
			},
			new PagingProbe(),
			{ resource: 'probe', operation: 'leadsByOffset', returnAll: true },
		);
		expect(result.status).toBe('success');
		const ids = result.items.map((item) => item.leadId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(requests.length).toBeLessThanOrEqual(7);
	});

	it('currentId: a server that ignores the cursor never gets its 1,000 records output again', async () => {
		let pages = 0;
		const { result, requests } = await runAgainst(
			() => (pages++ === 0 ? records(1000) : [...records(500), ...records(500, 1001)]),
			new PagingProbe(),
			{ resource: 'probe', operation: 'callHistory', returnAll: false, limit: 1500 },
		);
		expect(result.status).toBe('success');
		expect(requests).toHaveLength(2);
		expect(result.items.map((item) => item.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1).concat(Array.from({ length: 500 }, (_, i) => 1001 + i)).slice(0, 1500));
	});
});

describe('a server that never stops giving new records: the page cap', () => {
	it(`one run reads at most ${MAX_PAGES_PER_RUN.toLocaleString('en-US')} pages by default; past its cap (here 5) Return All fails`, async () => {
		expect(MAX_PAGES_PER_RUN).toBe(10_000);
		const { result, requests } = await runAgainst(
			(n) => ({ members: records(100, 1 + n * 100) }),
			new PagingProbe(),
			{ resource: 'probe', operation: 'cappedMembers', returnAll: true },
		);
		expect(requests).toHaveLength(5);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe("Lofty's list at GET /v1.0/members did not end: 5 pages were read, the most one run reads, and Lofty said more follow");
		expect(result.error?.description).toContain('Use Limit or the filters to fetch fewer records per run.');
	});
});

describe('the nodes with their own page readers', () => {
	it('Listing › Get Many: a nextPageKey that comes back fails after 2 requests', async () => {
		const { result, requests } = await runAgainst(
			(n) => ({ listings: records(100, 1 + n * 100), nextPageKey: 'same' }),
			new LoftyListing(),
			{ resource: 'listing', operation: 'getAll', returnAll: true },
		);
		expect(requests).toHaveLength(2);
		expect(result.error?.message).toBe('Lofty\'s list at GET /v1.0/listing repeated itself: page 2 (nextPageKey "same") led to the nextPageKey "same" already followed');
	});

	it('Communication › agent communication: the same page with hasMore forever fails after 2 requests', async () => {
		const { result, requests } = await runAgainst(() => ({ hasMore: true, pageData: records(1000) }), new LoftyCommunication(), {
			resource: 'agentCommunication',
			operation: 'getAll',
			returnAll: true,
			startTime: new Date(T0).toISOString(),
			endTime: new Date(T0 + 3 * 86_400_000).toISOString(),
		});
		expect(requests).toHaveLength(2);
		expect(result.error?.message).toBe("Lofty's list at POST /v1.0/agent/communication repeated itself: page 2 (offset 1000) brought only records already received");
	});

	it('Lead › Get Many (scrollId): the same page forever fails after 2 requests', async () => {
		const { result, requests } = await runAgainst(
			() => ({ _metadata: { scrollId: 'x', total: 500 }, leads: records(100, 1, 'leadId') }),
			new LoftyLead(),
			{ resource: 'lead', operation: 'getAll', returnAll: true },
		);
		expect(requests).toHaveLength(2);
		expect(result.error?.message).toMatch(/^Lofty's list at GET \/v1\.0\/leads repeated itself: page 2 \(scrollId "x"\)/);
	});
});

describe('dropdowns and record-picker searches show what they got, each record once', () => {
	const lead = { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'create' } };
	const members = (from: number) => Array.from({ length: 100 }, (_, i) => ({ id: from + i, memberUserId: 700000 + from + i, firstName: `M${from + i}` }));

	it('members dropdown: a members list repeated forever ends after 2 requests, each member once', async () => {
		server = await hostileServer(() => ({ members: members(1) }));
		const options = await loadOptions({ method: 'getMemberUsers', nodes: lead, credentials: server.credentials });
		expect(server.requests).toHaveLength(2);
		expect(options).toHaveLength(100);
		expect(new Set(options.map((option) => option.value)).size).toBe(100);
	});

	it(`members dropdown: reads at most ${MAX_PAGES_PER_DROPDOWN} pages of a list that never ends`, async () => {
		server = await hostileServer((n) => ({ members: members(1 + n * 100) }));
		const options = await loadOptions({ method: 'getMemberUsers', nodes: lead, credentials: server.credentials });
		expect(server.requests).toHaveLength(MAX_PAGES_PER_DROPDOWN);
		expect(options).toHaveLength(MAX_PAGES_PER_DROPDOWN * 100);
	});

	it('lead search by name: a lead page repeated forever ends the search after 2 requests, with no "load more"', async () => {
		const leads = Array.from({ length: 100 }, (_, i) => ({ leadId: 1000001 + i, firstName: i % 10 === 0 ? 'Avery' : 'Blake', lastName: `Smith${i}` }));
		server = await hostileServer(() => ({ _metadata: { total: 1_000_000 }, leads }));
		const found = await listSearch({ method: 'searchLeads', filter: 'avery', nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'get' } }, credentials: server.credentials });
		expect(server.requests).toHaveLength(2);
		expect(found.results).toHaveLength(10);
		expect(new Set(found.results.map((result) => result.value)).size).toBe(10);
		expect(found.paginationToken).toBeUndefined();
	});
});
