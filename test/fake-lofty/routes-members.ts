/**
 * Members and team features: GET /v1.0/me, GET /v1.0/members,
 * GET /v1.0/teamFeatures/listTag, GET /v1.0/teamFeatures/listCustomField.
 */
import type { FakeLoftyData, MemberRecord } from './data';
import type { TimeFormat } from './types';
import type { Router } from './router';
import { badRequest, LIMIT_NOT_VALID } from './errors';
import { formatTime } from './time';

/** UserResponse (6.81). */
export function renderMember(data: FakeLoftyData, m: MemberRecord): Record<string, unknown> {
	const leads = data.liveLeads().filter((l) => l.assignedUserId === m.id);
	return {
		id: m.id,
		memberUserId: m.id,
		firstName: m.firstName,
		lastName: m.lastName,
		firstLetter: m.firstName.charAt(0).toUpperCase(),
		email: m.email,
		phoneNumber: m.phoneNumber,
		virtualNumber: m.virtualNumber,
		groupId: m.groupId,
		groupName: m.groupName,
		role: m.role,
		roleName: m.roleName,
		isAdmin: m.isAdmin,
		status: 1,
		accountStatus: 'ACTIVE',
		timeZoneId: m.timeZoneId,
		invitorUserId: m.id === data.currentUserId ? null : data.currentUserId,
		assignedLeadCount: leads.length,
		newLeadCount: leads.filter((l) => l.stage === data.stages[0]?.name).length,
		agentInfo: {
			agentPid: `PID${m.id}`,
			companyName: 'Example Realty',
			companyAddress: '100 Congress Ave, Austin, TX 78701',
			licenseId: m.licenseId,
			mlsAgentId: `MLSA${m.id}`,
			position: m.roleName,
		},
	};
}

/** UserLeadTag (6.78) as listed for the team: no leadId. */
export function renderTeamTag(tag: FakeLoftyData['tags'][number], format: TimeFormat): Record<string, unknown> {
	return {
		tagId: tag.tagId,
		tagName: tag.tagName,
		createTime: formatTime(tag.createTime, format),
		updateTime: formatTime(tag.updateTime, format),
		creatorUserId: tag.creatorUserId,
		visibleType: tag.visibleType,
	};
}

export function registerMemberRoutes(router: Router): void {
	/** GET /v1.0/me -> UserResponse of the current user (not wrapped). */
	router.get('/v1.0/me', ({ data }) => ({ body: renderMember(data, data.currentUser()) }));

	/**
	 * GET /v1.0/members -> MemberListResponse
	 * `{_metadata: {collection: 'members', limit, offset, total}, members: UserResponse[]}`.
	 * limit 1..100 (default 10, otherwise LIMIT_NOT_VALID), offset >= 0 (default 0),
	 * groupIds filters on the member's groupId.
	 */
	router.get('/v1.0/members', ({ data, query }) => {
		const limit = query.int('limit', LIMIT_NOT_VALID) ?? 10;
		if (limit < 1 || limit > 100) throw badRequest(LIMIT_NOT_VALID);
		const offset = query.int('offset', 'OFFSET_NOT_VALID') ?? 0;
		if (offset < 0) throw badRequest('OFFSET_NOT_VALID');
		const groupIds = query.intList('groupIds');
		const all = data.members.filter((m) => groupIds.length === 0 || groupIds.includes(m.groupId));
		return {
			body: {
				_metadata: { collection: 'members', limit, offset, total: all.length },
				members: all.slice(offset, offset + limit).map((m) => renderMember(data, m)),
			},
		};
	});

	/** GET /v1.0/teamFeatures/listTag -> bare array of UserLeadTag. */
	router.get('/v1.0/teamFeatures/listTag', ({ data, options }) => ({
		body: data.tags.map((t) => renderTeamTag(t, options.timeFormat)),
	}));

	/**
	 * GET /v1.0/teamFeatures/listCustomField -> bare array of CustomAttribute
	 * `{attributeName, attributeType, params, value: null}` (the reference gives no id).
	 */
	router.get('/v1.0/teamFeatures/listCustomField', ({ data }) => ({
		body: data.leadCustomFields.map((f) => ({
			attributeName: f.attributeName,
			attributeType: f.attributeType,
			params: f.params,
			value: null,
		})),
	}));
}
