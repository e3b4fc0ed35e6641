import { createHash } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

import { isObject } from './objects';
import { clipped } from './text';
import type { LoftyContext } from './transport';
import { loftyRequest } from './transport';

/**
 * The paging styles of the Lofty API reference:
 * - offset:      ?offset&limit, the envelope's _metadata.total says when to stop;
 * - scroll:      ?scrollId cursor from _metadata.scrollId (leads search);
 * - currentId:   ?currentId=<last id seen>&limit (communication history, log types);
 * - curPage:     ?curPage=0,1,… with a fixed page size (lead activities);
 * - pageNumber:  ?pageNumber=0,1,…&pageSize (system logs);
 * - nextPageKey: ?nextPageKey=<token>&limit (listings);
 * - bodyOffset:  offset/limit in the JSON body, PageResult.hasMore says when to stop;
 * - none:        one request returns the whole list; Limit cuts it.
 */
export type PagingStyle =
	| 'none'
	| 'offset'
	| 'scroll'
	| 'currentId'
	| 'curPage'
	| 'pageNumber'
	| 'nextPageKey'
	| 'bodyOffset';

export interface PagingOptions {
	style: PagingStyle;
	/** Largest page the endpoint accepts; the paginator always asks for it (or for what Limit still needs). */
	pageSize: number;
	/** Where the records are in the envelope, when it is not a bare array (e.g. "leads"). */
	records?: string;
	/** Records may come wrapped as {lead: {...}}: unwrap that key when present. */
	unwrap?: string;
	/** Record field holding the id for the currentId cursor. */
	idField?: string;
	/** The record's few fields people use, output when the operation's Simplify is on. */
	simplify?: Simplifier;
	/** Pages one run reads at most; MAX_PAGES_PER_RUN when absent. */
	maxPages?: number;
}

export type Simplifier = (record: IDataObject) => IDataObject;

export interface SingleOptions {
	records?: string;
	unwrap?: string;
	/** Lofty answers some creates with a bare id: output it as {[idKey]: id}. */
	idKey?: string;
	/** false for a PUT that creates something: a lost answer must not be sent twice. */
	idempotent?: boolean;
	simplify?: Simplifier;
}

/** Pulls the list out of whatever envelope Lofty wraps it in. */
export function extractRecords(body: unknown, records?: string, unwrap?: string): IDataObject[] {
	let list: unknown;
	if (Array.isArray(body)) list = body;
	else if (isObject(body)) {
		const metadata = isObject(body._metadata) ? body._metadata : {};
		const keys = [records, metadata.collection as string | undefined, 'data', 'pageData', 'list', 'records'];
		for (const key of keys) {
			if (key && Array.isArray(body[key])) {
				list = body[key];
				break;
			}
			if (key && isObject(body[key]) && Array.isArray((body[key] as IDataObject).pageData)) {
				list = (body[key] as IDataObject).pageData;
				break;
			}
		}
		if (list === undefined) list = Object.values(body).find(Array.isArray) ?? [];
	} else list = [];
	return (list as unknown[]).map((entry) => {
		if (unwrap && isObject(entry) && isObject(entry[unwrap]) && Object.keys(entry).length === 1) {
			return entry[unwrap] as IDataObject;
		}
		return isObject(entry) ? entry : ({ value: entry } as IDataObject);
	});
}

/** PageResult.hasMore, at the top level or under "data"; undefined when Lofty left it out. */
export function hasMoreOf(body: unknown): boolean | undefined {
	if (!isObject(body)) return undefined;
	if (typeof body.hasMore === 'boolean') return body.hasMore;
	if (isObject(body.data) && typeof body.data.hasMore === 'boolean') return body.data.hasMore;
	return undefined;
}

function metadataOf(body: unknown): IDataObject {
	return isObject(body) && isObject(body._metadata) ? body._metadata : {};
}

/**
 * Pages one run reads at most (Return All, Limit, Create or Update): 10,000 pages is a million
 * leads at 100 a page. Reaching it is an error, as the list would be incomplete.
 */
export const MAX_PAGES_PER_RUN = 10_000;
/** Pages a dropdown reads at most; it shows what those pages held. */
export const MAX_PAGES_PER_DROPDOWN = 100;

/** Where a run stopped, to go on from there (the Lead Trigger's next poll). */
export interface PagePosition extends IDataObject {
	offset?: number;
	page?: number;
	cursor?: string | number;
}

export interface PageRunOptions {
	/** Stop once this many records are collected (Limit); all when absent or 0. */
	maxResults?: number;
	/** Pages this run may read; PagingOptions.maxPages, else MAX_PAGES_PER_RUN. */
	maxPages?: number;
	/**
	 * Keys of records already output, shared when one output spans several runs: such a record is
	 * left out, though a page of them is no repeat when this run had not received them.
	 */
	seen?: Set<string>;
	/** Go on from where an earlier run stopped. */
	from?: PagePosition;
}

/**
 * How a run ended: the list ended ('complete'), Limit was reached ('limit'), Lofty repeated
 * itself ('repeat'), or the page cap was reached with more to come ('cap').
 */
export interface PageRun {
	records: IDataObject[];
	end: 'complete' | 'limit' | 'repeat' | 'cap';
	/** Requests sent. */
	requests: number;
	/** For 'repeat' and 'cap': what happened, for an error message. */
	problem?: string;
	/** For 'cap': where the next run goes on. */
	next?: PagePosition;
}

const CURSOR_NAMES: Partial<Record<PagingStyle, string>> = {
	scroll: 'scrollId',
	currentId: 'currentId',
	nextPageKey: 'nextPageKey',
};

/** Cursor values and ids in messages: enough to recognise, never a wall of text. */
const clip = (value: unknown) => clipped(String(value), 40);

/**
 * What tells two records apart: their id when they have one (the paging's idField, id, leadId,
 * listingId), else a digest of the whole record.
 */
export function recordKey(record: IDataObject, idField?: string): string {
	for (const field of [idField, 'id', 'leadId', 'listingId']) {
		const value = field ? record[field] : undefined;
		if (typeof value === 'string' || typeof value === 'number') return `${field}:${String(value)}`;
	}
	return `sha1:${createHash('sha1').update(JSON.stringify(record)).digest('base64')}`;
}

/** "page 3 (offset 200)", as a message names the page that repeated. */
function pageName(style: PagingStyle, requests: number, offset: number, page: number, cursor: unknown): string {
	const at =
		style === 'offset' || style === 'bodyOffset'
			? `offset ${offset}`
			: style === 'curPage' || style === 'pageNumber'
				? `${style} ${page}`
				: cursor === undefined
					? ''
					: `${CURSOR_NAMES[style]} "${clip(cursor)}"`;
	return at ? `page ${requests} (${at})` : `page ${requests}`;
}

/**
 * Reads a list page by page, asking each time for the largest page the endpoint allows (or
 * just what is still needed), until the list ends, Limit is reached, Lofty repeats itself
 * or the page cap is reached; `send` performs one request. A record already received (same
 * key) is not output again. Lofty repeats itself when a page that says more follows brings no
 * record not received before, or when a cursor (currentId, nextPageKey) comes back.
 */
export async function pageThrough(
	send: (options: IHttpRequestOptions) => Promise<unknown>,
	base: IHttpRequestOptions,
	paging: PagingOptions,
	run: PageRunOptions = {},
): Promise<PageRun> {
	const collected: IDataObject[] = [];
	const wanted = run.maxResults !== undefined && run.maxResults > 0 ? run.maxResults : Infinity;
	const maxPages = run.maxPages ?? paging.maxPages ?? MAX_PAGES_PER_RUN;
	const received = new Set<string>();
	const seen = run.seen ?? received;
	const qs: IDataObject = { ...((base.qs as IDataObject) ?? {}) };
	const body: IDataObject = isObject(base.body) ? { ...base.body } : {};
	const idField = paging.idField ?? 'id';
	// Page-number styles need one page size for the whole run, or page k would not follow page k-1.
	const fixedSize = Math.min(paging.pageSize, wanted);
	let offset = run.from?.offset ?? 0;
	let page = run.from?.page ?? 0;
	let cursor: unknown = run.from?.cursor;
	const cursors = new Set<string>(cursor === undefined ? [] : [String(cursor)]);
	let requests = 0;

	for (;;) {
		if (collected.length >= wanted) return { records: collected, end: 'limit', requests };
		if (requests >= maxPages) {
			return {
				records: collected,
				end: 'cap',
				requests,
				problem: `${requests} pages were read, the most one run reads, and Lofty said more follow`,
				next: { offset, page, ...(cursor === undefined ? {} : { cursor: cursor as string | number }) },
			};
		}
		const needed = Math.min(paging.pageSize, wanted - collected.length);
		let requested = needed;
		const options: IHttpRequestOptions = { ...base, qs: { ...qs } };
		const pageQs = options.qs as IDataObject;
		switch (paging.style) {
			case 'none':
				break;
			case 'offset':
				Object.assign(pageQs, { offset, limit: needed });
				break;
			case 'scroll':
				pageQs.limit = needed;
				if (cursor !== undefined) pageQs.scrollId = cursor;
				// Going on without a cursor (the Lead Trigger when Lofty refused it) starts at an offset.
				else if (offset > 0) pageQs.offset = offset;
				break;
			case 'currentId':
				pageQs.limit = needed;
				if (cursor !== undefined) pageQs.currentId = cursor;
				break;
			case 'curPage':
				pageQs.curPage = page;
				requested = paging.pageSize;
				break;
			case 'pageNumber':
				Object.assign(pageQs, { pageNumber: page, pageSize: fixedSize });
				requested = fixedSize;
				break;
			case 'nextPageKey':
				pageQs.limit = needed;
				if (cursor !== undefined) pageQs.nextPageKey = cursor;
				break;
			case 'bodyOffset':
				options.body = { ...body, offset, limit: needed };
				break;
		}
		if (Object.keys(pageQs).length === 0) delete options.qs;

		const thisPage = pageName(paging.style, requests + 1, offset, page, cursor);
		const response = await send(options);
		requests++;
		let records = extractRecords(response, paging.records, paging.unwrap);
		const onPage = records.length;
		offset += onPage;
		let more = onPage >= requested && onPage > 0;
		let next: unknown;

		switch (paging.style) {
			case 'none':
				// One answer is the whole list, as Lofty gave it.
				return { records: records.slice(0, wanted), end: 'complete', requests };
			case 'offset': {
				const total = Number(metadataOf(response).total);
				if (Number.isFinite(total)) more = onPage > 0 && offset < total;
				break;
			}
			case 'scroll': {
				// Lofty may hand the same scrollId back for every page: only records tell pages apart.
				next = metadataOf(response).scrollId;
				const total = Number(metadataOf(response).total);
				if (next === undefined || next === null || next === '') more = false;
				if (Number.isFinite(total) && offset >= total) more = false;
				break;
			}
			case 'currentId': {
				// Lofty may start the next page at the cursor itself: never emit it twice.
				if (cursor !== undefined && records.length && String(records[0][idField]) === String(cursor)) {
					records = records.slice(1);
				}
				const last = records[records.length - 1];
				if (!last || last[idField] === undefined || last[idField] === null) more = false;
				else next = last[idField];
				break;
			}
			case 'curPage':
			case 'pageNumber':
				page++;
				break;
			case 'nextPageKey': {
				next = isObject(response) ? response.nextPageKey : undefined;
				more = onPage > 0 && next !== undefined && next !== null && next !== '';
				break;
			}
			case 'bodyOffset': {
				const hasMore = hasMoreOf(response);
				if (hasMore !== undefined) more = hasMore && onPage > 0;
				break;
			}
		}

		let newToRun = 0;
		const fresh = records.filter((record) => {
			const key = recordKey(record, idField);
			const newHere = !received.has(key);
			if (newHere) {
				received.add(key);
				newToRun++;
			}
			if (seen === received) return newHere;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		collected.push(...fresh.slice(0, wanted - collected.length));
		if (!more) return { records: collected, end: 'complete', requests };
		if (paging.style !== 'scroll' && next !== undefined) {
			if (cursors.has(String(next))) {
				return {
					records: collected,
					end: 'repeat',
					requests,
					problem: `${thisPage} led to the ${CURSOR_NAMES[paging.style]} "${clip(next)}" already followed`,
				};
			}
			cursors.add(String(next));
		}
		if (newToRun === 0) {
			return { records: collected, end: 'repeat', requests, problem: `${thisPage} brought only records already received` };
		}
		if (next !== undefined) cursor = next;
	}
}

/** The request a run was about, as messages name it: "GET /v1.0/systemLogs". */
function endpointOf(base: IHttpRequestOptions): string {
	return `${(base.method ?? 'GET').toUpperCase()} ${base.url}`;
}

/** The error of a run that Lofty's repeats or the page cap cut short: its records are not output. */
export function incompleteListError(node: INode, base: IHttpRequestOptions, run: PageRun, itemIndex?: number): NodeOperationError {
	const [what, why] =
		run.end === 'cap'
			? ['did not end', 'Use Limit or the filters to fetch fewer records per run.']
			: ['repeated itself', 'Paging stopped there so that the run cannot loop forever. Try again later.'];
	return new NodeOperationError(node, `Lofty's list at ${endpointOf(base)} ${what}: ${run.problem}`, {
		itemIndex,
		description: `${run.requests} requests were sent and the ${run.records.length} records received are not output, as the list would be incomplete. ${why}`,
	});
}

/**
 * Every record of a list (or up to `maxResults`). A run cut short by Lofty's repeats or the
 * page cap is an error naming the endpoint and what repeated: a partial list never passes as whole.
 */
export async function collectPages(
	send: (options: IHttpRequestOptions) => Promise<unknown>,
	base: IHttpRequestOptions,
	paging: PagingOptions,
	maxResults: number | undefined,
	node: INode,
	itemIndex?: number,
	seen?: Set<string>,
): Promise<IDataObject[]> {
	const run = await pageThrough(send, base, paging, { maxResults, seen });
	if (run.end === 'repeat' || run.end === 'cap') throw incompleteListError(node, base, run, itemIndex);
	return run.records;
}

/** Pages through a list outside declarative routing (Create or Update, triggers); as collectPages. */
export async function loftyApiCallAllItems(
	ctx: LoftyContext,
	options: IHttpRequestOptions,
	paging: PagingOptions,
	maxResults?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const send = async (page: IHttpRequestOptions) => (await loftyRequest(ctx, page, itemIndex)).body;
	return await collectPages(send, options, paging, maxResults, ctx.getNode(), itemIndex);
}

/**
 * For dropdowns and record-picker searches: what at most MAX_PAGES_PER_DROPDOWN pages hold, as
 * far as Lofty stopped repeating itself. A partial list here only offers fewer choices.
 */
export async function loftyApiCallSomeItems(
	ctx: LoftyContext,
	options: IHttpRequestOptions,
	paging: PagingOptions,
	run: PageRunOptions = {},
): Promise<PageRun> {
	const send = async (page: IHttpRequestOptions) => (await loftyRequest(ctx, page)).body;
	return await pageThrough(send, options, paging, { maxPages: MAX_PAGES_PER_DROPDOWN, ...run });
}
