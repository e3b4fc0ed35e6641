import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ItemContext } from './hooks';
import { isObject } from './objects';
import { parameterValue, sendHook } from './hooks';
import { quoted } from './text';
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
 * Fetches records page by page until the list ends or `maxResults` is reached, asking
 * each time for the largest page the endpoint allows (or just what is still needed).
 * `send` performs one request; it receives the options for that page.
 */
export async function collectPages(
	send: (options: IHttpRequestOptions) => Promise<unknown>,
	base: IHttpRequestOptions,
	paging: PagingOptions,
	maxResults?: number,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const wanted = maxResults !== undefined && maxResults > 0 ? maxResults : Infinity;
	const qs: IDataObject = { ...((base.qs as IDataObject) ?? {}) };
	const body: IDataObject = isObject(base.body) ? { ...base.body } : {};
	const idField = paging.idField ?? 'id';
	// Page-number styles need one page size for the whole run, or page k would not follow page k-1.
	const fixedSize = Math.min(paging.pageSize, wanted);
	let offset = 0;
	let page = 0;
	let cursor: unknown;

	while (collected.length < wanted) {
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

		const response = await send(options);
		let records = extractRecords(response, paging.records, paging.unwrap);
		const received = records.length;
		let more = received >= requested && received > 0;

		switch (paging.style) {
			case 'none':
				more = false;
				break;
			case 'offset': {
				offset += received;
				const total = Number(metadataOf(response).total);
				if (Number.isFinite(total)) more = received > 0 && offset < total;
				break;
			}
			case 'scroll': {
				const next = metadataOf(response).scrollId;
				const total = Number(metadataOf(response).total);
				if (next === undefined || next === null || next === '') more = false;
				else cursor = next;
				if (Number.isFinite(total) && collected.length + received >= total) more = false;
				break;
			}
			case 'currentId': {
				// Lofty may start the next page at the cursor itself: never emit it twice.
				if (cursor !== undefined && records.length && String(records[0][idField]) === String(cursor)) {
					records = records.slice(1);
				}
				const last = records[records.length - 1];
				if (!last || last[idField] === undefined) more = false;
				else cursor = last[idField];
				break;
			}
			case 'curPage':
			case 'pageNumber':
				page++;
				break;
			case 'nextPageKey': {
				const next = isObject(response) ? response.nextPageKey : undefined;
				more = received > 0 && next !== undefined && next !== null && next !== '';
				cursor = next;
				break;
			}
			case 'bodyOffset': {
				offset += received;
				const hasMore = hasMoreOf(response);
				if (hasMore !== undefined) more = hasMore && received > 0;
				break;
			}
		}

		collected.push(...records.slice(0, wanted - collected.length));
		if (!more) break;
	}
	return collected;
}

function toItems(records: IDataObject[]): INodeExecutionData[] {
	return records.map((json) => ({ json }));
}

/** The records, simplified when the operation has a Simplify switch and it is on. */
function simplifiedIfAsked(ctx: ItemContext, records: IDataObject[], simplify?: Simplifier): IDataObject[] {
	return simplify && ctx.getNodeParameter('simplify', false) === true ? records.map(simplify) : records;
}

function maxResultsOf(requestData: DeclarativeRestApiSettings.ResultOptions): number | undefined {
	if (requestData.maxResults === undefined || requestData.maxResults === '') return undefined;
	return Number(requestData.maxResults);
}

/**
 * The Limit of a list operation, or undefined for Return All; a Limit below 1 is refused before
 * anything is sent. Read from the parameters: routing drops a Limit of 0 as if Return All were on.
 */
export function limitOf(
	ctx: ItemContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): number | undefined {
	if (ctx.getNodeParameter('returnAll', true) as boolean) return undefined;
	const limit = Number(ctx.getNodeParameter('limit', maxResultsOf(requestData)));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `"Limit" must be a whole number of at least 1, got ${quoted(limit)}`, {
			itemIndex: ctx.getItemIndex(),
			description: 'Nothing was sent to Lofty. Turn on "Return All" to fetch everything.',
		});
	}
	return limit;
}

/**
 * Used as `routing.operations.pagination` of a list operation: the declarative routing
 * builds the request, this pages through it on the shared throttle and emits one item per record.
 */
export function paginate(paging: PagingOptions) {
	return sendHook(async function (
		this: ItemContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const maxResults = limitOf(this, requestData);
		const send = async (options: IHttpRequestOptions) =>
			(await loftyRequest(this, options, itemIndex)).body;
		const records = await collectPages(
			send,
			requestData.options as IHttpRequestOptions,
			paging,
			maxResults,
		);
		return toItems(simplifiedIfAsked(this, records, paging.simplify));
	});
}

/** Output of a single call: an array becomes one item per entry, an object one item. */
export function recordsOf(body: unknown, options: SingleOptions = {}): IDataObject[] {
	if (options.records || Array.isArray(body)) return extractRecords(body, options.records, options.unwrap);
	if (isObject(body)) {
		if (options.unwrap && isObject(body[options.unwrap])) return [body[options.unwrap] as IDataObject];
		return [body];
	}
	if (body === undefined || body === null || body === '') return [{ success: true }];
	if (options.idKey && /^\d+$/.test(String(body).trim())) return [{ [options.idKey]: String(body).trim() }];
	return [{ value: body } as IDataObject];
}

/**
 * The default for every operation (set as the node's `requestOperations.pagination`):
 * one request on the shared throttle, with Lofty's errors mapped.
 */
export function sendRequest(options: SingleOptions = {}) {
	return sendHook(async function (
		this: ItemContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const response = await loftyRequest(this, requestData.options as IHttpRequestOptions, this.getItemIndex(), {
			idempotent: options.idempotent,
		});
		return toItems(simplifiedIfAsked(this, recordsOf(response.body, options), options.simplify));
	});
}

/**
 * For edits and deletes that Lofty answers with no content or a bare string: output the ID
 * the operation was about (read from `parameter`) with `success: true`, plus whatever Lofty said.
 */
export function sendAndEchoId(idKey: string, parameter: string) {
	return sendHook(async function (
		this: ItemContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const id = String(parameterValue(this, parameter, '')).trim();
		const response = await loftyRequest(this, requestData.options as IHttpRequestOptions, itemIndex);
		const body = response.body;
		// A bare string that is not an ID ("success", "OK") is Lofty's message, not a record.
		if (typeof body === 'string' && body.trim() !== '' && !/^\d+$/.test(body.trim())) {
			return [{ json: { [idKey]: id, success: true, message: body } }];
		}
		return recordsOf(body, { idKey }).map((record) => ({ json: { [idKey]: id, success: true, ...record } }));
	});
}

/**
 * For deletes: `{deleted: true}` and the id deleted (read from `parameter`), as n8n's nodes
 * answer a delete; Lofty's answer (empty or a bare string) adds nothing a workflow needs.
 */
export function sendAndConfirmDelete(idKey: string, parameter: string) {
	return sendHook(async function (
		this: ItemContext,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const id = String(parameterValue(this, parameter, '')).trim();
		await loftyRequest(this, requestData.options as IHttpRequestOptions, this.getItemIndex());
		return [{ json: { deleted: true, [idKey]: id } }];
	});
}

/** Pages through a list outside declarative routing (dropdowns, Create or Update, triggers). */
export async function loftyApiCallAllItems(
	ctx: LoftyContext,
	options: IHttpRequestOptions,
	paging: PagingOptions,
	maxResults?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages(async (page) => (await loftyRequest(ctx, page, itemIndex)).body, options, paging, maxResults);
}
