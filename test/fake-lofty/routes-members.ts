/**
 * Members and team features: GET /v1.0/me, GET /v1.0/members, GET /v1.0/members/{account},
 * GET and PUT /v1.0/users/{userId}, GET /v1.0/teamFeatures/listTag,
 * GET /v1.0/teamFeatures/listCustomField.
 *
 * Shapes the reference leaves as `string` are chosen here:
 * - GET /v1.0/members/{account} → the UserResponse object (not a JSON string);
 * - PUT /v1.0/users/{userId} → the bare JSON string "success".
 *
 * Member fields that MemberRecord (data.ts) does not hold — the head portrait and edited
 * agent information — live in a store of this file, keyed by the data instance.
 */
import type { FakeLoftyData, MemberRecord } from './data';
import type { TimeFormat } from './types';
import type { RouteContext, Router } from './router';
import { pathId } from './router';
import { badRequest, LIMIT_NOT_VALID, notFound } from './errors';
import { formatTime } from './time';
import type { JsonObject } from './validate';
import { bodyObject, optObj, optStr } from './validate';

export const MEMBER_NOT_FOUND_MESSAGE = 'Member not found';
export const USER_NOT_FOUND_MESSAGE = 'User not found';
export const MAX_MEMBER_PAGE_SIZE = 100;

/** AgentInfo (6.5) fields, all strings. */
export const AGENT_INFO_FIELDS = ['agentPid', 'companyAddress', 'companyName', 'licenseId', 'mlsAgentId', 'position'] as const;
export type AgentInfoField = (typeof AGENT_INFO_FIELDS)[number];

/** UserRequest (6.80) string fields besides agentInfo. */
const USER_REQUEST_STRINGS = ['email', 'firstName', 'headPortrait', 'lastName', 'phoneNumber', 'timeZoneId'] as const;
const USER_REQUEST_FIELDS = new Set<string>([...USER_REQUEST_STRINGS, 'agentInfo']);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9 ().-]{3,20}$/;

// ---------------------------------------------------------------- member profile store

/** What Lofty keeps about a member beyond MemberRecord. */
export interface MemberProfile {
	headPortrait?: string;
	/** AgentInfo values that replace the rendered defaults. */
	agentInfo: Partial<Record<AgentInfoField, string>>;
}

const profiles = new WeakMap<FakeLoftyData, Map<number, MemberProfile>>();

/** The extra profile of one member, created empty on first use. */
export function memberProfileOf(data: FakeLoftyData, memberId: number): MemberProfile {
	let byId = profiles.get(data);
	if (!byId) {
		byId = new Map();
		profiles.set(data, byId);
	}
	let profile = byId.get(memberId);
	if (!profile) {
		profile = { agentInfo: {} };
		byId.set(memberId, profile);
	}
	return profile;
}

/** The groups (offices) the members belong to, by id. */
export function memberGroups(data: FakeLoftyData): Map<number, string> {
	const groups = new Map<number, string>();
	for (const m of data.members) if (!groups.has(m.groupId)) groups.set(m.groupId, m.groupName);
	return groups;
}

/** The id a new member gets: one above the highest member id. */
export function nextMemberId(data: FakeLoftyData): number {
	return data.members.reduce((max, m) => Math.max(max, m.id), 0) + 1;
}

export interface NewMemberInput {
	firstName: string;
	lastName: string;
	email: string;
	phoneNumber?: string;
	groupId?: number;
	role?: number;
	roleName?: string;
	permissionProfileName?: string;
	licenseId?: string;
	timeZoneId?: string;
}

/** Adds a member (an account created through the API, or a seeded one) and returns it. */
export function addMember(data: FakeLoftyData, input: NewMemberInput): MemberRecord {
	const id = nextMemberId(data);
	const groups = memberGroups(data);
	const groupId = input.groupId ?? data.currentUser().groupId;
	const member: MemberRecord = {
		id,
		firstName: input.firstName,
		lastName: input.lastName,
		email: input.email,
		phoneNumber: input.phoneNumber ?? '',
		groupId,
		groupName: groups.get(groupId) ?? '',
		role: input.role ?? 2,
		roleName: input.roleName ?? 'Agent',
		isAdmin: false,
		timeZoneId: input.timeZoneId ?? data.currentUser().timeZoneId,
		virtualNumber: '',
		permissionProfileName: input.permissionProfileName ?? 'Agent',
		licenseId: input.licenseId ?? '',
	};
	data.members.push(member);
	return member;
}

const SEED_MEMBER_FIRST_NAMES = ['Dana', 'Elliot', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Micah'];
const SEED_MEMBER_LAST_NAMES = ['Nguyen', 'Ortiz', 'Patel', 'Quinn', 'Reyes', 'Shaw', 'Turner'];

/**
 * Adds `count` agents after the existing members. Seeded member with id N is named
 * SEED_MEMBER_FIRST_NAMES[N % 10] SEED_MEMBER_LAST_NAMES[N % 7], has email member<N>@example.com
 * and phone 512555<last 4 digits of N>, and belongs to 800001 Austin Office when N is even,
 * 800002 Round Rock Office when odd.
 */
export function seedMembers(data: FakeLoftyData, count: number): MemberRecord[] {
	const added: MemberRecord[] = [];
	for (let i = 0; i < count; i++) {
		const n = nextMemberId(data);
		added.push(
			addMember(data, {
				firstName: SEED_MEMBER_FIRST_NAMES[n % SEED_MEMBER_FIRST_NAMES.length],
				lastName: SEED_MEMBER_LAST_NAMES[n % SEED_MEMBER_LAST_NAMES.length],
				email: `member${n}@example.com`,
				phoneNumber: `512555${String(n % 10000).padStart(4, '0')}`,
				groupId: n % 2 === 0 ? 800001 : 800002,
				licenseId: `TX-${n}`,
			}),
		);
	}
	return added;
}

// ---------------------------------------------------------------- validation helpers

/** Jackson set to fail on unknown properties: a misspelt field is a 400. */
export function rejectUnknownFields(body: JsonObject, known: Set<string>, type: string): void {
	for (const key of Object.keys(body)) {
		if (!known.has(key)) throw badRequest(`JSON parse error: Unrecognized field "${key}" (class ${type}), not marked as ignorable`);
	}
}

export function checkEmail(value: string | undefined, field: string): void {
	if (value !== undefined && !EMAIL_RE.test(value)) throw badRequest(`${field} is not valid: '${value}'`);
}

export function checkPhone(value: string | undefined, field: string): void {
	if (value !== undefined && value !== '' && !PHONE_RE.test(value)) throw badRequest(`${field} is not valid: '${value}'`);
}

export function checkNotBlank(value: string | undefined, field: string): void {
	if (value !== undefined && value.trim() === '') throw badRequest(`${field} must not be blank`);
}

/** An email may belong to one member only. */
export function checkEmailFree(data: FakeLoftyData, email: string | undefined, exceptId?: number): void {
	if (email === undefined) return;
	const owner = data.memberByEmail(email);
	if (owner && owner.id !== exceptId) throw badRequest(`The email ${email} is already used by another member`);
}

function checkTimeZone(value: string | undefined): void {
	if (value === undefined) return;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
	} catch {
		throw badRequest(`timeZoneId is not valid: '${value}'`);
	}
}

/** Reads an AgentInfo object: strings only, no unknown fields. */
export function readAgentInfo(body: JsonObject, key: string, type = 'AgentInfo'): Partial<Record<AgentInfoField, string>> | undefined {
	const info = optObj(body, key);
	if (info === undefined) return undefined;
	rejectUnknownFields(info, new Set(AGENT_INFO_FIELDS), type);
	const out: Partial<Record<AgentInfoField, string>> = {};
	for (const field of AGENT_INFO_FIELDS) {
		const value = optStr(info, field, `${key}.`);
		if (value !== undefined) out[field] = value;
	}
	return out;
}

// ---------------------------------------------------------------- rendering

/**
 * UserResponse.id, "the Id of the team's member", kept apart from the user id (memberUserId)
 * that every other route takes, so a node that sends the wrong one is caught.
 */
export function teamMemberIdOf(m: MemberRecord): number {
	return m.id + 9_000_000;
}

/** UserResponse (6.81). */
export function renderMember(data: FakeLoftyData, m: MemberRecord): Record<string, unknown> {
	const leads = data.liveLeads().filter((l) => l.assignedUserId === m.id);
	const profile = memberProfileOf(data, m.id);
	return {
		id: teamMemberIdOf(m),
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
			...profile.agentInfo,
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

function userOf(ctx: RouteContext): MemberRecord {
	const member = ctx.data.member(pathId(ctx, 'userId'));
	if (!member) throw notFound(USER_NOT_FOUND_MESSAGE);
	return member;
}

// ---------------------------------------------------------------- routes

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
		if (limit < 1 || limit > MAX_MEMBER_PAGE_SIZE) throw badRequest(LIMIT_NOT_VALID);
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

	/**
	 * 5.6.3 GET /v1.0/members/{account} -> UserResponse of the member whose account (email)
	 * matches, case-insensitively; 404 {"code":404,"message":"Member not found"} otherwise.
	 */
	router.get('/v1.0/members/{account}', ({ data, params }) => {
		const member = data.memberByEmail(params.account.trim());
		if (!member) throw notFound(MEMBER_NOT_FOUND_MESSAGE);
		return { body: renderMember(data, member) };
	});

	/** 5.6.4 GET /v1.0/users/{userId} (deprecated in the reference) -> UserResponse; 404 when unknown. */
	router.get('/v1.0/users/{userId}', (ctx) => ({ body: renderMember(ctx.data, userOf(ctx)) }));

	/**
	 * 5.6.5 PUT /v1.0/users/{userId} (UserRequest) -> "success". Merges the fields sent.
	 * Unknown fields are a 400; email must be valid and not another member's; names must not
	 * be blank; timeZoneId must be an IANA zone; agentInfo holds AgentInfo strings only.
	 */
	router.put('/v1.0/users/{userId}', (ctx) => {
		const member = userOf(ctx);
		const body = bodyObject(ctx.body, 'userRequest');
		rejectUnknownFields(body, USER_REQUEST_FIELDS, 'UserRequest');
		const values: Partial<Record<(typeof USER_REQUEST_STRINGS)[number], string>> = {};
		for (const field of USER_REQUEST_STRINGS) {
			const value = optStr(body, field);
			if (value !== undefined) values[field] = value;
		}
		checkEmail(values.email, 'email');
		checkEmailFree(ctx.data, values.email, member.id);
		checkNotBlank(values.firstName, 'firstName');
		checkNotBlank(values.lastName, 'lastName');
		checkPhone(values.phoneNumber, 'phoneNumber');
		checkTimeZone(values.timeZoneId);
		const agentInfo = readAgentInfo(body, 'agentInfo');

		if (values.email !== undefined) member.email = values.email;
		if (values.firstName !== undefined) member.firstName = values.firstName;
		if (values.lastName !== undefined) member.lastName = values.lastName;
		if (values.phoneNumber !== undefined) member.phoneNumber = values.phoneNumber;
		if (values.timeZoneId !== undefined) member.timeZoneId = values.timeZoneId;
		const profile = memberProfileOf(ctx.data, member.id);
		if (values.headPortrait !== undefined) profile.headPortrait = values.headPortrait;
		if (agentInfo) {
			if (agentInfo.licenseId !== undefined) member.licenseId = agentInfo.licenseId;
			Object.assign(profile.agentInfo, agentInfo);
		}
		return { body: 'success' };
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
