/**
 * Agent User (reference 5.1): POST /v1.0/agent/profile/add creates an agent from an
 * AgentProfile (6.6): accountInfo (AccountInfo 6.1), workInfo (WorkInfo 6.86),
 * personalPhotos (PersonalPhotos 6.65), socialMedias (SocialMedias 6.70) and flags.
 *
 * Choices where the reference is silent:
 * - the answer is a Result«long» (6.66) `{data: <new agent id>, errorCode: 0, errorData: null,
 *   errorMsg: null}` (the definition exists in the reference but no endpoint names it);
 * - accountInfo with emailAddress (valid, not a member's yet), firstName and lastName is required;
 * - accountInfo.roleId must be one of the assignment roles (data.assignRoles), groupId one of
 *   the members' groups; photo URLs and file links must be http(s) URLs;
 * - unknown fields are a 400, at every level.
 * The agent becomes a team member; the whole profile is kept for tests (agentProfileOf).
 */
import type { FakeLoftyData } from './data';
import type { Router } from './router';
import { badRequest } from './errors';
import { checkGroup, readSocialMedias } from './routes-accounts';
import type { SocialMediaItem } from './routes-accounts';
import { addMember, checkEmail, checkEmailFree, checkNotBlank, checkPhone, memberProfileOf, rejectUnknownFields } from './routes-members';
import type { JsonObject } from './validate';
import { bodyObject, optBool, optInt, optIntArray, optObj, optObjArray, optStr, optStrArray } from './validate';

const PROFILE_FIELDS = new Set([
	'accountInfo',
	'accountType',
	'agentPid',
	'checkRosterNum',
	'fullSync',
	'hasBackOffice',
	'personalPhotos',
	'shouldSync',
	'socialMedias',
	'workInfo',
]);

const ACCOUNT_INFO_STRINGS = [
	'domain',
	'emailAddress',
	'firstName',
	'headUrl',
	'lastName',
	'phoneCode',
	'phoneCountry',
	'phoneNumber',
	'sendingEmail',
] as const;
const ACCOUNT_INFO_FIELDS = new Set<string>([...ACCOUNT_INFO_STRINGS, 'allowChangeDomain', 'groupId', 'permissions', 'roleId', 'tagIds']);

const WORK_INFO_STRINGS = [
	'address',
	'companyAddress',
	'companyName',
	'licenseId',
	'personalIntroduction',
	'personalWebsite',
	'position',
] as const;
const WORK_INFO_FIELDS = new Set<string>([...WORK_INFO_STRINGS, 'personalAttachments', 'personalDisclaimers']);

const FILE_INFO_FIELDS = new Set(['contentType', 'fileName', 'queryLink', 'size']);

const URL_RE = /^https?:\/\/\S+$/i;

/** FileInfo (6.28). */
export interface FileInfo {
	contentType?: string;
	fileName?: string;
	queryLink?: string;
	size?: number;
}

/** An AgentProfile as the fake stored it. */
export interface StoredAgentProfile {
	agentId: number;
	accountInfo: JsonObject;
	accountType?: number;
	agentPid?: string;
	checkRosterNum?: boolean;
	fullSync?: boolean;
	hasBackOffice?: boolean;
	shouldSync?: boolean;
	personalPhotos: string[];
	socialMedias: SocialMediaItem[];
	workInfo: JsonObject & { personalAttachments?: FileInfo[]; personalDisclaimers?: FileInfo[] };
}

const profiles = new WeakMap<FakeLoftyData, Map<number, StoredAgentProfile>>();

/** The profile an agent was created with through /v1.0/agent/profile/add, if any. */
export function agentProfileOf(data: FakeLoftyData, agentId: number): StoredAgentProfile | undefined {
	return profiles.get(data)?.get(agentId);
}

function storeProfile(data: FakeLoftyData, profile: StoredAgentProfile): void {
	let byId = profiles.get(data);
	if (!byId) {
		byId = new Map();
		profiles.set(data, byId);
	}
	byId.set(profile.agentId, profile);
}

function checkUrl(value: string, field: string): void {
	if (!URL_RE.test(value)) throw badRequest(`${field} is not a valid URL: '${value}'`);
}

function readStrings<K extends string>(body: JsonObject, keys: readonly K[], prefix: string): Partial<Record<K, string>> {
	const out: Partial<Record<K, string>> = {};
	for (const key of keys) {
		const value = optStr(body, key, prefix);
		if (value !== undefined) out[key] = value;
	}
	return out;
}

function readFiles(workInfo: JsonObject, key: string): FileInfo[] | undefined {
	const files = optObjArray(workInfo, key, 'workInfo.');
	return files?.map((file) => {
		rejectUnknownFields(file, FILE_INFO_FIELDS, 'FileInfo');
		const prefix = `workInfo.${key}.`;
		const out: FileInfo = readStrings(file, ['contentType', 'fileName', 'queryLink'] as const, prefix);
		const size = optInt(file, 'size', prefix);
		if (size !== undefined) {
			if (size < 0) throw badRequest(`${prefix}size must not be negative`);
			out.size = size;
		}
		if (out.queryLink === undefined) throw badRequest(`${prefix}queryLink is required`);
		checkUrl(out.queryLink, `${prefix}queryLink`);
		return out;
	});
}

export function registerAgentProfileRoutes(router: Router): void {
	/** 5.1.1 POST /v1.0/agent/profile/add (AgentProfile) -> Result«long» with the new agent id. */
	router.post('/v1.0/agent/profile/add', (ctx) => {
		const { data } = ctx;
		const body = bodyObject(ctx.body, 'agentProfile');
		rejectUnknownFields(body, PROFILE_FIELDS, 'AgentProfile');

		const accountInfo = optObj(body, 'accountInfo');
		if (accountInfo === undefined) throw badRequest('accountInfo is required');
		rejectUnknownFields(accountInfo, ACCOUNT_INFO_FIELDS, 'AccountInfo');
		const account = readStrings(accountInfo, ACCOUNT_INFO_STRINGS, 'accountInfo.');
		if (account.emailAddress === undefined) throw badRequest('accountInfo.emailAddress is required');
		if (account.firstName === undefined) throw badRequest('accountInfo.firstName is required');
		if (account.lastName === undefined) throw badRequest('accountInfo.lastName is required');
		checkEmail(account.emailAddress, 'accountInfo.emailAddress');
		checkEmailFree(data, account.emailAddress);
		checkNotBlank(account.firstName, 'accountInfo.firstName');
		checkNotBlank(account.lastName, 'accountInfo.lastName');
		checkPhone(account.phoneNumber, 'accountInfo.phoneNumber');
		const allowChangeDomain = optBool(accountInfo, 'allowChangeDomain', 'accountInfo.');
		const groupId = optInt(accountInfo, 'groupId', 'accountInfo.');
		checkGroup(data, groupId, 'accountInfo.groupId');
		const roleId = optInt(accountInfo, 'roleId', 'accountInfo.');
		const role = roleId === undefined ? undefined : data.assignRoles.find((r) => r.roleId === roleId);
		if (roleId !== undefined && !role) throw badRequest(`accountInfo.roleId is not valid: ${roleId}`);
		const permissions = optStrArray(accountInfo, 'permissions', 'accountInfo.');
		const tagIds = optIntArray(accountInfo, 'tagIds', 'accountInfo.');
		if (tagIds?.some((id) => id <= 0)) throw badRequest('accountInfo.tagIds must hold positive ids');

		const workInfoBody = optObj(body, 'workInfo') ?? {};
		rejectUnknownFields(workInfoBody, WORK_INFO_FIELDS, 'WorkInfo');
		const work = readStrings(workInfoBody, WORK_INFO_STRINGS, 'workInfo.');
		const personalAttachments = readFiles(workInfoBody, 'personalAttachments');
		const personalDisclaimers = readFiles(workInfoBody, 'personalDisclaimers');

		const photos = optObj(body, 'personalPhotos');
		let photoUrls: string[] = [];
		if (photos !== undefined) {
			rejectUnknownFields(photos, new Set(['urls']), 'PersonalPhotos');
			photoUrls = optStrArray(photos, 'urls', 'personalPhotos.') ?? [];
			photoUrls.forEach((url) => checkUrl(url, 'personalPhotos.urls'));
		}
		const socialMedias = readSocialMedias(body, 'socialMedias') ?? [];

		const profile: Omit<StoredAgentProfile, 'agentId'> = {
			accountInfo: { ...account, allowChangeDomain, groupId, roleId, permissions, tagIds },
			accountType: optInt(body, 'accountType'),
			agentPid: optStr(body, 'agentPid'),
			checkRosterNum: optBool(body, 'checkRosterNum'),
			fullSync: optBool(body, 'fullSync'),
			hasBackOffice: optBool(body, 'hasBackOffice'),
			shouldSync: optBool(body, 'shouldSync'),
			personalPhotos: photoUrls,
			socialMedias,
			workInfo: { ...work, personalAttachments, personalDisclaimers },
		};

		const member = addMember(data, {
			firstName: account.firstName,
			lastName: account.lastName,
			email: account.emailAddress,
			phoneNumber: account.phoneNumber,
			groupId,
			role: role?.roleId,
			roleName: role?.role,
			licenseId: work.licenseId,
		});
		const memberProfile = memberProfileOf(data, member.id);
		if (account.headUrl !== undefined) memberProfile.headPortrait = account.headUrl;
		for (const field of ['companyAddress', 'companyName', 'position'] as const) {
			if (work[field] !== undefined) memberProfile.agentInfo[field] = work[field];
		}
		if (profile.agentPid !== undefined) memberProfile.agentInfo.agentPid = profile.agentPid;
		storeProfile(data, { agentId: member.id, ...profile });
		return { body: { data: member.id, errorCode: 0, errorData: null, errorMsg: null } };
	});
}
