/**
 * User Account (reference 5.10): POST /v1.0/agent creates an account, PUT /v1.0/agent edits
 * one. Both take an AccountRequest (6.2) and answer with an AccountResponse (6.3) (chosen:
 * the reference gives no response schema).
 *
 * A created account becomes a team member (GET /v1.0/members, /v1.0/members/{account}).
 * AccountRequest fields that MemberRecord does not hold live in a store of this file.
 *
 * Choices where the reference is silent:
 * - create needs emailAddress (valid, not a member's yet), firstName and lastName;
 * - edit finds the account by teamMemberUserId ("the id of the agent"), which is required;
 * - groupId must be one of the members' groups; profileId must be a positive id (the
 *   permission profiles belong to routes-organization.ts and are not looked up here);
 * - seatType is always 1; unknown fields are a 400.
 */
import type { FakeLoftyData, MemberRecord } from './data';
import type { RouteContext, Router } from './router';
import { badRequest, notFound } from './errors';
import {
	addMember,
	checkEmail,
	checkEmailFree,
	checkNotBlank,
	checkPhone,
	memberGroups,
	memberProfileOf,
	MEMBER_NOT_FOUND_MESSAGE,
	rejectUnknownFields,
} from './routes-members';
import type { JsonObject } from './validate';
import { bodyObject, optBool, optInt, optObj, optObjArray, optStr, optStrArray } from './validate';

/** Item (6.30) of SocialMedias (6.70). */
export interface SocialMediaItem {
	name?: string;
	type?: string;
	value?: string;
}

/** What an account holds beyond MemberRecord. */
export interface AccountRecord {
	address?: string;
	allowChangeSendingEmailAddress: boolean;
	permissions: string[];
	personalWebsite?: string;
	position?: string;
	profileId: number | null;
	selfIntroduction?: string;
	sendingEmailAddress?: string;
	socialMedias: SocialMediaItem[];
}

const ACCOUNT_STRINGS = [
	'address',
	'emailAddress',
	'firstName',
	'lastName',
	'licenseId',
	'personalWebsite',
	'phone',
	'position',
	'selfIntroduction',
	'sendingEmailAddress',
] as const;
type AccountString = (typeof ACCOUNT_STRINGS)[number];

const ACCOUNT_REQUEST_FIELDS = new Set<string>([
	...ACCOUNT_STRINGS,
	'allowChangeSendingEmailAddress',
	'groupId',
	'permissions',
	'profileId',
	'socialMedias',
	'teamMemberUserId',
]);

const SOCIAL_MEDIA_ITEM_FIELDS = new Set(['name', 'type', 'value']);

const accounts = new WeakMap<FakeLoftyData, Map<number, AccountRecord>>();

/** The account record of one member, created with defaults on first use. */
export function accountOf(data: FakeLoftyData, memberId: number): AccountRecord {
	let byId = accounts.get(data);
	if (!byId) {
		byId = new Map();
		accounts.set(data, byId);
	}
	let record = byId.get(memberId);
	if (!record) {
		record = { allowChangeSendingEmailAddress: false, permissions: [], profileId: null, socialMedias: [] };
		byId.set(memberId, record);
	}
	return record;
}

/** SocialMedias {items: Item[]}: an object whose items are {name, type, value} strings. */
export function readSocialMedias(body: JsonObject, key: string): SocialMediaItem[] | undefined {
	const media = optObj(body, key);
	if (media === undefined) return undefined;
	rejectUnknownFields(media, new Set(['items']), 'SocialMedias');
	const items = optObjArray(media, 'items', `${key}.`) ?? [];
	return items.map((item) => {
		rejectUnknownFields(item, SOCIAL_MEDIA_ITEM_FIELDS, 'Item');
		const out: SocialMediaItem = {};
		for (const field of ['name', 'type', 'value'] as const) {
			const value = optStr(item, field, `${key}.items.`);
			if (value !== undefined) out[field] = value;
		}
		if (!out.value) throw badRequest(`${key}.items.value must not be empty`);
		return out;
	});
}

/** A group id must name one of the team's groups. */
export function checkGroup(data: FakeLoftyData, groupId: number | undefined, field = 'groupId'): void {
	if (groupId !== undefined && !memberGroups(data).has(groupId)) throw badRequest(`${field} is not valid: ${groupId}`);
}

function checkPositiveId(value: number | undefined, field: string): void {
	if (value !== undefined && value <= 0) throw badRequest(`${field} is not valid: ${value}`);
}

interface AccountInput {
	strings: Partial<Record<AccountString, string>>;
	allowChangeSendingEmailAddress?: boolean;
	groupId?: number;
	permissions?: string[];
	profileId?: number;
	socialMedias?: SocialMediaItem[];
	teamMemberUserId?: number;
}

function readAccountRequest(ctx: RouteContext): AccountInput {
	const body = bodyObject(ctx.body, 'accountRequest');
	rejectUnknownFields(body, ACCOUNT_REQUEST_FIELDS, 'AccountRequest');
	const strings: AccountInput['strings'] = {};
	for (const field of ACCOUNT_STRINGS) {
		const value = optStr(body, field);
		if (value !== undefined) strings[field] = value;
	}
	checkEmail(strings.emailAddress, 'emailAddress');
	checkNotBlank(strings.firstName, 'firstName');
	checkNotBlank(strings.lastName, 'lastName');
	checkPhone(strings.phone, 'phone');
	const input: AccountInput = {
		strings,
		allowChangeSendingEmailAddress: optBool(body, 'allowChangeSendingEmailAddress'),
		groupId: optInt(body, 'groupId'),
		permissions: optStrArray(body, 'permissions'),
		profileId: optInt(body, 'profileId'),
		socialMedias: readSocialMedias(body, 'socialMedias'),
		teamMemberUserId: optInt(body, 'teamMemberUserId'),
	};
	checkGroup(ctx.data, input.groupId);
	checkPositiveId(input.profileId, 'profileId');
	if (input.permissions?.some((p) => p.trim() === '')) throw badRequest('permissions must not hold blank entries');
	return input;
}

/** Writes the request's fields onto the member and its account record. */
function applyAccount(data: FakeLoftyData, member: MemberRecord, input: AccountInput): void {
	const { strings } = input;
	if (strings.emailAddress !== undefined) member.email = strings.emailAddress;
	if (strings.firstName !== undefined) member.firstName = strings.firstName;
	if (strings.lastName !== undefined) member.lastName = strings.lastName;
	if (strings.phone !== undefined) member.phoneNumber = strings.phone;
	if (strings.licenseId !== undefined) member.licenseId = strings.licenseId;
	if (input.groupId !== undefined) {
		const groupName = memberGroups(data).get(input.groupId) ?? member.groupName;
		member.groupId = input.groupId;
		member.groupName = groupName;
	}
	const account = accountOf(data, member.id);
	for (const field of ['address', 'personalWebsite', 'position', 'selfIntroduction', 'sendingEmailAddress'] as const) {
		if (strings[field] !== undefined) account[field] = strings[field];
	}
	if (strings.position !== undefined) memberProfileOf(data, member.id).agentInfo.position = strings.position;
	if (input.allowChangeSendingEmailAddress !== undefined) account.allowChangeSendingEmailAddress = input.allowChangeSendingEmailAddress;
	if (input.permissions !== undefined) account.permissions = input.permissions;
	if (input.profileId !== undefined) account.profileId = input.profileId;
	if (input.socialMedias !== undefined) account.socialMedias = input.socialMedias;
}

/** AccountResponse (6.3). */
export function renderAccount(data: FakeLoftyData, member: MemberRecord): Record<string, unknown> {
	const account = accountOf(data, member.id);
	return {
		agentId: member.id,
		allowChangeSendingEmailAddress: account.allowChangeSendingEmailAddress,
		emailAddress: member.email,
		firstName: member.firstName,
		groupId: member.groupId,
		lastName: member.lastName,
		permissions: account.permissions,
		phone: member.phoneNumber,
		profileId: account.profileId,
		seatType: 1,
		sendingEmailAddress: account.sendingEmailAddress ?? null,
		teamId: data.teamId,
	};
}

export function registerAccountRoutes(router: Router): void {
	/**
	 * 5.10.1 POST /v1.0/agent (AccountRequest) -> AccountResponse of the new member.
	 * emailAddress, firstName and lastName are required; teamMemberUserId is ignored.
	 */
	router.post('/v1.0/agent', (ctx) => {
		const input = readAccountRequest(ctx);
		const { emailAddress, firstName, lastName } = input.strings;
		if (emailAddress === undefined) throw badRequest('emailAddress is required');
		if (firstName === undefined) throw badRequest('firstName is required');
		if (lastName === undefined) throw badRequest('lastName is required');
		checkEmailFree(ctx.data, emailAddress);
		const member = addMember(ctx.data, { firstName, lastName, email: emailAddress, groupId: input.groupId });
		applyAccount(ctx.data, member, input);
		return { body: renderAccount(ctx.data, member) };
	});

	/**
	 * 5.10.2 PUT /v1.0/agent (AccountRequest) -> AccountResponse. teamMemberUserId names the
	 * account (required; 404 "Member not found" when unknown); the other fields sent are merged.
	 */
	router.put('/v1.0/agent', (ctx) => {
		const input = readAccountRequest(ctx);
		if (input.teamMemberUserId === undefined) throw badRequest('teamMemberUserId is required');
		const member = ctx.data.member(input.teamMemberUserId);
		if (!member) throw notFound(MEMBER_NOT_FOUND_MESSAGE);
		checkEmailFree(ctx.data, input.strings.emailAddress, member.id);
		applyAccount(ctx.data, member, input);
		return { body: renderAccount(ctx.data, member) };
	});
}
