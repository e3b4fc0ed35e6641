/**
 * Lead-side model shared by the lead routes: LeadResponse rendering and validation of
 * LeadRequest / EditLeadRequest bodies into a patch that is applied only once the whole
 * body is valid (a 400 never half-applies).
 */
import { createHash } from 'node:crypto';
import type { FakeLoftyData, LeadFlagField, LeadRecord, LeadStringField } from './data';
import { LEAD_FLAG_FIELDS, LEAD_REQUEST_STRING_FIELDS, LEAD_STRING_FIELDS } from './data';
import type { ResolvedOptions } from './types';
import { badRequest } from './errors';
import { formatOptionalTime, formatTime } from './time';
import {
	isObject,
	JsonObject,
	optBool,
	optInt,
	optIntArray,
	optNum,
	optObj,
	optObjArray,
	optStr,
	optStrArray,
} from './validate';

const REQUEST_STRING_FIELDS: readonly LeadStringField[] = LEAD_REQUEST_STRING_FIELDS;

const RESPONSE_STRING_FIELDS: readonly LeadStringField[] = LEAD_STRING_FIELDS;

/** leadType: Other (-1), Seller (1), Buyer (2), Buyer & Seller (3), Renter (5). */
export const LEAD_TYPE_VALUES = [-1, 1, 2, 3, 5];
/** leadTypes: Other (-1), Seller (1), Buyer (2), Renter (5), Investor (6), Agent (7), Homeowner (8), Landlord (9). */
export const LEAD_TYPES_VALUES = [-1, 1, 2, 5, 6, 7, 8, 9];

const BIRTHDAY_RE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER_TEXT_RE = /^[-+]?(\d+\.?\d*|\.\d+)$/;
export const MAX_PHONE_LENGTH = 20;
export const MAX_STAGE_LENGTH = 19; // "less than 20 characters"
export const MAX_FAMILY_MEMBERS = 4;

export function checkBirthday(value: string | undefined, field: string): void {
	if (value !== undefined && value !== '' && !BIRTHDAY_RE.test(value)) {
		throw badRequest(`${field} is not valid: '${value}', expected pattern MMM d, yyyy (e.g. Jan 5, 1990)`);
	}
}

export function checkEmail(value: string, field = 'emails'): void {
	if (!EMAIL_RE.test(value)) throw badRequest(`${field} contains an invalid email address: '${value}'`);
}

export function checkPhone(value: string, field = 'phones'): void {
	if (value.trim() === '') throw badRequest(`${field} contains an empty phone number`);
	if (value.length > MAX_PHONE_LENGTH) {
		throw badRequest(`${field} contains a phone number longer than ${MAX_PHONE_LENGTH} characters: '${value}'`);
	}
}

function parseOptions(params: string): string[] {
	try {
		const parsed: unknown = JSON.parse(params);
		if (isObject(parsed) && Array.isArray(parsed.option)) return parsed.option.map(String);
	} catch {
		// no options
	}
	return [];
}

/** Checks a custom field value against its type (lead CustomAttribute or transaction custom field). */
export function checkCustomValue(type: string, params: string, value: string, label: string): void {
	const invalid = () => badRequest(`custom field '${label}' value is not valid: '${value}'`);
	if (value === '') return;
	switch (type) {
		case 'number':
			if (!NUMBER_TEXT_RE.test(value.trim())) throw invalid();
			break;
		case 'select':
			if (!parseOptions(params).includes(value)) throw invalid();
			break;
		case 'multi_select': {
			let items: unknown;
			try {
				items = JSON.parse(value);
			} catch {
				throw invalid();
			}
			const options = parseOptions(params);
			if (!Array.isArray(items) || !items.every((i) => typeof i === 'string' && options.includes(i))) throw invalid();
			break;
		}
		default:
			break;
	}
}

// ---------------------------------------------------------------- rendering

function renderInquiry(inquiry: JsonObject | undefined, options: ResolvedOptions): JsonObject | null {
	if (!inquiry) return null;
	const out: JsonObject = { ...inquiry };
	for (const key of ['createTime', 'updateTime']) {
		if (typeof out[key] === 'number') out[key] = formatTime(out[key] as number, options.timeFormat);
	}
	return out;
}

/** LeadResponse (6.45). */
export function renderLead(data: FakeLoftyData, options: ResolvedOptions, lead: LeadRecord): JsonObject {
	const f = options.timeFormat;
	const assigned = data.member(lead.assignedUserId);
	const out: JsonObject = {
		leadId: lead.leadId,
		leadUserId: lead.leadUserId,
		teamId: data.teamId,
	};
	for (const key of RESPONSE_STRING_FIELDS) out[key] = lead.profile[key] ?? null;
	for (const key of LEAD_FLAG_FIELDS) out[key] = lead.flags[key];
	Object.assign(out, {
		emails: [...lead.emails],
		phones: [...lead.phones],
		phoneStatuses: lead.phones.map(() => 0),
		leadSource: data.sources.find((s) => s.name === lead.profile.source)?.id ?? 0,
		stage: lead.stage,
		stageId: data.stage(lead.stage)?.id ?? null,
		assignedUserId: lead.assignedUserId ?? null,
		assignedUser: assigned ? `${assigned.firstName} ${assigned.lastName}` : null,
		assignTime: formatOptionalTime(lead.assignTime, f),
		assignCompletionStatus: true,
		lenderUserId: lead.lenderUserId ?? null,
		customRoleList: lead.customRoles.map((r) => ({
			roleId: r.roleId,
			role: r.role,
			assigneeId: r.assigneeId,
			assignee: data.member(r.assigneeId)?.email ?? null,
		})),
		leadType: lead.leadType ?? null,
		leadTypes: [...lead.leadTypes],
		privateFlag: lead.privateFlag,
		score: lead.score,
		segments: [...lead.segments],
		groups: [...lead.segments],
		tags: lead.tags.map((name) => {
			const tag = data.tag(name);
			return {
				leadId: lead.leadId,
				tagId: tag?.tagId ?? null,
				tagName: name,
				createTime: formatTime(tag?.createTime ?? lead.createTime, f),
				updateTime: formatTime(tag?.updateTime ?? lead.createTime, f),
				creatorUserId: tag?.creatorUserId ?? data.currentUserId,
				visibleType: tag?.visibleType ?? 0,
			};
		}),
		customAttributes: lead.customAttributes.map((ca) => {
			const def = data.leadCustomFields.find((d) => d.attributeName === ca.attributeName);
			return { attributeName: ca.attributeName, attributeType: def?.attributeType ?? 'text', params: def?.params ?? '', value: ca.value };
		}),
		leadFamilyMemberList: lead.familyMembers.map((m) => ({ ...m })),
		leadInquiry: renderInquiry(lead.inquiry, options),
		leadPropertyList: lead.properties.map((p) => ({ ...p })),
		createTime: formatTime(lead.createTime, f),
		lastUpdateTime: formatTime(lead.updateTime, f),
		lastTouch: formatOptionalTime(lead.lastTouch, f),
		lastVisit: formatOptionalTime(lead.lastVisit, f),
		pondId: null,
		pondName: null,
	});
	return out;
}

// ---------------------------------------------------------------- request bodies

/** A validated LeadRequest / EditLeadRequest. */
export interface LeadPatch {
	strings: Partial<Record<LeadStringField, string>>;
	flags: Partial<Record<LeadFlagField, boolean>>;
	emails?: string[];
	phones?: string[];
	stage?: string;
	tags?: string[];
	tagsAdd?: string[];
	segments?: string[];
	assignedUserId?: number;
	leadType?: number;
	leadTypes?: number[];
	isPrivate?: boolean;
	customAttributes?: Array<{ attributeName: string; value: string }>;
	familyMembers?: JsonObject[];
	inquiry?: JsonObject;
	property?: JsonObject;
}

/** Reads and validates a LeadInquiryReq into LeadInquiryRes fields (no id/times). */
export function readInquiry(o: JsonObject, prefix = ''): JsonObject {
	const priceMin = optInt(o, 'priceMin', prefix);
	const priceMax = optInt(o, 'priceMax', prefix);
	if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) {
		throw badRequest(`${prefix}priceMin (${priceMin}) must not be greater than priceMax (${priceMax})`);
	}
	const bedroomsMin = optInt(o, 'bedroomsMin', prefix);
	const bedroomsMax = optInt(o, 'bedroomsMax', prefix);
	const locations = (optObjArray(o, 'locations', prefix) ?? []).map((loc, i) => {
		const p = `${prefix}locations[${i}].`;
		return {
			city: optStr(loc, 'city', p) ?? null,
			county: optStr(loc, 'county', p) ?? null,
			description: optStr(loc, 'description', p) ?? null,
			stateCode: optStr(loc, 'stateCode', p) ?? null,
			streetAddress: optStr(loc, 'streetAddress', p) ?? null,
			zipCode: optStr(loc, 'zipCode', p) ?? null,
		};
	});
	return {
		priceMin: priceMin ?? null,
		priceMax: priceMax ?? null,
		bedroomsMin: bedroomsMin ?? null,
		bedroomsMax: bedroomsMax ?? null,
		bathroomsMin: optStr(o, 'bathroomsMin', prefix) ?? null,
		bathroomsMax: optStr(o, 'bathroomsMax', prefix) ?? null,
		propertyType: optStrArray(o, 'propertyType', prefix) ?? [],
		locations,
		modifyByAgent: optBool(o, 'modifyByAgent', prefix) ?? false,
	};
}

/** Reads and validates a LeadPropertyReq into LeadPropertyRes fields (no id). */
export function readProperty(o: JsonObject, prefix = ''): JsonObject {
	return {
		streetAddress: optStr(o, 'streetAddress', prefix) ?? null,
		city: optStr(o, 'city', prefix) ?? null,
		county: optStr(o, 'county', prefix) ?? null,
		state: optStr(o, 'state', prefix) ?? null,
		zipCode: optStr(o, 'zipCode', prefix) ?? null,
		price: optInt(o, 'price', prefix) ?? null,
		propertyType: optStr(o, 'propertyType', prefix) ?? null,
		bedrooms: optInt(o, 'bedrooms', prefix) ?? null,
		bathrooms: optNum(o, 'bathrooms', prefix) ?? null,
		squareFeet: optInt(o, 'squareFeet', prefix) ?? null,
		lotSize: optNum(o, 'lotSize', prefix) ?? null,
		parkingSpace: optInt(o, 'parkingSpace', prefix) ?? null,
		floors: optInt(o, 'floors', prefix) ?? null,
		mailAddress: optBool(o, 'mailAddress', prefix) ?? false,
		listingId: optStr(o, 'listingId', prefix) ?? null,
		autoListingId: optInt(o, 'autoListingId', prefix) ?? null,
		listingStatus: optStr(o, 'listingStatus', prefix) ?? null,
		label: optStr(o, 'label', prefix) ?? null,
		labelList: optStr(o, 'labelList', prefix) ?? null,
		labelType: optStr(o, 'labelType', prefix) ?? null,
		note: optStr(o, 'note', prefix) ?? null,
		pictureUrl: optStr(o, 'pictureUrl', prefix) ?? null,
		siteListingUrl: optStr(o, 'siteListingUrl', prefix) ?? null,
	};
}

function readFamilyMember(o: JsonObject, i: number): JsonObject {
	const p = `leadFamilyMemberList[${i}].`;
	const birthday = optStr(o, 'birthday', p);
	checkBirthday(birthday, `${p}birthday`);
	const emails = optStrArray(o, 'emails', p) ?? [];
	emails.forEach((e) => checkEmail(e, `${p}emails`));
	const phones = optStrArray(o, 'phones', p) ?? [];
	phones.forEach((ph) => checkPhone(ph, `${p}phones`));
	return {
		firstName: optStr(o, 'firstName', p) ?? null,
		lastName: optStr(o, 'lastName', p) ?? null,
		relationship: optStr(o, 'relationship', p) ?? null,
		birthday: birthday ?? null,
		emails,
		phones,
	};
}

/** Validates a LeadRequest (create) or EditLeadRequest (edit) body. */
export function readLeadPatch(data: FakeLoftyData, body: JsonObject): LeadPatch {
	const patch: LeadPatch = { strings: {}, flags: {} };
	for (const key of REQUEST_STRING_FIELDS) {
		const v = optStr(body, key);
		if (v !== undefined) patch.strings[key] = v;
	}
	checkBirthday(patch.strings.birthday, 'birthday');
	for (const key of LEAD_FLAG_FIELDS) {
		const v = optBool(body, key);
		if (v !== undefined) patch.flags[key] = v;
	}

	patch.emails = optStrArray(body, 'emails');
	patch.emails?.forEach((e) => checkEmail(e));
	patch.phones = optStrArray(body, 'phones');
	patch.phones?.forEach((p) => checkPhone(p));

	const stage = optStr(body, 'stage');
	if (stage !== undefined) {
		if (stage.length > MAX_STAGE_LENGTH) throw badRequest(`stage must be less than 20 characters: '${stage}'`);
		if (!data.stage(stage)) throw badRequest(`stage not found: '${stage}'`);
		patch.stage = stage;
	}

	patch.tags = optStrArray(body, 'tags');
	patch.tagsAdd = optStrArray(body, 'tagsAdd');
	// groups is the deprecated name of segments
	patch.segments = optStrArray(body, 'segments') ?? optStrArray(body, 'groups');

	const assignedUserId = optInt(body, 'assignedUserId');
	if (assignedUserId !== undefined) {
		if (!data.member(assignedUserId)) throw badRequest(`assignedUserId not found: ${assignedUserId}`);
		patch.assignedUserId = assignedUserId;
	}

	const leadType = optInt(body, 'leadType');
	if (leadType !== undefined) {
		if (!LEAD_TYPE_VALUES.includes(leadType)) throw badRequest(`leadType is not valid: ${leadType}`);
		patch.leadType = leadType;
	}
	const leadTypes = optIntArray(body, 'leadTypes');
	if (leadTypes !== undefined) {
		const bad = leadTypes.find((t) => !LEAD_TYPES_VALUES.includes(t));
		if (bad !== undefined) throw badRequest(`leadTypes is not valid: ${bad}`);
		patch.leadTypes = leadTypes;
	}

	patch.isPrivate = optBool(body, 'isPrivate');

	const customList = optObjArray(body, 'customAttributeList');
	if (customList !== undefined) {
		patch.customAttributes = customList.map((ca, i) => {
			const p = `customAttributeList[${i}].`;
			const name = optStr(ca, 'attributeName', p);
			if (name === undefined || name === '') throw badRequest(`${p}attributeName is required`);
			const def = data.leadCustomFields.find((d) => d.attributeName === name);
			if (!def) throw badRequest(`custom field not found: '${name}'`);
			const value = optStr(ca, 'value', p) ?? '';
			checkCustomValue(def.attributeType, def.params, value, name);
			return { attributeName: name, value };
		});
	}

	const family = optObjArray(body, 'leadFamilyMemberList');
	if (family !== undefined) {
		if (family.length > MAX_FAMILY_MEMBERS) throw badRequest(`leadFamilyMemberList: you can add up to ${MAX_FAMILY_MEMBERS} family members`);
		patch.familyMembers = family.map(readFamilyMember);
	}

	const inquiry = optObj(body, 'inquiry');
	if (inquiry) patch.inquiry = readInquiry(inquiry, 'inquiry.');
	const property = optObj(body, 'property');
	if (property) patch.property = readProperty(property, 'property.');
	return patch;
}

/** Applies a validated patch. Returns nothing; the caller sets updateTime. */
export function applyLeadPatch(data: FakeLoftyData, lead: LeadRecord, patch: LeadPatch): void {
	Object.assign(lead.profile, patch.strings);
	Object.assign(lead.flags, patch.flags);
	if (patch.emails) lead.emails = [...patch.emails];
	if (patch.phones) lead.phones = [...patch.phones];
	if (patch.stage !== undefined) lead.stage = patch.stage;
	if (patch.tags) data.setLeadTags(lead, patch.tags);
	if (patch.tagsAdd) data.setLeadTags(lead, [...lead.tags, ...patch.tagsAdd]);
	if (patch.segments) data.setLeadSegments(lead, patch.segments);
	if (patch.assignedUserId !== undefined && patch.assignedUserId !== lead.assignedUserId) {
		data.assignAgent(lead, patch.assignedUserId);
	}
	if (patch.leadType !== undefined) lead.leadType = patch.leadType;
	if (patch.leadTypes) lead.leadTypes = [...patch.leadTypes];
	if (patch.isPrivate !== undefined) lead.privateFlag = patch.isPrivate;
	if (patch.customAttributes) {
		for (const ca of patch.customAttributes) {
			const existing = lead.customAttributes.find((c) => c.attributeName === ca.attributeName);
			if (existing) existing.value = ca.value;
			else lead.customAttributes.push({ ...ca });
		}
	}
	if (patch.familyMembers) lead.familyMembers = patch.familyMembers;
	const now = data.now();
	if (patch.inquiry) {
		const id = typeof lead.inquiry?.id === 'number' ? lead.inquiry.id : data.nextInquiryId();
		const createTime = typeof lead.inquiry?.createTime === 'number' ? lead.inquiry.createTime : now;
		lead.inquiry = { id, leadUserId: lead.leadUserId, ...patch.inquiry, createTime, updateTime: now, defaultValue: false };
	}
	if (patch.property) {
		// The lead's property: replaces the first (primary) entry, or becomes it.
		const existing = lead.properties[0];
		const id = typeof existing?.id === 'number' ? existing.id : data.nextPropertyId();
		const record = { id, leadUserId: lead.leadUserId, ...patch.property };
		if (existing) lead.properties[0] = record;
		else lead.properties.push(record);
	}
}

/** Deterministic login token for POST /v1.0/leads/specified-url. */
export function loginToken(leadId: number): string {
	return createHash('sha256').update(`fake-lofty-login:${leadId}`).digest('hex').slice(0, 32);
}
