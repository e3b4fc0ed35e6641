/**
 * Agent Organization (reference 5.13): the organization of the current user, the company
 * of the team, its offices and the permission profiles.
 *
 * The reference pairs POST /v1.0/org/office with "Update Agent Office" and
 * PUT /v1.0/org/office with "Add Agent Office"; the fake follows that pairing.
 * Response shapes the reference leaves as `string` are chosen here:
 * - POST /v1.0/org/company → the bare JSON string "success";
 * - PUT and POST /v1.0/org/office → the office id as a bare JSON string ("820001").
 * orgType values are chosen too: 1 single team, 2 multi-team, 3 enterprise.
 */
import type { FakeLoftyData } from './data';
import type { RouteContext, Router } from './router';
import { badRequest, LoftyError, notFound } from './errors';
import type { JsonObject } from './validate';
import { bodyObject, optBool, optInt, optStr } from './validate';

export type OrganizationPackage = 'team' | 'multiTeam' | 'enterprise';

export const ORG_TYPES: Record<OrganizationPackage, number> = { team: 1, multiTeam: 2, enterprise: 3 };
export const ROOT_OFFICE_ID = 800000;
export const NEW_OFFICE_ID_BASE = 820000;
export const PERMISSION_PROFILE_ID_BASE = 810000;
export const OFFICE_NOT_FOUND_MESSAGE = 'Office not found';

/** CompanyOpenVo (6.18) as stored. */
export interface CompanyRecord {
	teamId: number;
	name: string;
	header: string | null;
	email: string | null;
	phone: string | null;
	phoneCode: string | null;
	phoneCountry: string | null;
	streetAddress: string | null;
	city: string | null;
	state: string | null;
	zipcode: string | null;
}

/** OfficeOpenVo (6.60) as stored. */
export interface OfficeRecord {
	id: number;
	name: string;
	parentId: number | null;
	allowManageSub: boolean;
	email: string | null;
	phone: string | null;
	phoneCode: string | null;
	phoneCountry: string | null;
	streetAddress: string | null;
	city: string | null;
	state: string | null;
	zipcode: string | null;
	websiteOwnerId: number | null;
}

/** PermissionProfile (6.64). */
export interface PermissionProfileRecord {
	id: number;
	name: string;
}

export interface OrganizationStore {
	/** Which package the client is on: decides what GET /v1.0/org returns. */
	package: OrganizationPackage;
	multiTeam: { multiTeamId: number; multiTeamName: string };
	company: CompanyRecord;
	offices: Map<number, OfficeRecord>;
	permissionProfiles: PermissionProfileRecord[];
	nextOfficeId: number;
	nextProfileId: number;
}

const COMPANY_STRING_FIELDS = [
	'city',
	'email',
	'header',
	'name',
	'phone',
	'phoneCode',
	'phoneCountry',
	'state',
	'streetAddress',
	'zipcode',
] as const;
const COMPANY_FIELDS = new Set<string>([...COMPANY_STRING_FIELDS, 'teamId']);

const OFFICE_STRING_FIELDS = [
	'city',
	'email',
	'name',
	'phone',
	'phoneCode',
	'phoneCountry',
	'state',
	'streetAddress',
	'zipcode',
] as const;
const OFFICE_FIELDS = new Set<string>([...OFFICE_STRING_FIELDS, 'allowManageSub', 'id', 'parentId', 'websiteOwnerId']);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function office(id: number, name: string, parentId: number | null, city: string | null): OfficeRecord {
	return {
		id,
		name,
		parentId,
		allowManageSub: parentId === null,
		email: null,
		phone: null,
		phoneCode: null,
		phoneCountry: null,
		streetAddress: null,
		city,
		state: city ? 'TX' : null,
		zipcode: null,
		websiteOwnerId: null,
	};
}

function createStore(data: FakeLoftyData): OrganizationStore {
	const offices = new Map<number, OfficeRecord>();
	// The members' groups (800001 Austin Office, 800002 Round Rock Office) sit under the company's root.
	offices.set(ROOT_OFFICE_ID, office(ROOT_OFFICE_ID, 'Example Realty', null, 'Austin'));
	for (const member of data.members) {
		if (!offices.has(member.groupId)) {
			offices.set(member.groupId, office(member.groupId, member.groupName, ROOT_OFFICE_ID, member.groupName.replace(/ Office$/, '')));
		}
	}
	return {
		package: 'enterprise',
		multiTeam: { multiTeamId: 950001, multiTeamName: 'Example Realty Group' },
		company: {
			teamId: data.teamId,
			name: 'Example Realty',
			header: null,
			email: 'info@example-realty.com',
			phone: '5125550100',
			phoneCode: '1',
			phoneCountry: 'US',
			streetAddress: '100 Congress Ave',
			city: 'Austin',
			state: 'TX',
			zipcode: '78701',
		},
		offices,
		permissionProfiles: ['Admin', 'Agent', 'Lender'].map((name, i) => ({ id: PERMISSION_PROFILE_ID_BASE + 1 + i, name })),
		nextOfficeId: NEW_OFFICE_ID_BASE + 1,
		nextProfileId: PERMISSION_PROFILE_ID_BASE + 4,
	};
}

const stores = new WeakMap<FakeLoftyData, OrganizationStore>();

/** The organization store of one fake server's data, created with its defaults on first use. */
export function organizationOf(data: FakeLoftyData): OrganizationStore {
	let store = stores.get(data);
	if (!store) {
		store = createStore(data);
		stores.set(data, store);
	}
	return store;
}

/** Adds `count` permission profiles named "Custom Profile <id>"; returns them. */
export function seedPermissionProfiles(data: FakeLoftyData, count: number): PermissionProfileRecord[] {
	const store = organizationOf(data);
	const added: PermissionProfileRecord[] = [];
	for (let i = 0; i < count; i++) {
		const id = store.nextProfileId++;
		added.push({ id, name: `Custom Profile ${id}` });
	}
	store.permissionProfiles.push(...added);
	return added;
}

/** Adds `count` offices named "Office <id>" under `parentId` (default: the root); returns them. */
export function seedOffices(data: FakeLoftyData, count: number, parentId = ROOT_OFFICE_ID): OfficeRecord[] {
	const store = organizationOf(data);
	const added: OfficeRecord[] = [];
	for (let i = 0; i < count; i++) {
		const record = office(store.nextOfficeId++, '', parentId, null);
		record.name = `Office ${record.id}`;
		store.offices.set(record.id, record);
		added.push(record);
	}
	return added;
}

// ---------------------------------------------------------------- validation

/** Jackson configured to fail on unknown properties: a misspelt field is a 400. */
function rejectUnknownFields(body: JsonObject, known: Set<string>, type: string): void {
	for (const key of Object.keys(body)) {
		if (!known.has(key)) {
			throw badRequest(`JSON parse error: Unrecognized field "${key}" (class ${type}), not marked as ignorable`);
		}
	}
}

function readStrings<K extends string>(body: JsonObject, keys: readonly K[]): Partial<Record<K, string>> {
	const out: Partial<Record<K, string>> = {};
	for (const key of keys) {
		const value = optStr(body, key);
		if (value !== undefined) out[key] = value;
	}
	return out;
}

function checkEmail(value: string | undefined): void {
	if (value !== undefined && value !== '' && !EMAIL_RE.test(value)) throw badRequest(`email is not valid: '${value}'`);
}

function checkName(value: string | undefined, what: string): void {
	if (value !== undefined && value.trim() === '') throw badRequest(`${what} name must not be blank`);
}

function isUnder(store: OrganizationStore, id: number, ancestor: number): boolean {
	let current = store.offices.get(id);
	const seen = new Set<number>();
	while (current && current.parentId !== null && !seen.has(current.id)) {
		seen.add(current.id);
		if (current.parentId === ancestor) return true;
		current = store.offices.get(current.parentId);
	}
	return false;
}

interface OfficePatch {
	strings: Partial<Record<(typeof OFFICE_STRING_FIELDS)[number], string>>;
	parentId?: number;
	websiteOwnerId?: number;
	allowManageSub?: boolean;
}

function readOfficePatch(ctx: RouteContext, body: JsonObject): OfficePatch {
	rejectUnknownFields(body, OFFICE_FIELDS, 'OfficeOpenVo');
	const store = organizationOf(ctx.data);
	const strings = readStrings(body, OFFICE_STRING_FIELDS);
	checkEmail(strings.email);
	checkName(strings.name, 'office');
	const parentId = optInt(body, 'parentId');
	if (parentId !== undefined && !store.offices.has(parentId)) throw badRequest(`parentId is not valid: ${parentId}`);
	const websiteOwnerId = optInt(body, 'websiteOwnerId');
	if (websiteOwnerId !== undefined && !ctx.data.member(websiteOwnerId)) {
		throw badRequest(`websiteOwnerId is not a member of the team: ${websiteOwnerId}`);
	}
	return { strings, parentId, websiteOwnerId, allowManageSub: optBool(body, 'allowManageSub') };
}

function applyOfficePatch(record: OfficeRecord, patch: OfficePatch): void {
	Object.assign(record, patch.strings);
	if (patch.parentId !== undefined) record.parentId = patch.parentId;
	if (patch.websiteOwnerId !== undefined) record.websiteOwnerId = patch.websiteOwnerId;
	if (patch.allowManageSub !== undefined) record.allowManageSub = patch.allowManageSub;
}

// ---------------------------------------------------------------- rendering

/** OrganizationInfo (6.62): enterpriseInfo or multiTeamInfo depending on the package. */
function renderOrganization(data: FakeLoftyData): JsonObject {
	const store = organizationOf(data);
	const me = data.currentUser();
	const profile = store.permissionProfiles.find((p) => p.name === me.permissionProfileName);
	const group = store.offices.get(me.groupId);
	return {
		orgType: ORG_TYPES[store.package],
		enterpriseInfo:
			store.package === 'enterprise'
				? {
						groupId: me.groupId,
						groupName: group?.name ?? me.groupName,
						profileId: profile?.id ?? null,
						profileName: profile?.name ?? me.permissionProfileName,
						visibleOrgInfoList: [...store.offices.values()]
							.sort((a, b) => a.id - b.id)
							.map((o) => ({ groupId: o.id, groupName: o.name, parentId: o.parentId })),
					}
				: null,
		multiTeamInfo: store.package === 'multiTeam' ? { ...store.multiTeam } : null,
	};
}

// ---------------------------------------------------------------- routes

export function registerOrganizationRoutes(router: Router): void {
	/** 5.13.1 GET /v1.0/org → OrganizationInfo of the current user. */
	router.get('/v1.0/org', (ctx) => ({ body: renderOrganization(ctx.data) }));

	/**
	 * 5.13.2 POST /v1.0/org/company (CompanyOpenVo) → "success". Merges the fields given;
	 * teamId, when sent, must be the current team; name must not be blank; email must be valid.
	 */
	router.post('/v1.0/org/company', (ctx) => {
		const body = bodyObject(ctx.body, 'vo');
		rejectUnknownFields(body, COMPANY_FIELDS, 'CompanyOpenVo');
		const teamId = optInt(body, 'teamId');
		if (teamId !== undefined && teamId !== ctx.data.teamId) {
			throw new LoftyError(403, { code: 403, message: `No permission for team ${teamId}` });
		}
		const strings = readStrings(body, COMPANY_STRING_FIELDS);
		checkEmail(strings.email);
		checkName(strings.name, 'company');
		Object.assign(organizationOf(ctx.data).company, strings);
		return { body: 'success' };
	});

	/**
	 * 5.13.3 "Update Agent Office": POST /v1.0/org/office (OfficeOpenVo) → the office id.
	 * id is required and must exist; parentId must exist and not be the office or below it;
	 * websiteOwnerId must be a member.
	 */
	router.post('/v1.0/org/office', (ctx) => {
		const body = bodyObject(ctx.body, 'vo');
		const store = organizationOf(ctx.data);
		const id = optInt(body, 'id');
		if (id === undefined) throw badRequest('id is required');
		const record = store.offices.get(id);
		if (!record) throw notFound(OFFICE_NOT_FOUND_MESSAGE);
		const patch = readOfficePatch(ctx, body);
		if (patch.parentId !== undefined && (patch.parentId === id || isUnder(store, patch.parentId, id))) {
			throw badRequest('parentId must not be the office itself or one of its sub-offices');
		}
		if (patch.parentId !== undefined && record.parentId === null) {
			throw badRequest('the root office cannot be moved');
		}
		applyOfficePatch(record, patch);
		return { body: String(id) };
	});

	/**
	 * 5.13.4 "Add Agent Office": PUT /v1.0/org/office (OfficeOpenVo) → the new office id.
	 * name is required, id must not be sent; parentId defaults to the root office.
	 */
	router.put('/v1.0/org/office', (ctx) => {
		const body = bodyObject(ctx.body, 'vo');
		const store = organizationOf(ctx.data);
		if (optInt(body, 'id') !== undefined) throw badRequest('id must be empty when adding an office');
		const patch = readOfficePatch(ctx, body);
		if (patch.strings.name === undefined) throw badRequest('name is required');
		if (store.package !== 'enterprise') throw new LoftyError(403, { code: 403, message: 'Offices need the Enterprise package' });
		const record = office(store.nextOfficeId++, patch.strings.name, ROOT_OFFICE_ID, null);
		record.allowManageSub = false;
		applyOfficePatch(record, patch);
		store.offices.set(record.id, record);
		return { body: String(record.id) };
	});

	/** 5.13.5 GET /v1.0/org/permission/profiles → PermissionProfile[] (bare array, whole list). */
	router.get('/v1.0/org/permission/profiles', (ctx) => ({
		body: organizationOf(ctx.data).permissionProfiles.map((p) => ({ id: p.id, name: p.name })),
	}));
}
