import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend, sendHook } from '../shared/hooks';
import { isObject } from '../shared/objects';
import type { PagingOptions } from '../shared/pagination';
import { collectPages } from '../shared/pagination';
import { limitOf } from '../shared/send';
import { loftyRequest } from '../shared/transport';

/** Lofty answers POST /v1.0/agent/communication for at most 24 hours at a time. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
/** CommunicationRequest.limit: max 1000. */
export const AGENT_COMMUNICATION_PAGE_SIZE = 1000;
const windowPages: PagingOptions = { style: 'bodyOffset', pageSize: AGENT_COMMUNICATION_PAGE_SIZE };


/** Start Time must come before End Time (both already epoch milliseconds in the body). */
export const checkTimeRange = preSend(async function (requestOptions) {
	const body = isObject(requestOptions.body) ? requestOptions.body : {};
	// An empty one is the walker's to refuse: "Start Time" or "End Time" is required.
	if (body.startTime === '' || body.endTime === '' || body.startTime === undefined || body.endTime === undefined) return requestOptions;
	const start = Number(body.startTime);
	const end = Number(body.endTime);
	if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
		throw new NodeOperationError(this.getNode(), '"End Time" must be after "Start Time"', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	return requestOptions;
});

/** Consecutive windows of at most 24 hours covering [startMs, endMs]; each starts where the last ended. */
export function dayWindows(startMs: number, endMs: number): Array<{ startTime: number; endTime: number }> {
	const windows: Array<{ startTime: number; endTime: number }> = [];
	for (let from = startMs; from < endMs; from += MAX_WINDOW_MS) {
		windows.push({ startTime: from, endTime: Math.min(from + MAX_WINDOW_MS, endMs) });
	}
	return windows;
}

/**
 * Search for communication by agent over any time range: Lofty takes at most 24 hours per
 * query, so the range is cut into consecutive 24-hour windows, each paged with offset/limit
 * in the body until PageResult.hasMore is false. Records come out window after window; one
 * that Lofty returns in two windows (a record exactly on a shared bound, should Lofty treat
 * both bounds as inclusive) is emitted once, as the windows share the paginator's record keys.
 * Paging stops exactly at Limit.
 */
export const getAgentCommunication = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const maxResults = limitOf(this);
	const base = requestData.options as IHttpRequestOptions;
	const body: IDataObject = isObject(base.body) ? { ...base.body } : {};
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	const send = async (page: IHttpRequestOptions) => (await loftyRequest(this, page, itemIndex)).body;

	for (const window of dayWindows(Number(body.startTime), Number(body.endTime))) {
		const wanted = maxResults === undefined ? undefined : maxResults - results.length;
		if (wanted !== undefined && wanted <= 0) break;
		const windowRequest: IHttpRequestOptions = { ...base, body: { ...body, ...window } };
		results.push(...(await collectPages(send, windowRequest, windowPages, wanted, this.getNode(), itemIndex, seen)));
	}
	return results.map((json) => ({ json }));
});
