/**
 * System logs: GET /v1.0/systemLogs (pageNumber from 0, pageSize max 100).
 */
import type { FakeLoftyData, SystemLogRecord } from './data';
import type { Router } from './router';
import { badRequest } from './errors';

export const MAX_SYSTEM_LOG_PAGE_SIZE = 100;

/**
 * 5.18.1 GET /v1.0/systemLogs -> SystemLogResponse[] (bare array), newest first
 * (createTime descending, then id descending). pageNumber default 0 (>= 0, else
 * PAGE_NUMBER_NOT_VALID); pageSize default 10, 1..100 (else PAGE_SIZE_NOT_VALID);
 * leadId filter; startTime/endTime epoch ms filter createTime to [startTime, endTime).
 */
export function registerSystemLogRoutes(router: Router): void {
	router.get('/v1.0/systemLogs', (ctx) => {
		const { query, data } = ctx;
		const pageNumber = query.int('pageNumber', 'PAGE_NUMBER_NOT_VALID') ?? 0;
		if (pageNumber < 0) throw badRequest('PAGE_NUMBER_NOT_VALID');
		const pageSize = query.int('pageSize', 'PAGE_SIZE_NOT_VALID') ?? 10;
		if (pageSize < 1 || pageSize > MAX_SYSTEM_LOG_PAGE_SIZE) {
			throw badRequest(`PAGE_SIZE_NOT_VALID: pageSize must be between 1 and ${MAX_SYSTEM_LOG_PAGE_SIZE}`);
		}
		const leadId = query.int('leadId');
		const startTime = query.int('startTime');
		const endTime = query.int('endTime');
		if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
			throw badRequest('endTime must not be before startTime');
		}
		const list = data.systemLogs
			.filter((r) => leadId === undefined || r.leadId === leadId)
			.filter((r) => startTime === undefined || r.createTime >= startTime)
			.filter((r) => endTime === undefined || r.createTime < endTime)
			.sort((a, b) => b.createTime - a.createTime || b.id - a.id);
		const page = list.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
		return { body: page.map((r) => renderSystemLog(ctx.data, r)) };
	});
}

/** SystemLogResponse (6.73). */
function renderSystemLog(data: FakeLoftyData, r: SystemLogRecord): Record<string, unknown> {
	const lead = data.leads.get(r.leadId);
	const agent = data.member(r.agentId);
	return {
		id: r.id,
		leadId: r.leadId,
		leadFullName: lead ? [lead.profile.firstName, lead.profile.lastName].filter(Boolean).join(' ') : null,
		agentId: r.agentId,
		content: r.content,
		createTime: r.createTime,
		updateTime: r.createTime,
		timelineTime: r.createTime,
		timelineType: r.timelineType,
		fromId: r.agentId,
		fromType: 1,
		fromFirstName: agent?.firstName ?? null,
		fromLastName: agent?.lastName ?? null,
		toId: r.leadId,
		toType: 2,
		toFirstName: lead?.profile.firstName ?? null,
		toLastName: lead?.profile.lastName ?? null,
		canSticky: false,
		sticky: false,
	};
}
