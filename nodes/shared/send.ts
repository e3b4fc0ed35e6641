import type { DeclarativeRestApiSettings, IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { ItemContext } from './hooks';
import { itemParameter, sendHook } from './hooks';
import { isObject } from './objects';
import type { PagingOptions, Simplifier, SingleOptions } from './pagination';
import { collectPages, extractRecords } from './pagination';
import { loftyRequest } from './transport';

/**
 * The send functions of the operations (`routing.operations.pagination`): each sends the request
 * RoutingNode built through the transport and turns Lofty's answer into items.
 */

function toItems(records: IDataObject[]): INodeExecutionData[] {
	return records.map((json) => ({ json }));
}

/** The records, simplified when the operation has a Simplify switch and it is on. */
function simplifiedIfAsked(ctx: ItemContext, records: IDataObject[], simplify?: Simplifier): IDataObject[] {
	return simplify && itemParameter(ctx, 'simplify', false) === true ? records.map(simplify) : records;
}

/**
 * The Limit of a list operation, or undefined for Return All; the walker (fieldRules.ts) has
 * refused one below 1.
 */
export function limitOf(ctx: ItemContext): number | undefined {
	if (itemParameter(ctx, 'returnAll', true) === true) return undefined;
	return Number(itemParameter(ctx, 'limit'));
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
		const maxResults = limitOf(this);
		const send = async (options: IHttpRequestOptions) =>
			(await loftyRequest(this, options, itemIndex)).body;
		const records = await collectPages(
			send,
			requestData.options as IHttpRequestOptions,
			paging,
			maxResults,
			this.getNode(),
			itemIndex,
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
		const id = String(itemParameter(this, parameter, '')).trim();
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
		const id = String(itemParameter(this, parameter, '')).trim();
		await loftyRequest(this, requestData.options as IHttpRequestOptions, this.getItemIndex());
		return [{ json: { deleted: true, [idKey]: id } }];
	});
}
