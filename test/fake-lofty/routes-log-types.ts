/**
 * LogType group (log call / log email / log text on a lead): POST /v1.0/logType,
 * GET /v1.0/logType (currentId cursor or offset/limit, limit max 1000),
 * GET /v1.0/logType/{logTypeId} and DELETE /v1.0/logType/{logTypeId}.
 * The store lives here, one per FakeLoftyData, with its own seeder.
 */
import type { FakeLoftyData } from './data';
import { LEAD_ID_BASE, MINUTE_MS, SEED_BASE_TIME, seededLeadPhone } from './data';
import type { RouteContext, Router } from './router';
import { pathId } from './router';
import { badRequest, leadNotFound, LIMIT_NOT_VALID, notFound } from './errors';
import { formatTime } from './time';
import { bodyObject, optBool, optInt, optStr } from './validate';

/** Log type k (k-th of the store, created or seeded) has id 8500000 + k. */
export const LOG_TYPE_ID_BASE = 8_500_000;
export const MAX_LOG_TYPE_LIMIT = 1000;
export const LOG_TYPE_NOT_FOUND_MESSAGE = 'Log type not found';
export const LOG_TYPES = ['logCall', 'logEmail', 'logText'] as const;
export const CALLING_OUTCOMES = ['Talked', 'VoiceMessage', 'NoAnswer', 'BadNumber', 'DNCNumber', 'DNCContact'] as const;
export const DIRECTIONS = ['Outbound', 'Inbound'] as const;

export type LogTypeValue = (typeof LOG_TYPES)[number];

export interface LogTypeRecord {
	id: number;
	leadId: number;
	agentId: number;
	logType: LogTypeValue;
	content: string | null;
	callingOutcome: string | null;
	isPin: boolean;
	leadPhoneNumber: string | null;
	outboundOrInbound: string | null;
	createTime: number;
	deleted: boolean;
}

interface LogTypeStore {
	records: LogTypeRecord[];
	nextId: number;
}

const stores = new WeakMap<FakeLoftyData, LogTypeStore>();

function storeOf(data: FakeLoftyData): LogTypeStore {
	let store = stores.get(data);
	if (!store) {
		store = { records: [], nextId: LOG_TYPE_ID_BASE + 1 };
		stores.set(data, store);
	}
	return store;
}

/** Every log type of this fake, deleted ones included (`deleted: true`). */
export function logTypesOf(data: FakeLoftyData): LogTypeRecord[] {
	return storeOf(data).records;
}

/**
 * Seeds n log types. Log type k (k-th of the store, continuing across calls and creates):
 * id 8500000 + k, leadId 1000001 + (k-1) % 5, agentId members[(k-1) % 3].id,
 * logType cycling logCall, logEmail, logText; a logCall has callingOutcome
 * CALLING_OUTCOMES[(k-1) % 6] and the lead's phone, a logText the lead's phone;
 * content `Log <k>`, isPin when 4 | k, Outbound for odd k, createTime base + (k-1) minutes.
 * The leads need not exist.
 */
export function seedLogTypes(data: FakeLoftyData, count: number): LogTypeRecord[] {
	const store = storeOf(data);
	const added: LogTypeRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = store.nextId++;
		const k = id - LOG_TYPE_ID_BASE;
		const logType = LOG_TYPES[(k - 1) % LOG_TYPES.length];
		const leadNumber = 1 + ((k - 1) % 5);
		const record: LogTypeRecord = {
			id,
			leadId: LEAD_ID_BASE + leadNumber,
			agentId: data.members[(k - 1) % data.members.length].id,
			logType,
			content: `Log ${k}`,
			callingOutcome: logType === 'logCall' ? CALLING_OUTCOMES[(k - 1) % CALLING_OUTCOMES.length] : null,
			isPin: k % 4 === 0,
			leadPhoneNumber: logType === 'logEmail' ? null : seededLeadPhone(leadNumber),
			outboundOrInbound: k % 2 === 1 ? 'Outbound' : 'Inbound',
			createTime: SEED_BASE_TIME + (k - 1) * MINUTE_MS,
			deleted: false,
		};
		store.records.push(record);
		added.push(record);
	}
	return added;
}

/** LogTypeResponse (6.52): exactly the reference's fields (it lists neither logType nor content). */
function renderLogType(r: LogTypeRecord, ctx: RouteContext): Record<string, unknown> {
	return {
		id: r.id,
		leadId: r.leadId,
		agentId: r.agentId,
		callingOutcome: r.callingOutcome,
		createTime: formatTime(r.createTime, ctx.options.timeFormat),
		isPin: r.isPin,
		leadPhoneNumber: r.leadPhoneNumber,
		outboundOrInbound: r.outboundOrInbound,
	};
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T | undefined {
	if (value === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(value)) {
		throw badRequest(`${field} is not valid: '${value}', expected one of ${allowed.join(', ')}`);
	}
	return value as T;
}

function liveLogType(ctx: RouteContext): LogTypeRecord {
	const logTypeId = pathId(ctx, 'logTypeId');
	const record = logTypesOf(ctx.data).find((r) => r.id === logTypeId && !r.deleted);
	if (!record) throw notFound(LOG_TYPE_NOT_FOUND_MESSAGE);
	return record;
}

export function registerLogTypeRoutes(router: Router): void {
	/**
	 * 5.16.1 POST /v1.0/logType (LogTypeRequest) -> the new id as a bare JSON string *(chosen;
	 * the reference says "string")*. leadId (an existing lead, else 404 Lead not found) and
	 * logType (logCall, logEmail or logText) are required; callingOutcome must be one of
	 * Talked, VoiceMessage, NoAnswer, BadNumber, DNCNumber, DNCContact and only goes with
	 * logCall; outboundOrInbound is Outbound or Inbound. Query parameters are ignored.
	 */
	router.post('/v1.0/logType', (ctx) => {
		const body = bodyObject(ctx.body, 'request');
		const leadId = optInt(body, 'leadId');
		if (leadId === undefined) throw badRequest('leadId is required');
		const logType = oneOf(optStr(body, 'logType'), LOG_TYPES, 'logType');
		if (logType === undefined) throw badRequest('logType is required');
		const callingOutcome = oneOf(optStr(body, 'callingOutcome'), CALLING_OUTCOMES, 'callingOutcome');
		if (callingOutcome !== undefined && logType !== 'logCall') {
			throw badRequest(`callingOutcome only applies to logCall, not ${logType}`);
		}
		const outboundOrInbound = oneOf(optStr(body, 'outboundOrInbound'), DIRECTIONS, 'outboundOrInbound');
		const leadPhoneNumber = optStr(body, 'leadPhoneNumber');
		if (leadPhoneNumber !== undefined && leadPhoneNumber.length > 20) throw badRequest('leadPhoneNumber is too long');
		const content = optStr(body, 'content');
		const isPin = optBool(body, 'isPin') ?? false;
		if (!ctx.data.lead(leadId)) throw leadNotFound();

		const store = storeOf(ctx.data);
		const record: LogTypeRecord = {
			id: store.nextId++,
			leadId,
			agentId: ctx.data.currentUserId,
			logType,
			content: content ?? null,
			callingOutcome: callingOutcome ?? null,
			isPin,
			leadPhoneNumber: leadPhoneNumber ?? null,
			outboundOrInbound: outboundOrInbound ?? null,
			createTime: ctx.data.now(),
			deleted: false,
		};
		store.records.push(record);
		return { body: String(record.id) };
	});

	/**
	 * 5.16.2 GET /v1.0/logType -> LogTypeResponse[] (bare array), ascending id. limit default
	 * 10, 1..1000 (else LIMIT_NOT_VALID). With currentId: id > currentId (id >= currentId with
	 * the currentIdInclusive option), offset ignored; without: offset/limit. Filters: leadId,
	 * logType (logCall, logEmail or logText).
	 */
	router.get('/v1.0/logType', (ctx) => {
		const { query, options } = ctx;
		const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
		if (limit < 1 || limit > MAX_LOG_TYPE_LIMIT) throw badRequest(LIMIT_NOT_VALID);
		const offset = query.int('offset', 'OFFSET_NOT_VALID') ?? 0;
		if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
		const currentId = query.int('currentId', 'currentId is not valid');
		const leadId = query.int('leadId');
		const logType = oneOf(query.str('logType'), LOG_TYPES, 'logType');
		let list = logTypesOf(ctx.data)
			.filter((r) => !r.deleted)
			.filter((r) => leadId === undefined || r.leadId === leadId)
			.filter((r) => logType === undefined || r.logType === logType)
			.sort((a, b) => a.id - b.id);
		if (currentId !== undefined) {
			list = list.filter((r) => (options.currentIdInclusive ? r.id >= currentId : r.id > currentId)).slice(0, limit);
		} else {
			list = list.slice(offset, offset + limit);
		}
		return { body: list.map((r) => renderLogType(r, ctx)) };
	});

	/** 5.16.3 GET /v1.0/logType/{logTypeId} -> LogTypeResponse; unknown or deleted -> 404 `Log type not found`. */
	router.get('/v1.0/logType/{logTypeId}', (ctx) => ({ body: renderLogType(liveLogType(ctx), ctx) }));

	/** 5.16.4 DELETE /v1.0/logType/{logTypeId} -> 200 with no content; unknown or deleted -> 404. */
	router.delete('/v1.0/logType/{logTypeId}', (ctx) => {
		liveLogType(ctx).deleted = true;
		return { status: 200 };
	});
}
