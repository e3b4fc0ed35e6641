import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend, sendHook } from '../shared/hooks';
import { isObject } from '../shared/objects';
import type { PagingOptions } from '../shared/pagination';
import { collectPages, extractRecords, hasMoreOf, limitOf } from '../shared/pagination';
import { loftyRequest } from '../shared/transport';

/** Lofty answers POST /v1.0/agent/communication for at most 24 hours at a time. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
/** CommunicationRequest.limit: max 1000. */
export const AGENT_COMMUNICATION_PAGE_SIZE = 1000;
const windowPages: PagingOptions = { style: 'bodyOffset', pageSize: AGENT_COMMUNICATION_PAGE_SIZE };


/** Start Time must come before End Time (both already epoch milliseconds in the body). */
export const checkTimeRange = preSend(async function (requestOptions) {
	const body = isObject(requestOptions.body) ? requestOptions.body : {};
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
 * both bounds as inclusive) is emitted once. Paging stops exactly at Limit.
 */
export const getAgentCommunication = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const maxResults = limitOf(this, requestData);
	const base = requestData.options as IHttpRequestOptions;
	const body: IDataObject = isObject(base.body) ? { ...base.body } : {};
	const seen = new Set<string>();
	const results: IDataObject[] = [];

	for (const window of dayWindows(Number(body.startTime), Number(body.endTime))) {
		const wanted = maxResults === undefined ? undefined : maxResults - results.length;
		if (wanted !== undefined && wanted <= 0) break;

		// Lofty's offset counts every record of the window, duplicates included, while
		// collectPages counts only what it is handed: track Lofty's offset here.
		let loftyOffset = 0;
		const sendPage = async (page: IHttpRequestOptions): Promise<IDataObject> => {
			const pageBody = page.body as IDataObject;
			const requested = Number(pageBody.limit);
			for (;;) {
				const response = await loftyRequest(this, { ...page, body: { ...pageBody, offset: loftyOffset } }, itemIndex);
				const records = extractRecords(response.body);
				loftyOffset += records.length;
				const reported = hasMoreOf(response.body);
				const hasMore = records.length > 0 && (reported ?? records.length >= requested);
				const fresh = records.filter((record) => {
					if (record.id === undefined || record.id === null) return true;
					const key = String(record.id);
					if (seen.has(key)) return false;
					seen.add(key);
					return true;
				});
				// A page of nothing but repeats would end collectPages early: read on instead.
				if (fresh.length > 0 || !hasMore) return { hasMore, pageData: fresh };
			}
		};

		const windowRequest: IHttpRequestOptions = { ...base, body: { ...body, ...window } };
		results.push(...(await collectPages(sendPage, windowRequest, windowPages, wanted)));
	}
	return results.map((json) => ({ json }));
});
