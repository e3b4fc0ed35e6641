/**
 * Communication group: GET /v1.0/communication/call | call/v2 | email | text (currentId
 * cursor or offset/limit) and POST /v1.0/agent/communication (PageResult, 24 h window).
 */
import type { AgentCommunicationRecord, CallRecord, EmailRecord, FakeLoftyData, TextRecord } from './data';
import type { RouteContext, Router } from './router';
import type { TimeFormat } from './types';
import { badRequest, LIMIT_NOT_VALID } from './errors';
import { formatTime } from './time';
import { bodyObject, optBool, optInt, optStr } from './validate';

export const MAX_COMMUNICATION_LIMIT = 1000;
export const MAX_AGENT_COMMUNICATION_RANGE_MS = 86_400_000;
export const RANGE_TOO_LONG_MESSAGE = 'The time range cannot exceed 24 hours';

/**
 * Which records a POST /v1.0/agent/communication window [startTime, endTime] returns.
 * The reference does not say whether Lofty's bounds are inclusive: 'half-open' (the default)
 * is [startTime, endTime); 'closed' is [startTime, endTime], so a record exactly on the
 * boundary of two consecutive windows comes back from both.
 */
export type AgentCommunicationBounds = 'half-open' | 'closed';

const agentCommunicationBoundsByData = new WeakMap<FakeLoftyData, AgentCommunicationBounds>();

/** Sets how this fake's agent-communication windows treat their end bound (tests call it with env.fake.data). */
export function setAgentCommunicationBounds(data: FakeLoftyData, bounds: AgentCommunicationBounds): void {
	agentCommunicationBoundsByData.set(data, bounds);
}

function inWindow(data: FakeLoftyData, time: number, startTime: number, endTime: number): boolean {
	if (agentCommunicationBoundsByData.get(data) === 'closed') return time >= startTime && time <= endTime;
	return time >= startTime && time < endTime;
}

function durationText(sec: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(sec / 3600))}:${pad(Math.floor((sec % 3600) / 60))}:${pad(sec % 60)}`;
}

/** CallResponse (6.13); GET /v1.0/calls serves the same records in the same shape. */
export function renderCall(c: CallRecord, f: TimeFormat): Record<string, unknown> {
	const start = c.createTime;
	const end = c.createTime + c.durationSec * 1000;
	return {
		id: c.id,
		dialerCallRecordId: c.id,
		leadId: c.leadId,
		agentId: c.agentId,
		userId: c.agentId,
		direction: c.direction,
		callingOutcome: c.outcome,
		status: c.outcome === 'Talked' ? 'Completed' : 'NoAnswer',
		duration: c.durationSec,
		elapsedTime: durationText(c.durationSec),
		startTime: formatTime(start, f),
		endTime: formatTime(end, f),
		createTime: formatTime(c.createTime, f),
		updateTime: formatTime(end, f),
		isMachineAnswered: c.outcome === 'VoiceMessage',
		leadPhoneNumber: c.leadPhoneNumber,
		userPhoneNumber: c.userPhoneNumber,
		showUserNumber: c.userPhoneNumber,
		note: c.note,
		price: 0.02,
		rateScore: 0,
		recordingSwitch: false,
	};
}

/** CallHistory (6.11). */
function renderCallHistory(c: CallRecord, f: TimeFormat): Record<string, unknown> {
	return {
		id: c.id,
		leadId: c.leadId,
		agentId: c.agentId,
		direction: c.direction,
		createTime: formatTime(c.createTime, f),
		leadPhoneNumber: c.leadPhoneNumber,
	};
}

/** EmailResponse (6.26). */
function renderEmail(e: EmailRecord, f: TimeFormat): Record<string, unknown> {
	return {
		id: e.id,
		leadId: e.leadId,
		agentId: e.agentId,
		direction: e.direction,
		emailEventTime: formatTime(e.time, f),
		emailSubject: e.subject,
		emailType: e.emailType,
		eventType: e.eventType,
		fromPond: false,
	};
}

/** TextResponse (6.76). */
function renderText(t: TextRecord, f: TimeFormat): Record<string, unknown> {
	return {
		id: t.id,
		leadId: t.leadId,
		agentId: t.agentId,
		direction: t.direction,
		textOutcome: t.textOutcome,
		textTime: formatTime(t.time, f),
		textType: t.textType,
	};
}

/** CommunicationResponse (6.17); communicationTime is a full ISO instant with milliseconds. */
function renderAgentCommunication(r: AgentCommunicationRecord): Record<string, unknown> {
	return {
		id: r.id,
		leadId: r.leadId,
		agentId: r.agentId,
		communicationTime: new Date(r.time).toISOString(),
		communicationType: r.communicationType,
		eventType: r.eventType,
		direction: r.direction,
		status: r.status,
		callDuration: r.callDuration,
		callOutcome: r.callOutcome,
		fromPond: r.fromPond,
	};
}

/**
 * currentId/offset paging shared by the four history routes. Records are sorted by
 * ascending id. With currentId: id > currentId (id >= currentId with the
 * currentIdInclusive option), offset ignored. Without: offset/limit.
 * limit default 10, 1..1000 else LIMIT_NOT_VALID; offset >= 0; optional leadId filter.
 */
function pageById<T extends { id: number; leadId: number }>(ctx: RouteContext, records: T[]): T[] {
	const { query, options } = ctx;
	const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
	if (limit < 1 || limit > MAX_COMMUNICATION_LIMIT) throw badRequest(LIMIT_NOT_VALID);
	const offset = query.int('offset', 'OFFSET_NOT_VALID') ?? 0;
	if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
	const currentId = query.int('currentId', 'currentId is not valid');
	const leadId = query.int('leadId');
	let list = records.filter((r) => leadId === undefined || r.leadId === leadId).sort((a, b) => a.id - b.id);
	if (currentId !== undefined) {
		list = list.filter((r) => (options.currentIdInclusive ? r.id >= currentId : r.id > currentId));
		return list.slice(0, limit);
	}
	return list.slice(offset, offset + limit);
}

export function registerCommunicationRoutes(router: Router): void {
	/** 5.3.2 GET /v1.0/communication/call -> CallResponse[] (bare array). */
	router.get('/v1.0/communication/call', (ctx) => ({
		body: pageById(ctx, ctx.data.calls).map((c) => renderCall(c, ctx.options.timeFormat)),
	}));

	/** 5.3.3 GET /v1.0/communication/call/v2 -> CallHistory[] over the same call records. */
	router.get('/v1.0/communication/call/v2', (ctx) => ({
		body: pageById(ctx, ctx.data.calls).map((c) => renderCallHistory(c, ctx.options.timeFormat)),
	}));

	/** 5.3.4 GET /v1.0/communication/email -> EmailResponse[]. */
	router.get('/v1.0/communication/email', (ctx) => ({
		body: pageById(ctx, ctx.data.emails).map((e) => renderEmail(e, ctx.options.timeFormat)),
	}));

	/** 5.3.5 GET /v1.0/communication/text -> TextResponse[]. */
	router.get('/v1.0/communication/text', (ctx) => ({
		body: pageById(ctx, ctx.data.texts).map((t) => renderText(t, ctx.options.timeFormat)),
	}));

	/**
	 * 5.3.1 POST /v1.0/agent/communication (CommunicationRequest) -> PageResult
	 * `{hasMore, limit, offset, pageData: CommunicationResponse[]}` of the records whose time
	 * is in [startTime, endTime) (or [startTime, endTime] after setAgentCommunicationBounds
	 * 'closed'), ascending by time then id. startTime and endTime are
	 * required, endTime must be after startTime and at most 24 h later. limit default 10,
	 * 1..1000 (LIMIT_NOT_VALID); offset default 0; type CALL|EMAIL|TEXT filters eventType.
	 * teamView=false (default) shows the current user's records only; seeded records all
	 * belong to the current user.
	 */
	router.post('/v1.0/agent/communication', (ctx) => {
		const body = bodyObject(ctx.body, 'communicationRequest');
		const startTime = optInt(body, 'startTime');
		const endTime = optInt(body, 'endTime');
		if (startTime === undefined) throw badRequest('startTime is required');
		if (endTime === undefined) throw badRequest('endTime is required');
		if (endTime <= startTime) throw badRequest('endTime must be greater than startTime');
		if (endTime - startTime > MAX_AGENT_COMMUNICATION_RANGE_MS) throw badRequest(RANGE_TOO_LONG_MESSAGE);
		const limit = optInt(body, 'limit') ?? 10;
		if (limit < 1 || limit > MAX_COMMUNICATION_LIMIT) throw badRequest(LIMIT_NOT_VALID);
		const offset = optInt(body, 'offset') ?? 0;
		if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
		const type = optStr(body, 'type');
		if (type !== undefined && !['CALL', 'EMAIL', 'TEXT'].includes(type)) {
			throw badRequest(`type is not valid: '${type}', expected CALL, EMAIL or TEXT`);
		}
		const teamView = optBool(body, 'teamView') ?? false;
		const matching = ctx.data.agentCommunications
			.filter((r) => inWindow(ctx.data, r.time, startTime, endTime))
			.filter((r) => teamView || r.agentId === ctx.data.currentUserId)
			.filter((r) => {
				if (type === 'CALL') return r.eventType === 'Call';
				if (type === 'TEXT') return r.eventType === 'Text';
				if (type === 'EMAIL') return r.eventType.endsWith('Email');
				return true;
			})
			.sort((a, b) => a.time - b.time || a.id - b.id);
		const page = matching.slice(offset, offset + limit);
		return {
			body: {
				hasMore: offset + page.length < matching.length,
				limit,
				offset,
				pageData: page.map(renderAgentCommunication),
			},
		};
	});
}
