/**
 * Calls group: GET /v1.0/calls (offset/limit, CallListResponse with _metadata.total) and
 * GET /v1.0/calls/{callId} (CallResponse). Both read the call records that
 * /v1.0/communication/call serves (`data.calls`, seeded by seedCallHistory).
 */
import type { CallRecord, FakeLoftyData } from './data';
import type { Router } from './router';
import { pathId } from './router';
import { badRequest, LIMIT_NOT_VALID, notFound } from './errors';
import { renderCall } from './routes-communication';

/** The reference gives no maximum for /v1.0/calls: the fake applies the 1..100 of Lofty's other offset lists *(chosen)*. */
export const MAX_CALLS_LIMIT = 100;
export const CALL_NOT_FOUND_MESSAGE = 'Call not found';

/** The call store: the same records as the communication call history. */
export function callsOf(data: FakeLoftyData): CallRecord[] {
	return data.calls;
}

/**
 * Seeds n calls through seedCallHistory (which also seeds n emails and n texts): call k has
 * id 3000000 + k, leadId 1000001 + (k-1) % 5 and createTime base + (k-1) minutes.
 */
export function seedCalls(data: FakeLoftyData, count: number): CallRecord[] {
	const before = data.calls.length;
	data.seedCallHistory(count);
	return data.calls.slice(before);
}

export function registerCallRoutes(router: Router): void {
	/**
	 * 5.2.1 GET /v1.0/calls -> CallListResponse `{_metadata: {collection: 'calls', limit, offset,
	 * total}, calls: CallResponse[]}`, newest first (createTime descending, then id descending)
	 * *(chosen)*. limit default 10, 1..100 (else LIMIT_NOT_VALID); offset default 0, >= 0;
	 * leadId filters.
	 */
	router.get('/v1.0/calls', (ctx) => {
		const { query } = ctx;
		const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
		if (limit < 1 || limit > MAX_CALLS_LIMIT) throw badRequest(LIMIT_NOT_VALID);
		const offset = query.int('offset', 'OFFSET_NOT_VALID') ?? 0;
		if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
		const leadId = query.int('leadId');
		const matching = callsOf(ctx.data)
			.filter((c) => leadId === undefined || c.leadId === leadId)
			.sort((a, b) => b.createTime - a.createTime || b.id - a.id);
		return {
			body: {
				_metadata: { collection: 'calls', limit, offset, total: matching.length },
				calls: matching.slice(offset, offset + limit).map((c) => renderCall(c, ctx.options.timeFormat)),
			},
		};
	});

	/** 5.2.2 GET /v1.0/calls/{callId} -> CallResponse; unknown id -> 404 `Call not found`. */
	router.get('/v1.0/calls/{callId}', (ctx) => {
		const callId = pathId(ctx, 'callId');
		const call = callsOf(ctx.data).find((c) => c.id === callId);
		if (!call) throw notFound(CALL_NOT_FOUND_MESSAGE);
		return { body: renderCall(call, ctx.options.timeFormat) };
	});
}
